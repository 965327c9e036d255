import DocgenDiagnostics
import DocgenInput
import DocgenSchema

/// `--openapi` for operations: the document's `paths` fill the HTTP facts the docs cannot say
/// (an endpoint where the docs print none, each parameter's place, wire name, style and
/// explode, the body's content type, the success status), each with the source `openapi`.
/// Where the docs print an endpoint the document contradicts (GET in one, POST in the other),
/// the docs win and an `openapi.conflict` warning points at both.
struct OperationEvidence {
    let document: OpenAPIDocument
    /// Where the dialect's `number` covers integers: a parameter the document types `integer`
    /// becomes one (`limit` of a TypeScript request wrapper), as model fields do.
    var integers: TypeTranslation?
    /// Component name → model id: the error model a status the docs leave out names.
    var modelForComponent: [String: String] = [:]

    /// One operation of the document: `paths./pets/{id}.get`, with the path item's parameters.
    struct PathOperation: Sendable {
        var operationID: String?
        /// The SDK's method name (`x-speakeasy-name-override`, else the operation id) and its
        /// groups (the `tags`, or `x-speakeasy-group`), normalised: how a doc without a usage
        /// snippet names the operation (`Files.Retrieve` for `getFileMetadata`).
        var sdkNames: [String] = []
        var method: String
        var path: String
        var node: LocatedJSON
        var parameters: [LocatedJSON]
    }

    static let methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"]

    /// OpenAPI 3 says a header parameter named `Accept`, `Content-Type` or `Authorization`
    /// "SHALL be ignored": the body, the responses and the security schemes say those.
    static func isIgnoredHeader(_ parameter: LocatedJSON) -> Bool {
        guard OpenAPIDocument.string("in", of: parameter) == "header", let name = OpenAPIDocument.string("name", of: parameter)?.lowercased() else { return false }
        return name == "accept" || name == "content-type" || name == "authorization"
    }

    var candidates: [PathOperation] { document.operations }
    var index: CandidateIndex { document.operationIndex }

    static func operations(of document: OpenAPIDocument) -> [PathOperation] {
        guard case .object(let paths)? = OpenAPIDocument.member("paths", of: document.root)?.value else { return [] }
        var result: [PathOperation] = []
        for path in paths {
            let item = document.dereferenced(path.value)
            let shared = parameters(of: item, in: document)
            for method in Self.methods {
                guard let node = OpenAPIDocument.member(method, of: item) else { continue }
                var byKey: [String: LocatedJSON] = [:]
                var order: [String] = []
                for parameter in shared + parameters(of: node, in: document) where !Self.isIgnoredHeader(parameter) {
                    let key = (OpenAPIDocument.string("in", of: parameter) ?? "") + " " + (OpenAPIDocument.string("name", of: parameter) ?? "")
                    if byKey.updateValue(parameter, forKey: key) == nil { order.append(key) }
                }
                let id = OpenAPIDocument.string("operationId", of: node)
                let name = OpenAPIDocument.string("x-speakeasy-name-override", of: node) ?? id
                var groups: [String] = []
                if case .array(let tags)? = OpenAPIDocument.member("tags", of: node)?.value {
                    groups = tags.compactMap { if case .string(let tag) = $0.value { tag } else { nil } }
                }
                if let group = OpenAPIDocument.string("x-speakeasy-group", of: node) { groups.append(group) }
                result.append(PathOperation(operationID: id, sdkNames: name.map { name in groups.map { JSONKeyRule.normalised($0) + " " + JSONKeyRule.normalised(name) } } ?? [],
                                            method: method, path: path.key, node: node, parameters: order.map { byKey[$0]! }))
            }
        }
        return result
    }

    /// The document's `servers`, in order.
    var servers: [Server] {
        guard case .array(let items)? = OpenAPIDocument.member("servers", of: document.root)?.value else { return [] }
        return items.compactMap { item in
            OpenAPIDocument.string("url", of: item).map {
                Server(url: $0, description: OpenAPIDocument.string("description", of: item), source: .openapi, location: document.location(of: item))
            }
        }
    }

    /// The document's `securitySchemes` that a client can send (http bearer and basic, apiKey
    /// in a header or the query); the docs' rule-made schemes stay where the document has none.
    func securitySchemes(replacing fromDocs: [SecuritySchemeFact]) -> [SecuritySchemeFact] {
        let components = OpenAPIDocument.member("components", of: document.root)
        guard case .object(let schemes)? = OpenAPIDocument.member("securitySchemes", of: components)?.value, !schemes.isEmpty else { return fromDocs }
        return schemes.compactMap { member in
            let scheme = document.dereferenced(member.value)
            let kind: SecuritySchemeFact.Kind? = switch (OpenAPIDocument.string("type", of: scheme), OpenAPIDocument.string("scheme", of: scheme)?.lowercased()) {
            case ("http", "bearer"?), ("oauth2", _), ("openIdConnect", _): .bearer
            case ("http", "basic"?): .basic
            case ("apiKey", _):
                switch (OpenAPIDocument.string("in", of: scheme), OpenAPIDocument.string("name", of: scheme)) {
                case ("header"?, let name?): .apiKeyHeader(name)
                case ("query"?, let name?): .apiKeyQuery(name)
                default: nil
                }
            default: nil
            }
            return kind.map { SecuritySchemeFact(name: member.key, kind: $0, source: .openapi, location: document.location(of: member)) }
        }
    }

