// System calls Swift's Glibc module does not expose: an atomic exchange of two paths.
#ifndef DOCGEN_SYSTEM_H
#define DOCGEN_SYSTEM_H

/// Atomically swaps the directory entries `a` and `b` (Linux renameat2 RENAME_EXCHANGE,
/// macOS renamex_np RENAME_SWAP). Returns 0, or -1 with errno set (ENOSYS where unsupported).
int docgen_exchange_paths(const char *a, const char *b);

#endif
