import DocgenDiagnostics
import DocgenMarkdown

/// A Type cell after parsing, before model references are resolved.
public indirect enum TypeExpression: Sendable, Equatable {
    /// A type without model references (primitives, constants, SDK-only objects).
    case resolved(TypeRef)
    case model(ModelReference)
    case list(TypeExpression)
    case map(TypeExpression)
    case union([TypeExpression])
    case nullable(TypeExpression)
}

/// A reference to another model: by link (resolved against the referring doc) and by the
/// label's type name (the fallback when the link's file is missing, and the only way for
/// unlinked names such as union variant headings).
public struct ModelReference: Sendable, Equatable {
    public var link: String?
    /// The label's type name without namespace: `shared.WebhookType` → `WebhookType`.
    public var name: String
    public var label: String
    /// When the label spells a union (`T.any(A, B)`, `A\|B`): its members, for a union doc that
    /// lists none itself (Java and Ruby write only the title).
    public var unionMembers: [TypeExpression]?

    public init(link: String?, name: String, label: String, unionMembers: [TypeExpression]? = nil) {
        self.link = link
        self.name = name
        self.label = label
        self.unionMembers = unionMembers
    }
}

/// A whole Type cell: the expression and the field-level wrappers.
public struct ParsedType: Sendable, Equatable {
    public var expression: TypeExpression
    /// `Optional[...]` at the top. Informational: the Required column decides.
    public var optional: Bool
    /// `Nullable[...]` / `OptionalNullable[...]` at the top, or `None` in a top-level union.
    public var nullable: Bool
    /// Ruby's `T.nilable(...)` at the top: nullable when the field is required.
    public var nilable = false
    /// Things worth a warning that do not stop the parse (`type.redundant-wrapper`).
    public var warnings: [TypeProblem]

    public init(expression: TypeExpression, optional: Bool = false, nullable: Bool = false, warnings: [TypeProblem] = []) {
        self.expression = expression
        self.optional = optional
        self.nullable = nullable
        self.warnings = warnings
    }
}

/// A problem in one Type cell; the caller locates it at the cell.
public struct TypeProblem: Error, Sendable, Equatable {
    public var id: DiagnosticID
    public var message: String

    public init(_ id: DiagnosticID, _ message: String) {
        self.id = id
        self.message = message
    }
}
