import DocgenDiagnostics
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Disk → `[SourceFile]`: every `*.md` under the spec root, sorted by relative path.
/// Reads nothing outside the root: symbolic links are followed only when their real target
/// lies inside the root's real path.
public struct SpecLoader: Sendable {
    /// Larger documents are refused rather than parsed (see README "Limits").
    public static let maximumFileSize = 16 * 1024 * 1024

    public init() {}

    public func load(root: URL, diagnostics: inout Diagnostics) -> [SourceFile] {
        let fileManager = FileManager.default
        var isDirectory = false
        guard fileManager.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory else {
            diagnostics.error("spec.root-missing", "spec folder '\(root.path)' does not exist or is not a folder", at: nil)
            return []
        }
        let realRoot = Self.realPath(root.path) ?? root.resolvingSymlinksInPath().standardizedFileURL.path
        var files: [SourceFile] = []
        for relativePath in markdownPaths(under: realRoot, diagnostics: &diagnostics) {
            let location = SourceLocation(file: relativePath, line: 1, column: 1)
            let path = realRoot + "/" + relativePath
            guard let data = fileManager.contents(atPath: path) else {
                diagnostics.error("file.unreadable", "cannot read the file", at: location)
                continue
            }
            if data.count > Self.maximumFileSize {
                diagnostics.error("file.too-large", "file is \(data.count) bytes; the limit is \(Self.maximumFileSize)", at: location)
                continue
            }
            let bytes = [UInt8](data)
            if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
                diagnostics.error("file.encoding", "file is UTF-16; docgen reads UTF-8", at: location)
                continue
            }
            guard let file = SourceFile(relativePath: relativePath, bytes: bytes) else {
                diagnostics.error("file.encoding", "file is not valid UTF-8", at: Self.firstInvalidByte(in: bytes, file: relativePath))
                continue
            }
            files.append(file)
        }
        return files
    }

    /// Relative paths of `*.md` files, iteratively, in byte order.
    private func markdownPaths(under root: String, diagnostics: inout Diagnostics) -> [String] {
        let fileManager = FileManager.default
        var result: [String] = []
        var pending: [String] = [""]
        var visitedFolders: Set<String> = [root]
        while let folder = pending.popLast() {
            let absolute = folder.isEmpty ? root : root + "/" + folder
            guard let names = try? fileManager.contentsOfDirectory(atPath: absolute) else {
                diagnostics.error("spec.unreadable-folder", "cannot list folder '\(folder.isEmpty ? "." : folder)'", at: nil)
                continue
            }
            for name in names where !name.hasPrefix(".") {
                let relative = folder.isEmpty ? name : folder + "/" + name
                let full = root + "/" + relative
                // A dangling link has no real path: it is skipped like a missing file.
                let real = Self.realPath(full) ?? full
                guard real == root || real.hasPrefix(root + "/") else {
                    if name.hasSuffix(".md") || (try? fileManager.destinationOfSymbolicLink(atPath: full)) != nil {
                        diagnostics.error("spec.symlink-outside-root", "'\(relative)' links outside the spec root; it is not read",
                                          at: SourceLocation(file: relative, line: 1, column: 1))
                    }
                    continue
                }
                var isDirectory = false
                guard fileManager.fileExists(atPath: real, isDirectory: &isDirectory) else { continue }
                if isDirectory {
                    if visitedFolders.insert(real).inserted { pending.append(relative) }
                } else if name.hasSuffix(".md") {
                    result.append(relative)
                }
            }
        }
        return result.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The canonical absolute path, every symbolic link resolved (realpath(3)); nil when some
    /// part of it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The line and column of the first byte that breaks UTF-8.
    static func firstInvalidByte(in bytes: [UInt8], file: String) -> SourceLocation {
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            let end = index + length
            let valid = length > 0 && end <= bytes.count
                && String(validating: bytes[index..<end], as: UTF8.self) != nil
            if !valid { break }
            if byte == 0x0A {
                line += 1
                lineStart = end
            }
            index = end
        }
        return SourceLocation(file: file, line: line, column: index - lineStart + 1)
    }
}
