import DocgenSchema

/// What the Swift translation decided for one model: its type, and its properties or cases as
/// Swift names and Swift types. The doc pages (DocgenDocs) are built from it, since they
/// describe the Swift a team uses, not the vendor's notation.
public struct SwiftModelSummary: Sendable {
    /// The model as read (id, description, deprecation, kind).
    public var model: Model
    public var typeName: String
    /// `public`, `package` or `internal`.
    public var access: String
    /// The type this model's name aliases when another model has its shape (`SameShapes`).
    public var aliasOf: String?
    /// An object's properties, in docs order (`additionalProperties` last, when kept).
    public var properties: [Property] = []
    /// An enum's values or a union's alternatives, in the order the Swift declares them.
    public var cases: [Case] = []
    /// An enum's raw type (`Swift.String`, `Swift.Int`) and whether unknown values are kept.
    public var enumeration: (rawType: String, open: Bool)?
    /// Fields the Swift model has no property for: SDK-side objects (name, the docs' label).
    public var leftOut: [(name: String, label: String)] = []

    public struct Property: Sendable {
        /// The Swift name without backticks.
        public var name: String
        public var swiftType: String
        /// Swift type names the type mentions, each once, for links.
        public var mentions: [String]
        public var required: Bool
        /// Nil for `additionalProperties` (the keys the docs do not list).
        public var jsonKey: String?
        public var deprecated: Bool
        public var description: String
    }

    public struct Case: Sendable {
        /// The Swift case name without backticks.
        public var name: String
        /// A union alternative's payload type (nil for an enum value).
        public var swiftType: String?
        public var mentions: [String]
        /// An enum value as the API sends it, and its name in the docs.
        public var rawValue: String?
        public var docsName: String?
    }

    /// `struct`, `enum` or `enum (union)`.
    public var kindName: String {
        switch model.kind {
        case .object: "struct"
        case .enumeration: "enum"
        case .union: "enum (union)"
        }
    }
}
