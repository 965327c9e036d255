import DocgenDiagnostics
import DocgenDialects
import DocgenInput
import DocgenSchema

/// Which doc model each component schema of an OpenAPI document describes. One matching for
/// everything that compares the two: the `--openapi` evidence, `docgen keys learn --openapi`
/// and `docgen conformance` (Scripts/conformance).
///
/// A component matches the models whose title has its name's letters and digits, case
/// folded; of several, the one spelled the same, then one under `components/` or `shared/`
/// (the folder Speakeasy writes a component's doc in), then the first by id. A primitive
/// schema (a string with a title) is no model doc's subject, nor is a component one that shares
/// only its name with the doc: an enum doc and an object schema (Speakeasy names a property's
/// inline enum `StatusEnum`, which may repeat a component's name: StackOne), or an object doc and
/// an object schema without one property name in common (factuarea's `Error` doc is the inline
/// object of the component `Error`'s `error` property), nor an object doc a union schema.
public struct SchemaMatches: Sendable {
    public struct Match: Sendable {
        public var modelID: String
        public var component: String
        /// The schema the model describes: the component, or what it wraps when the doc
        /// describes that (a nullable wrapper's member, an array's items, a map's values).
        public var schema: LocatedJSON
    }

    /// In the document's order.
    public let all: [Match]
    /// Component name → model id.
    public let modelForComponent: [String: String]

    public init(_ schema: Schema, _ document: OpenAPIDocument) {
        // Model positions, not models: a model copied into every bucket is a retain per field.
        var byName: [String: [Int]] = [:]
        for (index, model) in schema.models.enumerated() { byName[JSONKeyRule.normalised(model.name), default: []].append(index) }
        // Each component on its own, on all cores; `concurrentMap` keeps the document's order.
        let all = document.components.concurrentMap { [byName] name, component -> Match? in
            let kind = document.kind(of: document.unwrapped(component))
            guard kind != .other else { return nil }
            // A union whose name a member took is documented as `<Name>Union` (OpenRouter's Go
            // `OpenAIResponsesToolChoiceUnion`; `OpenAIResponsesToolChoice` is one member).
            let names = kind == .union ? [name, name + "Union"] : [name]
            let plausible = names.flatMap { byName[JSONKeyRule.normalised($0)] ?? [] }
                .map { schema.models[$0] }.filter { Self.mayDescribe($0, component, document) }
            guard let model = plausible.min(by: { Self.rank($0, name) < Self.rank($1, name) }) else { return nil }
            let subject = document.kind(of: component).rawValue == model.kindName ? document.dereferenced(component) : document.unwrapped(component)
            return Match(modelID: model.id, component: name, schema: subject)
        }.compactMap { $0 }
        var modelForComponent: [String: String] = [:]
        for match in all { modelForComponent[match.component] = match.modelID }
        self.all = all
        self.modelForComponent = modelForComponent
    }

    /// Whether the doc could describe the component, as far as its kind and names tell.
    static func mayDescribe(_ model: Model, _ component: LocatedJSON, _ document: OpenAPIDocument) -> Bool {
        let kind = document.kind(of: document.unwrapped(component))
        switch model.kind {
        case .enumeration: return kind != .object
        case .object(let object):
            guard kind == .object else { return false }
            guard !object.fields.isEmpty else { return true }
            let properties = document.properties(of: document.unwrapped(component))
            guard !properties.isEmpty else { return true }
            // As the evidence matches fields: by key, by name, and by a leading number spelled (`OneAi` for `01ai`).
            let keys = Set(properties.flatMap { property in
                [JSONKeyRule.normalised(property.key)] + (NumberWords.spellingLeadingNumber(property.key).map { [JSONKeyRule.normalised($0)] } ?? [])
            })
            return object.fields.contains { keys.contains(JSONKeyRule.normalised($0.jsonKey)) || keys.contains(JSONKeyRule.normalised($0.name)) }
        case .union: return true
        }
    }

    private static func rank(_ model: Model, _ component: String) -> (Int, Int, String) {
        let folder = model.id.lowercased()
        let componentsFolder = folder.hasPrefix("components/") || folder.contains("/components/") || folder.hasPrefix("shared/")
            || folder.contains("/shared/")
        return (model.name == component ? 0 : 1, componentsFolder ? 0 : 1, model.id)
    }
}
