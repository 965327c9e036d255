/// Renders diagnostics in the clang format. Relative paths (spec documents, relative to the
/// spec root) get `pathPrefix`, the spec folder as the user typed it; absolute paths (config
/// and sample files) are shown relative to `workingDirectory` when inside it. Either way paths
/// are clickable from where docgen ran.
public struct DiagnosticPrinter: Sendable {
    public var pathPrefix: String
    public var workingDirectory: String

    public init(pathPrefix: String = "", workingDirectory: String = "") {
        self.pathPrefix = pathPrefix
        self.workingDirectory = workingDirectory.hasSuffix("/") || workingDirectory.isEmpty ? workingDirectory : workingDirectory + "/"
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        var out = line(diagnostic.location, diagnostic.severity.rawValue, diagnostic.message + " [\(diagnostic.id)]")
        for note in diagnostic.notes {
            out += "\n" + line(note.location, "note", note.message)
        }
        return out
    }

    /// Every diagnostic, sorted, then a summary line such as `2 errors, 1 warning`.
    public func render(_ diagnostics: Diagnostics) -> String {
        var lines = diagnostics.sorted.map(render)
        if !diagnostics.all.isEmpty { lines.append(Self.summary(diagnostics)) }
        return lines.joined(separator: "\n")
    }

    public static func summary(_ diagnostics: Diagnostics) -> String {
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        return "\(count(diagnostics.errorCount, "error")), \(count(diagnostics.warningCount, "warning"))"
    }

    private func line(_ location: SourceLocation?, _ severity: String, _ message: String) -> String {
        guard let location else { return "docgen: \(severity): \(message)" }
        var path = location.file
        if path.hasPrefix("/") {
            if !workingDirectory.isEmpty, path.hasPrefix(workingDirectory) { path.removeFirst(workingDirectory.count) }
        } else {
            path = pathPrefix + path
        }
        return "\(path):\(location.line):\(location.column): \(severity): \(message)"
    }
}
