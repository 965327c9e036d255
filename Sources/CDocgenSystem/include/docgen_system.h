// System calls Swift's Glibc module does not expose: an atomic exchange of two paths, and
// flushing a whole file system at once.
#ifndef DOCGEN_SYSTEM_H
#define DOCGEN_SYSTEM_H

/// Atomically swaps the directory entries `a` and `b` (Linux renameat2 RENAME_EXCHANGE,
/// macOS renamex_np RENAME_SWAP). Returns 0, or -1 with errno set (ENOSYS where unsupported).
int docgen_exchange_paths(const char *a, const char *b);

/// Flushes everything written to the file system holding the open descriptor `fd` to stable
/// storage, in one call (Linux syncfs). Returns 0, or -1 with errno set (ENOSYS elsewhere:
/// the caller then syncs file by file).
int docgen_sync_file_system(int fd);

#endif
