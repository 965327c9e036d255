import DocgenDiagnostics
import DocgenSchema

/// What the config says where neither the docs nor `--openapi` can (`"client"` in docgen.json):
/// an operation's method and path, a parameter's place, wire name, style and explode, the
/// security schemes and the server. Each fact it sets has the source `config`, and wins over
/// the docs and the document: the user wrote it for this API.
public struct ClientOverrides: Sendable, Equatable {
    public struct Operation: Sendable, Equatable {
        public var method: String?
        public var path: String?
        public var parameters: [String: Parameter] = [:]
        public var location: SourceLocation?

        public init(method: String? = nil, path: String? = nil, parameters: [String: Parameter] = [:], location: SourceLocation? = nil) {
            self.method = method
            self.path = path
            self.parameters = parameters
            self.location = location
        }
    }

    public struct Parameter: Sendable, Equatable {
        public var place: ParameterPlace?
        public var name: String?
        public var style: String?
        public var explode: Bool?
        public var location: SourceLocation?

        public init(place: ParameterPlace? = nil, name: String? = nil, style: String? = nil, explode: Bool? = nil, location: SourceLocation? = nil) {
            self.place = place
            self.name = name
            self.style = style
            self.explode = explode
            self.location = location
        }
    }

    /// By operation id (`createLink`), or `Group.method` for an operation whose docs give none.
    public var operations: [String: Operation] = [:]
    /// Schemes by name; a name the docs or the document also have is replaced.
    public var security: [SecuritySchemeFact] = []

    public init(operations: [String: Operation] = [:], security: [SecuritySchemeFact] = []) {
        self.operations = operations
        self.security = security
    }

    /// The schema with the overrides applied; an override naming no operation or parameter is
    /// an error at its entry (nothing is generated from a config that says something untrue).
    public func apply(to schema: inout Schema, serverURL: String?, diagnostics: inout Diagnostics) {
        if let serverURL { schema.servers.insert(Server(url: serverURL, source: .config), at: 0) }
        for scheme in security {
            schema.securitySchemes.removeAll { $0.name == scheme.name }
            schema.securitySchemes.append(scheme)
        }
        guard !operations.isEmpty else { return }
        let locator = ParameterLocator(models: schema.models)
        for key in operations.keys.sorted() {
            let override = operations[key]!
            guard let index = schema.operations.firstIndex(where: { $0.endpoint?.operationID == key || "\($0.group).\($0.method)" == key }) else {
                diagnostics.error(.configUnknownName, "client override '\(key)' names no operation (use its operation id, or Group.method)", at: override.location)
                continue
            }
            var operation = schema.operations[index]
            if override.method != nil || override.path != nil {
                guard let method = override.method ?? operation.endpoint?.method, let path = override.path ?? operation.endpoint?.path else {
                    diagnostics.error(.configInvalid, "client override '\(key)': the docs give no endpoint, so both method and path are needed", at: override.location)
                    continue
                }
                operation.endpoint = Endpoint(operationID: operation.endpoint?.operationID ?? key, method: method.lowercased(), path: path,
                                              source: .config, location: override.location ?? operation.location)
                locator.locate(&operation)
            }
            for name in override.parameters.keys.sorted() {
                let parameter = override.parameters[name]!
                let wanted = ParameterLocator.normalised(name)
                guard let b = operation.bindings.firstIndex(where: { ParameterLocator.normalised($0.name) == wanted || $0.wireName.map(ParameterLocator.normalised) == wanted }) else {
                    diagnostics.error(.configUnknownName, "client override '\(key).\(name)' names no parameter of the operation", at: parameter.location)
                    continue
                }
                if let place = parameter.place { operation.bindings[b].place = place }
                if let wireName = parameter.name { operation.bindings[b].wireName = wireName }
                if let style = parameter.style { operation.bindings[b].style = style }
                if let explode = parameter.explode { operation.bindings[b].explode = explode }
                operation.bindings[b].source = .config
            }
            schema.operations[index] = operation
        }
    }
}
