/// The diagnostics of one run. Every stage appends and keeps going, so a single run reports
/// every problem; any error blocks writing.
public struct Diagnostics: Sendable, Equatable {
    public private(set) var all: [Diagnostic] = []
    /// What `error` reports: a reader whose problems cannot block writing collects into
    /// diagnostics made with `.warning` (an operations doc only says which methods reach a model).
    public let errorSeverity: Diagnostic.Severity

    public init(errorsAre errorSeverity: Diagnostic.Severity = .error) {
        self.errorSeverity = errorSeverity
    }

    public var hasErrors: Bool { all.contains { $0.severity == .error } }
    public var errorCount: Int { all.count { $0.severity == .error } }
    public var warningCount: Int { all.count { $0.severity == .warning } }
    public var sorted: [Diagnostic] { all.sorted() }

    /// Appends as this collection reports: an error appended where errors are warnings is one.
    public mutating func append(_ diagnostic: Diagnostic) {
        var diagnostic = diagnostic
        if diagnostic.severity == .error { diagnostic.severity = errorSeverity }
        all.append(diagnostic)
    }

    public mutating func append(contentsOf other: Diagnostics) {
        guard errorSeverity != .error else { return all.append(contentsOf: other.all) }
        for diagnostic in other.all { append(diagnostic) }
    }

    /// The diagnostics `isIncluded` keeps, in order.
    public func filter(_ isIncluded: (Diagnostic) -> Bool) -> Diagnostics {
        var kept = Diagnostics(errorsAre: errorSeverity)
        kept.all = all.filter(isIncluded)
        return kept
    }

    public mutating func error(_ id: DiagnosticID, _ message: String, at location: SourceLocation?, notes: [Diagnostic.Note] = []) {
        all.append(Diagnostic(errorSeverity, id.rawValue, message, at: location, notes: notes))
    }

    public mutating func warning(_ id: DiagnosticID, _ message: String, at location: SourceLocation?, notes: [Diagnostic.Note] = []) {
        all.append(Diagnostic(.warning, id.rawValue, message, at: location, notes: notes))
    }

    /// Worth knowing, never a problem (a page skipped as the SDK's own, the dialect chosen).
    public mutating func note(_ id: DiagnosticID, _ message: String, at location: SourceLocation?, notes: [Diagnostic.Note] = []) {
        all.append(Diagnostic(.note, id.rawValue, message, at: location, notes: notes))
    }
}