    /// An operation's own `security`, else the document's: the schemes any one of which suffices.
    func security(of node: LocatedJSON) -> [String]? {
        guard case .array(let requirements)? = (OpenAPIDocument.member("security", of: node) ?? OpenAPIDocument.member("security", of: document.root))?.value else {
            return nil
        }
        var names: [String] = []
        for requirement in requirements {
            guard case .object(let members) = requirement.value else { continue }
            for member in members where !names.contains(member.key) { names.append(member.key) }
        }
        return names
    }

    private static func parameters(of node: LocatedJSON, in document: OpenAPIDocument) -> [LocatedJSON] {
        guard case .array(let items)? = OpenAPIDocument.member("parameters", of: node)?.value else { return [] }
        return items.map(document.dereferenced)
    }

    /// The document's operations by what the docs may know them by.
    struct CandidateIndex: Sendable {
        var byID: [String: Int] = [:], byEndpoint: [String: Int] = [:], byName: [String: [Int]] = [:], bySDKName: [String: [Int]] = [:]

        init(_ candidates: [PathOperation]) {
            for (index, candidate) in candidates.enumerated() {
                for name in candidate.sdkNames { bySDKName[name, default: []].append(index) }
                if let id = candidate.operationID {
                    byID[id] = index
                    byName[JSONKeyRule.normalised(id), default: []].append(index)
                }
                byEndpoint[candidate.method + " " + candidate.path] = index
            }
        }

        /// By the snippet's id, else its method and path; a doc without either by its request
        /// or response model, which Speakeasy names after the operation id (`GetKeyResponse`
        /// for `getKey`), when one operation has that id; else by the group and method the doc
        /// titles, which the document's tag and SDK name give.
        func match(_ operation: Operation) -> Int? {
            if let endpoint = operation.endpoint {
                return byID[endpoint.operationID] ?? byEndpoint[endpoint.method + " " + endpoint.path]
            }
            return [(operation.requestModel, "request"), (operation.responseModel, "response")].lazy.compactMap { model, suffix -> Int? in
                guard let stem = model.map(ParameterLocator.stem), stem.hasSuffix(suffix),
                      let named = byName[String(stem.dropLast(suffix.count))], named.count == 1 else { return nil }
                return named[0]
            }.first ?? bySDKName[JSONKeyRule.normalised(operation.group) + " " + JSONKeyRule.normalised(operation.method)].flatMap { $0.count == 1 ? $0[0] : nil }
        }
    }

    /// Models that are an operation's request or success body without being a component
    /// (`CreateLinkRequestBody`, inline in the document): matched to that inline schema, so
    /// their wire keys come from the document like a component's (`utm_source`, not `utmSource`).
    func bodyMatches(_ operations: [Operation], models: [Model], except matched: Set<String>) -> [SchemaMatches.Match] {
        var objects: [String: Model] = [:], wrappers: [String: Field] = [:]
        for model in models {
            if case .object = model.kind, !model.isSDKResponseWrapper { objects[model.id] = model }
            if let body = model.sdkResponseBody { wrappers[model.id] = body }
        }
        var result: [SchemaMatches.Match] = []
        var seen = matched
        func media(_ node: LocatedJSON?) -> LocatedJSON? {
            guard case .object(let content)? = OpenAPIDocument.member("content", of: node.map(document.dereferenced))?.value,
                  let first = content.first(where: { $0.key.contains("json") }) else { return nil }
            return OpenAPIDocument.member("schema", of: first.value)
        }
        for operation in operations {
            guard let match = index.match(operation) else { continue }
            let node = candidates[match].node
            var pairs: [(TypeRef?, LocatedJSON?)] = [(operation.body?.type, media(OpenAPIDocument.member("requestBody", of: node)))]
            if case .object(let responses)? = OpenAPIDocument.member("responses", of: node)?.value,
               let success = responses.first(where: { $0.key.hasPrefix("2") }) {
                pairs.append((operation.responses.first?.type ?? operation.response, media(success.value)))
            }
            for case let (type?, schema?) in pairs {
                var type = type, schema = document.dereferenced(schema)
                // An SDK's response wrapper (`headers` and `result`) stands for its body field.
                if case .ref(let id) = type, let body = wrappers[id], !document.properties(of: schema).contains(where: { $0.key == body.jsonKey }) {
                    type = body.type
                }
                if case .list(let element) = type, let items = OpenAPIDocument.member("items", of: schema) { type = element; schema = document.dereferenced(items) }
                // A wrapper of the parameters that only shares the body's name (OpenRouter's
                // `operations.CreateGuardrailRequest`, whose field `createGuardrailRequest` is the
                // component `CreateGuardrailRequest`) describes no property of it.
                guard case .ref(let id) = type, let model = objects[id], !seen.contains(id), document.kind(of: schema) == .object,
                      SchemaMatches.mayDescribe(model, schema, document) else { continue }
                seen.insert(id)
                result.append(SchemaMatches.Match(modelID: id, component: "\(candidates[match].operationID ?? candidates[match].path) body", schema: schema))
            }
        }
        return result
    }

