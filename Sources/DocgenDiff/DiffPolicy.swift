/// Which axis a team gates on: what becomes an error, a warning or a note.
public enum DiffPolicy: String, Sendable, CaseIterable {
    /// Source breaks are errors, wire breaks warnings (the default: a Swift team's build).
    case swift
    /// Only wire breaks are errors (an app team guarding the versions in users' hands).
    case wire
    /// Speakeasy's breaking flags are errors (compare with the vendor's changelog).
    case speakeasy

    public enum Severity: String, Sendable, Comparable, CaseIterable {
        case error, warning, note

        public static func < (a: Severity, b: Severity) -> Bool {
            allCases.firstIndex(of: a)! > allCases.firstIndex(of: b)!
        }
    }

    public func severity(of change: Change) -> Severity {
        switch self {
        case .swift:
            change.source == .breaking ? .error : change.wire == .breaking ? .warning : .note
        case .wire:
            change.wire == .breaking ? .error : change.source == .breaking ? .warning : .note
        case .speakeasy:
            change.speakeasyBreaking ? .error : .note
        }
    }
}
