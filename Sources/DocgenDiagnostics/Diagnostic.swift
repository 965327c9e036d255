/// One problem found in the input, printed like a compiler's:
/// `Specs/a.md:12:14: error: unknown type 'Strng' [type.unknown]`, then its notes.
public struct Diagnostic: Sendable, Hashable, Comparable {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error, warning, note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
    }

    /// A secondary location that explains the diagnostic (e.g. "first defined here").
    public struct Note: Sendable, Hashable {
        public var location: SourceLocation?
        public var message: String

        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    public var severity: Severity
    /// A stable dotted id such as `type.unknown`; tests and users match on it, never on prose.
    public var id: String
    public var message: String
    /// `nil` only for problems with no document, such as an unreadable spec folder.
    public var location: SourceLocation?
    public var notes: [Note]

    public init(_ severity: Severity, _ id: String, _ message: String, at location: SourceLocation?, notes: [Note] = []) {
        self.severity = severity
        self.id = id
        self.message = message
        self.location = location
        self.notes = notes
    }

    /// Sorted by file, line, column, then severity and id, so output is stable.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        let l = lhs.location ?? SourceLocation(file: "", line: 0, column: 0)
        let r = rhs.location ?? SourceLocation(file: "", line: 0, column: 0)
        if l != r { return l < r }
        if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
        if lhs.id != rhs.id { return lhs.id < rhs.id }
        return lhs.message < rhs.message
    }
}