    func apply(to operations: inout [Operation], models: inout [Model], counts: inout OpenAPIEvidence.Counts, diagnostics: inout Diagnostics) {
        var position: [String: Int] = [:]
        for (index, model) in models.enumerated() { position[model.id] = index }
        let locator = ParameterLocator(models: models)
        for o in operations.indices {
            var operation = operations[o]
            let match = index.match(operation)
            guard let match else { continue }
            let found = candidates[match]
            counts.matchedOperations += 1
            if var endpoint = operation.endpoint {
                if endpoint.method != found.method || endpoint.path != found.path {
                    endpoint.disputed = ("\(found.method.uppercased()) \(found.path)", document.location(of: found.node))
                    operation.endpoint = endpoint
                    counts.conflicts += 1
                    diagnostics.warning(.openapiConflict,
                                        "operation '\(endpoint.operationID)': the docs say \(endpoint.method.uppercased()) \(endpoint.path); the OpenAPI document says \(found.method.uppercased()) \(found.path); the docs win",
                                        at: endpoint.location, notes: [.init("the OpenAPI document's operation", at: document.location(of: found.node))])
                }
            } else {
                operation.endpoint = Endpoint(operationID: found.operationID ?? operation.method, method: found.method, path: found.path,
                                              source: .openapi, location: document.location(of: found.node))
                counts.endpoints += 1
                // The rules again, now that they know the path's variables and the method.
                locator.locate(&operation)
            }
            let integerParameters = locate(&operation, in: found, counts: &counts)
            operation.security = security(of: found.node)
            if let integers, !integerParameters.isEmpty {
                refine(&operation, &models, position: position, integers: integers, parameters: integerParameters, counts: &counts)
            }
            operations[o] = operation
        }
    }

    /// A scalar default; nil for objects, lists and null (no SDK sends those unasked).
    static func scalar(_ value: LocatedJSON) -> DefaultValue? {
        switch value.value {
        case .string(let text): .string(text)
        case .number(let text, _): .number(text)
        case .bool(let flag): .boolean(flag)
        default: nil
        }
    }

    /// The document's error statuses the `### Errors` table leaves out: Speakeasy lists only
    /// the statuses with a typed error and folds the rest into its `4XX, 5XX` catch-all
    /// (egain's bodiless `401`). Each keeps the component model its body names, if any.
    private func addErrorStatuses(_ responses: [LocatedJSON.Member], to operation: inout Operation, counts: inout OpenAPIEvidence.Counts) {
        let documented = Set(operation.errorResponses.compactMap { $0.status?.uppercased() })
        for response in responses {
            let status = response.key.uppercased()
            guard !documented.contains(status), status != "DEFAULT", let first = status.first, first == "4" || first == "5" else { continue }
            let node = document.dereferenced(response.value)
            var contentType: String?
            var type: TypeRef?
            if case .object(let content)? = OpenAPIDocument.member("content", of: node)?.value, let media = content.first {
                contentType = media.key
                if let reference = OpenAPIDocument.string("$ref", of: OpenAPIDocument.member("schema", of: media.value)),
                   let model = modelForComponent[String(reference.split(separator: "/").last ?? "")] {
                    type = .ref(model)
                }
            }
            operation.errorResponses.append(ResponseFact(status: status, contentType: contentType, type: type, source: .openapi, location: document.location(of: response)))
            counts.errorStatuses += 1
        }
    }

    /// `number` arguments and wrapper fields whose parameter the document types `integer`.
    private func refine(_ operation: inout Operation, _ models: inout [Model], position: [String: Int], integers: TypeTranslation,
                        parameters: [String: LocatedJSON], counts: inout OpenAPIEvidence.Counts) {
        func refined(_ field: inout Field) {
            guard let schema = parameters[field.name], let type = integers.integers(in: field.type, schema: schema), type != field.type else { return }
            field.type = type
            field.sources.type = .openapi
            counts.integers += 1
        }
        if operation.requestShape == .wrapper {
            guard let id = operation.requestModel, let index = position[id], case .object(var object) = models[index].kind else { return }
            for f in object.fields.indices { refined(&object.fields[f]) }
            models[index].kind = .object(object)
        } else {
            for p in operation.parameters.indices { refined(&operation.parameters[p]) }
        }
    }

