import DocgenDiagnostics

/// One changed model member between two versions of a spec tree, judged twice: does Swift
/// written against the old generated code still compile, and does an app shipped with the old
/// models still understand the API (Docs/diff.md).
public struct Change: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable, Comparable {
        case modelAdded = "model-added"
        case modelRemoved = "model-removed"
        case modelRenamed = "model-renamed"
        case modelKindChanged = "model-kind-changed"
        case modelDeprecated = "model-deprecated"
        case fieldAddedOptional = "field-added-optional"
        case fieldAddedRequired = "field-added-required"
        case fieldRemoved = "field-removed"
        case fieldRenamed = "field-renamed"
        case fieldTypeChanged = "field-type-changed"
        case fieldBecameRequired = "field-became-required"
        case fieldBecameOptional = "field-became-optional"
        case fieldNullabilityChanged = "field-nullability-changed"
        case fieldConstChanged = "field-const-changed"
        case fieldDeprecated = "field-deprecated"
        case fieldDescriptionChanged = "field-description-changed"
        case enumValueAdded = "enum-value-added"
        case enumValueRemoved = "enum-value-removed"
        case enumValueWireChanged = "enum-value-wire-changed"
        case enumOpennessChanged = "enum-openness-changed"
        case unionVariantAdded = "union-variant-added"
        case unionVariantRemoved = "union-variant-removed"
        case operationAdded = "operation-added"
        case operationRemoved = "operation-removed"
        case operationRootChanged = "operation-root-changed"
        case operationDeprecated = "operation-deprecated"

        public static func < (a: Kind, b: Kind) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }

        /// Something new that breaks nothing by itself.
        public var isAddition: Bool {
            switch self {
            case .modelAdded, .fieldAddedOptional, .fieldAddedRequired, .enumValueAdded, .unionVariantAdded, .operationAdded: true
            default: false
            }
        }

        /// Something taken away: Speakeasy flags every removal as breaking.
        public var isRemoval: Bool {
            switch self {
            case .modelRemoved, .fieldRemoved, .enumValueRemoved, .unionVariantRemoved, .operationRemoved: true
            default: false
            }
        }
    }

    public enum Verdict: String, Sendable {
        case breaking, compatible
    }

    /// How a request or a response carries the changed member.
    public enum Role: String, Sendable, Comparable {
        case request, response

        public static func < (a: Role, b: Role) -> Bool { a == .request && b == .response }
    }

    /// An operation that sees the change, and as what.
    public struct Reach: Sendable, Hashable, Comparable {
        /// The method as the SDK calls it (`student_placements.list`).
        public var operation: String
        public var role: Role

        public init(operation: String, role: Role) {
            self.operation = operation
            self.role = role
        }

        public static func < (a: Reach, b: Reach) -> Bool { (a.operation, a.role) < (b.operation, b.role) }
    }

    public var kind: Kind
    /// `Model.member` in Swift names (`LmsCourse.instructors`), or the model or method alone.
    public var subject: String
    /// What changed, for people (`[LmsInstructor] → [LmsReference]`).
    public var detail: String
    /// The member in the old and the new tree (root-relative), where it exists there.
    public var old: SourceLocation?
    public var new: SourceLocation?
    public var source: Verdict
    public var wire: Verdict
    /// Whether Speakeasy's changelog would flag the change as breaking.
    public var speakeasyBreaking: Bool
    public var reach: [Reach]
    /// The JSON key the change is about follows from the tree's key rule alone, not from a
    /// documented override: the wire verdict assumes the rule is right.
    public var keyGuessed: Bool

    public init(kind: Kind, subject: String, detail: String, old: SourceLocation?, new: SourceLocation?, source: Verdict,
                wire: Verdict, speakeasyBreaking: Bool, reach: [Reach], keyGuessed: Bool = false) {
        self.kind = kind
        self.subject = subject
        self.detail = detail
        self.old = old
        self.new = new
        self.source = source
        self.wire = wire
        self.speakeasyBreaking = speakeasyBreaking
        self.reach = reach
        self.keyGuessed = keyGuessed
    }

    /// Where a reader looks: the new member, or the old one when it is gone.
    public var location: SourceLocation? { new ?? old }

    /// Stable across runs and unrelated edits (it hashes what changed, not where): what
    /// `--ignore` files and JSON consumers key on.
    public var fingerprint: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 // FNV-1a
        for byte in "\(kind.rawValue)\u{0}\(subject)\u{0}\(detail)".utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// Everything `docgen diff` found, in report order (by location, then kind).
public struct DiffReport: Sendable, Equatable {
    public var changes: [Change]
    /// Lines of Speakeasy's own changelog for the same change (`--format speakeasy`).
    public var changelog: [String]
    public var changelogStyle: SpeakeasyChangelog.Style

    public init(changes: [Change], changelog: [String], changelogStyle: SpeakeasyChangelog.Style = .current) {
        self.changes = changes
        self.changelog = changelog
        self.changelogStyle = changelogStyle
    }
}
