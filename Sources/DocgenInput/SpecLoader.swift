import DocgenDiagnostics
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Disk → `[SourceFile]`: every doc (`*.md`, `*.mdx`) under the spec root, sorted by relative
/// path. Reads nothing outside the root: symbolic links are followed only when their real
/// target lies inside the root's real path.
public struct SpecLoader: Sendable {
    /// Larger documents are refused rather than parsed (see Docs/limits.md).
    public static let maximumFileSize = 16 * 1024 * 1024

    /// The extensions of the files read (every dialect's, unless one dialect is chosen).
    public var extensions: [String]

    public init(extensions: [String]) {
        self.extensions = extensions
    }

    public func load(root: URL, diagnostics: inout Diagnostics) -> [SourceFile] {
        guard let listing = list(root: root, diagnostics: &diagnostics) else { return [] }
        // Files are read and decoded on all cores; results and problems keep path order.
        let loaded = listing.paths.concurrentMap { relativePath in
            Self.loadFile(relativePath, root: listing.realRoot)
        }
        var files: [SourceFile] = []
        for result in loaded {
            switch result {
            case .success(let file): files.append(file)
            case .failure(let problem): diagnostics.error(problem.id, problem.message, at: problem.location)
            }
        }
        return files
    }

    /// The root's real path and the relative paths of its docs, in byte order; `nil`
    /// (reported) when the root is not a folder.
    package func list(root: URL, diagnostics: inout Diagnostics) -> (realRoot: String, paths: [String])? {
        guard FileSystem.kindOfItem(root.path, following: true) == .folder else {
            diagnostics.error(.specRootMissing, "spec folder '\(root.path)' does not exist or is not a folder", at: nil)
            return nil
        }
        let realRoot = Self.realRoot(root)
        return (realRoot, markdownPaths(under: realRoot, diagnostics: &diagnostics))
    }

    package struct LoadProblem: Error {
        package var id: DiagnosticID
        package var message: String
        package var location: SourceLocation
    }

    package static func loadFile(_ relativePath: String, root: String) -> Result<SourceFile, LoadProblem> {
        let location = SourceLocation(file: relativePath, line: 1, column: 1)
        let bytes: [UInt8]
        switch FileSystem.readFile(root + "/" + relativePath, limit: maximumFileSize) {
        case .success(let read): bytes = read
        case .failure(.tooLarge(let size)):
            return .failure(LoadProblem(id: .fileTooLarge, message: "file is \(size) bytes; the limit is \(maximumFileSize)", location: location))
        case .failure(.unreadable):
            return .failure(LoadProblem(id: .fileUnreadable, message: "cannot read the file", location: location))
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .failure(LoadProblem(id: .fileEncoding, message: "file is UTF-16; docgen reads UTF-8", location: location))
        }
        guard let file = SourceFile(relativePath: relativePath, bytes: bytes) else {
            return .failure(LoadProblem(id: .fileEncoding, message: "file is not valid UTF-8",
                                        location: firstInvalidByte(in: bytes, file: relativePath)))
        }
        return .success(file)
    }

    /// Relative paths of regular doc files, iteratively, in byte order. Only a symbolic link
    /// can lead outside the root (every folder walked is known by its real path), so only links
    /// are resolved.
    private func markdownPaths(under root: String, diagnostics: inout Diagnostics) -> [String] {
        var result: [String] = []
        var pending: [(relative: String, real: String)] = [("", root)]
        var visitedFolders: Set<String> = [root]
        while let folder = pending.popLast() {
            guard let entries = FileSystem.entries(ofFolder: folder.real) else {
                diagnostics.error(.specUnreadableFolder, "cannot list folder '\(folder.relative.isEmpty ? "." : folder.relative)'", at: nil)
                continue
            }
            // Sorted, so which spelling of a folder reached twice wins never depends on the disk.
            for entry in entries.sorted(byBytesOf: \.name) where !entry.name.hasPrefix(".") {
                let relative = folder.relative.isEmpty ? entry.name : folder.relative + "/" + entry.name
                var real = folder.real + "/" + entry.name
                var kind = entry.kind
                if kind == .symbolicLink {
                    // A dangling link has no real path: it is skipped like a missing file.
                    guard let target = Self.realPath(real) else { continue }
                    guard target == root || target.hasPrefix(root + "/") else {
                        diagnostics.error(.specSymlinkOutsideRoot, "'\(relative)' links outside the spec root; it is not read",
                                          at: SourceLocation(file: relative, line: 1, column: 1))
                        continue
                    }
                    real = target
                    kind = FileSystem.kindOfItem(target, following: true) ?? .other
                }
                switch kind {
                case .folder:
                    if visitedFolders.insert(real).inserted { pending.append((relative, real)) }
                case .file where extensions.contains(where: { entry.name.hasSuffix("." + $0) }):
                    result.append(relative)
                default:
                    continue
                }
            }
        }
        return result.sorted(byBytesOf: { $0 })
    }

    /// The spec root as every stage sees it: its real path, so the loader's containment check
    /// and the reader's link resolution agree.
    package static func realRoot(_ root: URL) -> String {
        realPath(root.path) ?? root.resolvingSymlinksInPath().standardizedFileURL.path
    }

    /// The canonical absolute path, every symbolic link resolved (realpath(3)); nil when some
    /// part of it does not exist.
    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The line and column of the first byte that breaks UTF-8.
    package static func firstInvalidByte(in bytes: [UInt8], file: String) -> SourceLocation {
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