    /// Each binding the document names: its place, wire name, style and explode. Returns the
    /// schemas of the parameters it matched, by the binding's name.
    @discardableResult
    private func locate(_ operation: inout Operation, in found: PathOperation, counts: inout OpenAPIEvidence.Counts) -> [String: LocatedJSON] {
        var schemas: [String: LocatedJSON] = [:]
        // Two parameters may share a name in different places (stackone's `x-account-id`
        // header and query, C#'s `XAccountId` and `XAccountIdQueryParameter`).
        var byName: [String: [LocatedJSON]] = [:]
        // The SDK's own name for a parameter, where it renames one (`language` for `$lang`), names it too.
        for parameter in found.parameters {
            for key in ["name", "x-speakeasy-name-override"] {
                if let name = OpenAPIDocument.string(key, of: parameter) { byName[ParameterLocator.normalised(name), default: []].append(parameter) }
            }
        }
        func parameter(named name: String, near binding: ParameterBinding) -> LocatedJSON? {
            guard let candidates = byName[ParameterLocator.normalised(name)] else { return nil }
            let here = candidates.filter { OpenAPIDocument.string("in", of: $0) == binding.place.rawValue }
            // The n-th of the query parameters that share the name (`frontend_api_query_parameter1`).
            if let ordinal = ParameterLocator.querySuffix(of: binding.name)?.ordinal, here.count > 1, ordinal < here.count { return here[ordinal] }
            return here.first ?? candidates.first
        }
        let body = OpenAPIDocument.member("requestBody", of: found.node).map(document.dereferenced)
        var bodyProperties: [String: String] = [:]
        var contentType: String?
        if let body, case .object(let media)? = OpenAPIDocument.member("content", of: body)?.value, let first = media.first {
            contentType = first.key
            if let schema = OpenAPIDocument.member("schema", of: first.value) {
                for property in document.properties(of: schema) { bodyProperties[JSONKeyRule.normalised(property.key), default: property.key] = property.key }
            }
        }
        for b in operation.bindings.indices {
            var binding = operation.bindings[b]
            let key = ParameterLocator.normalised(binding.wireName ?? binding.name)
            if let parameter = parameter(named: binding.wireName ?? binding.name, near: binding) ?? parameter(named: binding.name, near: binding),
               let place = OpenAPIDocument.string("in", of: parameter).flatMap(ParameterPlace.init(rawValue:)),
               let name = OpenAPIDocument.string("name", of: parameter) {
                if place != binding.place || name != binding.wireName { counts.parameterPlaces += 1 }
                binding.place = place
                binding.wireName = name
                binding.style = OpenAPIDocument.string("style", of: parameter)
                if case .bool(let explode)? = OpenAPIDocument.member("explode", of: parameter)?.value { binding.explode = explode }
                binding.source = .openapi
                if let schema = OpenAPIDocument.member("schema", of: parameter) {
                    schemas[binding.name] = schema
                    binding.defaultValue = OpenAPIDocument.member("default", of: document.dereferenced(schema)).flatMap(Self.scalar)
                }
            } else if binding.place == .body, binding.wireName != nil, let property = bodyProperties[key] ?? bodyProperties[JSONKeyRule.normalised(binding.name)] {
                if property != binding.wireName { counts.parameterPlaces += 1 }
                binding.wireName = property
                binding.source = .openapi
            }
            operation.bindings[b] = binding
        }
        if var requestBody = operation.body, let contentType {
            requestBody.contentType = contentType
            requestBody.source = .openapi
            operation.body = requestBody
        }
        guard case .object(let responses)? = OpenAPIDocument.member("responses", of: found.node)?.value else { return schemas }
        addErrorStatuses(responses, to: &operation, counts: &counts)
        // The docs never print the success status: the document's first 2xx.
        if let success = responses.first(where: { $0.key.hasPrefix("2") }) {
            var media: String?
            if case .object(let content)? = OpenAPIDocument.member("content", of: document.dereferenced(success.value))?.value { media = content.first?.key }
            if operation.responses.isEmpty {
                operation.responses = [ResponseFact(status: success.key, contentType: media, type: nil, source: .openapi, location: document.location(of: success))]
            } else {
                for r in operation.responses.indices where operation.responses[r].status == nil {
                    operation.responses[r].status = success.key
                    if operation.responses[r].contentType == nil { operation.responses[r].contentType = media }
                    operation.responses[r].source = .openapi
                }
            }
            counts.successStatuses += 1
        }
        return schemas
    }
}
