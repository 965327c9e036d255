#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file-system calls on docgen's hot paths, made directly: listing a spec tree and
/// reading every file in it were most of a run's wall time through `FileManager`, which stats
/// and resolves each entry and reads into `Data` before the bytes are copied again; writing
/// through `Data.write(to:)` synced every file on its own (6,863 `fsync`s for one tree).
package enum FileSystem {
    package enum EntryKind: Equatable {
        case file, folder, symbolicLink, other
    }

    package struct Entry {
        package var name: String
        package var kind: EntryKind
    }

    /// The entries of a folder (without `.` and `..`) in no particular order, or `nil` when it
    /// cannot be listed. The kind comes from `readdir` itself, `lstat` only when it does not say.
    package static func entries(ofFolder path: String) -> [Entry]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var result: [Entry] = []
        while let entry = readdir(directory) {
            let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
            let name = String(cString: (UnsafeRawPointer(entry) + nameOffset).assumingMemoryBound(to: CChar.self))
            if name == "." || name == ".." { continue }
            let kind: EntryKind = switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): .file
            case Int32(DT_DIR): .folder
            case Int32(DT_LNK): .symbolicLink
            case Int32(DT_UNKNOWN): kindOfItem(path + "/" + name, following: false) ?? .other
            default: .other
            }
            result.append(Entry(name: name, kind: kind))
        }
        return result
    }

    /// What is at `path` (following a symbolic link when `following`), or `nil` when nothing is.
    package static func kindOfItem(_ path: String, following: Bool) -> EntryKind? {
        var info = stat()
        guard (following ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    package enum ReadFailure: Error, Equatable {
        case unreadable
        case tooLarge(size: Int)
    }

    /// The bytes of a regular file (symbolic links followed), read with one `read` per chunk
    /// straight into the array. Larger than `limit` bytes is refused before anything is read.
    package static func readFile(_ path: String, limit: Int = Int.max) -> Result<[UInt8], ReadFailure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.unreadable) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return .failure(.unreadable) }
        let size = Int(info.st_size)
        guard size <= limit else { return .failure(.tooLarge(size: size)) }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + filled, size - filled)
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break } // the file shrank while being read
            filled += count
        }
        if filled < size { bytes.removeLast(size - filled) }
        return .success(bytes)
    }

    /// A failed system call: what was being done, and `errno`.
    package struct Failure: Error, CustomStringConvertible {
        package var action: String
        package var code: Int32

        package init(_ action: String, _ code: Int32 = errno) {
            self.action = action
            self.code = code
        }

        package var description: String { "\(action): \(String(cString: strerror(code)))" }
    }

    /// Creates (or truncates) a regular file holding exactly `bytes`. Not synced: the writer
    /// makes a whole staged tree durable at once.
    package static func writeFile(_ path: String, _ bytes: UnsafeRawBufferPointer) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure("cannot create '\(path)'") }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw Failure("cannot write '\(path)'") }
            written += count
        }
    }

    package static func writeFile(_ path: String, _ text: String) throws {
        var text = text
        try text.withUTF8 { try writeFile(path, UnsafeRawBufferPointer($0)) }
    }

    /// `mkdir`, where an existing folder is fine.
    package static func makeFolder(_ path: String) throws {
        guard mkdir(path, 0o755) == 0 || (errno == EEXIST && kindOfItem(path, following: true) == .folder) else {
            throw Failure("cannot create the folder '\(path)'")
        }
    }

    /// Removes `path` and everything under it (symbolic links are removed, not followed).
    /// Nothing there is fine.
    package static func removeTree(_ path: String) throws {
        guard let kind = kindOfItem(path, following: false) else { return }
        if kind == .folder {
            for entry in entries(ofFolder: path) ?? [] {
                let child = path + "/" + entry.name
                if entry.kind == .folder { try removeTree(child) } else if unlink(child) != 0, errno != ENOENT {
                    throw Failure("cannot remove '\(child)'")
                }
            }
            guard rmdir(path) == 0 || errno == ENOENT else { throw Failure("cannot remove the folder '\(path)'") }
        } else if unlink(path) != 0, errno != ENOENT {
            throw Failure("cannot remove '\(path)'")
        }
    }

    /// `fsync` of a file or folder by path.
    package static func sync(_ path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure("cannot open '\(path)' to sync it") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw Failure("cannot sync '\(path)'") }
    }
}
