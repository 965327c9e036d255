import DocgenDiagnostics

/// A component schema of the vendor's OpenAPI document that stands in for a model the docs
/// name and do not describe (OpenRouter's TypeScript trees of 2026 hold a third of their
/// models' docs). The schema builder makes an empty model of its kind for each one a doc
/// refers to, and for the components those refer to in turn; the evidence fills it from the
/// document (`OpenAPIEvidence`), so a change inside it is seen like one inside a doc's model.
public struct StandIn: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case object, enumeration, union
    }

    /// The model id: the document's file name and the component's JSON pointer
    /// (`out.openapi.yaml#/components/schemas/ChatResult`), which no doc path can be.
    public var id: String
    public var kind: Kind
    public var description: String
    /// The component in the document.
    public var location: SourceLocation
    /// The components its schema names (`$ref`), in document order.
    public var references: [String]

    public init(id: String, kind: Kind, description: String, location: SourceLocation, references: [String]) {
        self.id = id
        self.kind = kind
        self.description = description
        self.location = location
        self.references = references
    }

    /// The empty model the evidence fills: no fields, values or members yet, and every fact
    /// left to the document (`rule`).
    func placeholder(named name: String) -> Model {
        let kind: Model.Kind = switch self.kind {
        case .object: .object(ObjectModel(fields: []))
        case .enumeration: .enumeration(EnumModel(values: [], open: false, rawType: .string, rawTypeSource: .rule))
        case .union: .union(UnionModel(variants: [], variantsSource: .rule))
        }
        return Model(id: id, name: name, description: description, deprecation: nil, location: location, kind: kind)
    }
}
