import DocgenInput
import DocgenSchema

/// Which doc model each component schema of an OpenAPI document describes. One matching for
/// everything that compares the two: the `--openapi` evidence, `docgen keys learn --openapi`
/// and `docgen conformance` (Scripts/conformance).
///
/// A component matches the models whose title has its name's letters and digits, case
/// folded; of several, the one spelled the same, then one under `components/` or `shared/`
/// (the folder Speakeasy writes a component's doc in), then the first by id. A primitive
/// schema (a string with a title) is no model doc's subject.
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
        var byName: [String: [Model]] = [:]
        for model in schema.models { byName[JSONKeyRule.normalised(model.name), default: []].append(model) }
        var all: [Match] = []
        var modelForComponent: [String: String] = [:]
        for (name, component) in document.components {
            guard let candidates = byName[JSONKeyRule.normalised(name)], document.kind(of: document.unwrapped(component)) != .other else {
                continue
            }
            let model = candidates.min { Self.rank($0, name) < Self.rank($1, name) }!
            let subject = document.kind(of: component).rawValue == model.kindName ? document.dereferenced(component) : document.unwrapped(component)
            all.append(Match(modelID: model.id, component: name, schema: subject))
            modelForComponent[name] = model.id
        }
        self.all = all
        self.modelForComponent = modelForComponent
    }

    private static func rank(_ model: Model, _ component: String) -> (Int, Int, String) {
        let folder = model.id.lowercased()
        let componentsFolder = folder.hasPrefix("components/") || folder.contains("/components/") || folder.hasPrefix("shared/")
            || folder.contains("/shared/")
        return (model.name == component ? 0 : 1, componentsFolder ? 0 : 1, model.id)
    }
}
