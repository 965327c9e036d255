import DocgenDiagnostics
import DocgenRender
import DocgenSchema
import DocgenSwift

/// How the client is generated (`"client"` in docgen.json, or `--client`).
public struct ClientOptions: Sendable, Equatable {
    /// The client's type name; by default the SDK's own client class from the usage snippets
    /// (`Dub` → `DubClient`), else `APIClient`.
    public var name: String?
    /// The default base URL, winning over the OpenAPI document's first server.
    public var serverURL: String?
    /// Operations, parameters and security schemes as the config gives them.
    public var overrides = ClientOverrides()
    /// Headers every request sends (`"Clerk-API-Version": "2025-11-10"`): what an SDK adds in
    /// its own code, which neither the docs nor the document show.
    public var headers: [(name: String, value: String)] = []

    public static func == (lhs: ClientOptions, rhs: ClientOptions) -> Bool {
        lhs.name == rhs.name && lhs.serverURL == rhs.serverURL && lhs.overrides == rhs.overrides
            && lhs.headers.map(\.name) == rhs.headers.map(\.name) && lhs.headers.map(\.value) == rhs.headers.map(\.value)
    }

    public init(name: String? = nil, serverURL: String? = nil, overrides: ClientOverrides = ClientOverrides()) {
        self.name = name
        self.serverURL = serverURL
        self.overrides = overrides
    }
}

/// `Schema` (its operations and their HTTP facts) → `[RenderUnit]`: the client type and one
/// file per group, each method calling `ClientCore.send`. Names come from the models' namer,
/// so a method's arguments are the properties a caller already knows. An operation the client
/// cannot call (no method or path, a cookie parameter, a multipart or form body) is left out
/// with a located warning, and the run's note counts them.
public struct ClientTranslator {
    let schema: Schema
    let namer: SwiftNamer
    let access: String
    let options: ClientOptions
    let models: [String: Model]
    /// Each enum's cases by raw value, by Swift type name (for arguments' defaults).
    let enumCases: [String: [String: String]]

    public init(schema: Schema, namer: SwiftNamer, access: SwiftOptions.AccessLevel, options: ClientOptions) {
        self.schema = schema
        self.namer = namer
        self.access = access.rawValue
        self.options = options
        self.models = Dictionary(schema.models.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var enumCases: [String: [String: String]] = [:]
        for model in schema.models {
            guard case .enumeration(let enumeration) = model.kind, let typeName = namer.type(id: model.id) else { continue }
            enumCases[typeName] = Dictionary(enumeration.values.map { ($0.value, namer.enumCase($0, of: model)) }, uniquingKeysWith: { first, _ in first })
        }
        self.enumCases = enumCases
    }

    /// A renderer for the client's units: the `client…` templates and the shared `swift-header`.
    public static func renderer(templates: TemplateSet, diagnostics: inout Diagnostics) -> TemplateRenderer {
        TemplateRenderer(templates: templates.subset { $0.hasPrefix("client") || $0 == "swift-header" }, vocabulary: ClientContextName.vocabulary,
                         required: ClientTemplate.allCases.map(\.rawValue), diagnostics: &diagnostics)
    }

    static let imports = ["DocgenClientRuntime", "DocgenRuntime", "HTTPTypes", "OpenAPIRuntime", "struct Foundation.URL"]

    public func units(diagnostics: inout Diagnostics) -> [RenderUnit] {
        guard !schema.operations.isEmpty else { return [] }
        var taken = namer.modelTypeNames
        let root = options.name ?? schema.operations.lazy.compactMap { $0.call.first }.first.map { $0.hasSuffix("Client") ? $0 : $0 + "Client" } ?? "APIClient"
        let clientType = namer.clientType(root, suffix: "API", taken: &taken)
        // Groups in doc order, each with its operations: one group per operations doc
        // (`sdks/links/README.md`), named as its snippets call it (`dub.links`), else by its title.
        var groupOrder: [String] = []
        var byGroup: [String: [Operation]] = [:]
        var groupName: [String: String] = [:]
        var leftOut = 0
        for operation in schema.operations {
            // A nested accessor chain (Java's `sdk.aiservices().prompt()`) keeps the doc's title
            // (`AiservicesPrompt`): its first accessor names several docs.
            if operation.call.count == 3, groupName[operation.id] == nil { groupName[operation.id] = operation.call[1] }
            if let endpoint = operation.endpoint, let disputed = endpoint.disputed {
                // A client would call one of two endpoints, and only the user can say which.
                diagnostics.error(.clientEndpointDisputed,
                                  "operation '\(endpoint.operationID)': the docs say \(endpoint.method.uppercased()) \(endpoint.path), the OpenAPI document \(disputed.says); say which is right in the config (client.operations.\(endpoint.operationID))",
                                  at: endpoint.location, notes: [.init("the OpenAPI document's operation", at: disputed.at)])
                continue
            }
            if let reason = leftOutReason(operation) {
                leftOut += 1
                diagnostics.warning(.clientOperationLeftOut, "operation '\(operation.endpoint?.operationID ?? operation.method)' is left out of the client: \(reason)",
                                    at: operation.location)
                continue
            }
            if byGroup[operation.id] == nil { groupOrder.append(operation.id) }
            byGroup[operation.id, default: []].append(operation)
        }
        diagnostics.note(.clientSummary, "the client '\(clientType)' calls \(schema.operations.count - leftOut) of \(schema.operations.count) operations; \(leftOut) left out",
                         at: schema.operations.first?.location)
        var groups: [TemplateValue] = []
        var units: [RenderUnit] = []
        var groupTypes: Set<String> = taken
        var accessors: Set<String> = ["core"]
        for doc in groupOrder {
            let operations = byGroup[doc]!
            let group = groupName[doc] ?? operations[0].group
            let typeName = namer.clientType(group, suffix: "Operations", taken: &groupTypes)
            var accessor = namer.clientMember(group)
            while accessors.contains(SwiftIdentifiers.bare(accessor)) { accessor = SwiftIdentifiers.bare(accessor) + "_" }
            accessors.insert(SwiftIdentifiers.bare(accessor))
            groups.append(.object(context([.name: .text(accessor), .typeName: .text(typeName),
                                           .doc: .lines([text("/// The `\(SwiftEscaping.commentText(group))` operations (`\(SwiftEscaping.commentText(operations.first!.id))`).")])])))
            var nested = taken.union([typeName])
            let contexts = operations.map { operationContext($0, nestedTaken: &nested) }
            units.append(RenderUnit(destination: .swift, path: "\(clientType)+\(typeName).swift", template: ClientTemplate.clientGroup.rawValue, context: context([
                .header: header(source: operations.first!.id),
                .access: .text(access),
                .clientType: .text(clientType),
                .typeName: .text(typeName),
                .operations: .list(contexts.map(TemplateValue.object)),
            ])))
        }
        let credentials = credentials()
        units.insert(RenderUnit(destination: .swift, path: "\(clientType).swift", template: ClientTemplate.client.rawValue, context: context([
            .header: header(source: "the operations docs (sdks/)"),
            .access: .text(access),
            .typeName: .text(clientType),
            .doc: .lines(clientDoc(clientType)),
            .defaultServer: schema.servers.first.map { .text(SwiftEscaping.stringLiteral($0.url)) } ?? .null,
            .credentials: .list(credentials),
            .hasCredentials: .flag(!credentials.isEmpty),
            .hasHeaders: .flag(!options.headers.isEmpty),
            .headers: .listed(options.headers.map { context([.name: .text(SwiftEscaping.stringLiteral($0.name)), .value: .text(SwiftEscaping.stringLiteral($0.value))]) }),
            .groups: .list(groups),
        ])), at: 0)
        return units
    }

    private func header(source: String) -> TemplateValue {
        .object(context([.comments: .lines([text("// Generated by docgen from \(source). Do not edit: change the docs and regenerate."),
                                            "// swift-format-ignore-file", "// swiftlint:disable all"]),
                         .imports: .lines(Self.imports)]))
    }

    private func clientDoc(_ clientType: String) -> [String] {
        var lines = ["/// The API's operations, called as the vendor's SDK calls them.", "///",
                     "/// Every call goes through the `transport` (`URLSessionTransport`, `AsyncHTTPClientTransport`)",
                     "/// and the `middlewares`, in order."]
        if let server = schema.servers.first {
            lines += ["///", text("/// The default server, `\(SwiftEscaping.commentText(server.url))`, is from \(server.source.rawValue).")]
        }
        return lines
    }

    /// One init argument per security scheme.
    private func credentials() -> [TemplateValue] {
        var used: Set<String> = ["serverURL", "transport", "middlewares"]
        return schema.securitySchemes.map { scheme in
            var name = namer.clientMember(scheme.name)
            while used.contains(SwiftIdentifiers.bare(name)) { name += "_" }
            used.insert(SwiftIdentifiers.bare(name))
            let basic = scheme.kind == .basic
            let bare = SwiftIdentifiers.bare(name)
            let how: String = switch scheme.kind {
            case .bearer: "sent as `Authorization: Bearer …`"
            case .basic: "sent as `Authorization: Basic …`"
            case .apiKeyHeader(let header): text("sent in the `\(SwiftEscaping.commentText(header))` header as given")
            case .apiKeyQuery(let key): text("sent as the `\(SwiftEscaping.commentText(key))` query parameter")
            }
            return .object(context([
                .name: .text(name),
                .type: .text(basic ? "(user: Swift.String, password: Swift.String)?" : "Swift.String?"),
                .schemeName: .text(SwiftEscaping.stringLiteral(scheme.name)),
                .value: .text(basic ? ".userPassword(user: \(bare).user, password: \(bare).password)" : ".token(\(bare))"),
                .doc: .lines([text("///   - \(bare): The `\(SwiftEscaping.commentText(scheme.name))` credential, \(how) (from \(scheme.source.rawValue)).")]),
            ]))
        }
    }

    // MARK: Operations

    private func leftOutReason(_ operation: Operation) -> String? {
        guard let endpoint = operation.endpoint else { return "the docs give no HTTP method or path (give --openapi, or the config's operation override)" }
        if HTTPMethods.known[endpoint.method] == nil { return "the HTTP method '\(endpoint.method)' is not one a client can send" }
        if operation.bindings.contains(where: { $0.place == .cookie }) { return "a cookie parameter" }
        if let type = operation.body?.contentType, !isJSON(type), !type.contains("octet-stream") {
            return "its body is '\(type)' (multipart and form bodies come next)"
        }
        return nil
    }

    private func isJSON(_ contentType: String) -> Bool {
        contentType.contains("json")
    }

    /// An argument, and how its value goes into the request.
    struct Argument {
        var label: String
        /// The name inside the method: the label, unless it is one of the method's own locals.
        var variable: String {
            ["request", "response", "core"].contains(SwiftIdentifiers.bare(label)) ? SwiftIdentifiers.bare(label) + "Argument" : label
        }
        var type: String
        var required: Bool
        var place: ParameterPlace
        var wireName: String?
        var style: String?
        var explode: Bool?
        var defaultValue: DefaultValue?
        var doc: String

        /// What the argument defaults to: the document's default where the SDK sends one, as a
        /// literal of the argument's type, else nil (not sent); nothing for a required argument.
        func defaultLiteral(enumCases: [String: [String: String]]) -> String? {
            guard !required else { return nil }
            let base = type.hasSuffix("?") ? String(type.dropLast()) : type
            switch (defaultValue, base) {
            case (.string(let text)?, "Swift.String"): return SwiftEscaping.stringLiteral(text)
            case (.number(let text)?, "Swift.Int") where Int(text) != nil: return text
            case (.number(let text)?, "Swift.Double") where Double(text) != nil: return text.contains(".") || text.contains("e") ? text : text + ".0"
            case (.boolean(let flag)?, "Swift.Bool"): return String(flag)
            // An enum: the case of that raw value, else the raw value (an open enum keeps an
            // unknown one; a closed one's init is failable).
            case (.string(let text)?, _) where !base.contains(".") && !base.hasPrefix("["):
                if let name = enumCases[base]?[text] { return "." + name }
                return "\(base)(rawValue: \(SwiftEscaping.stringLiteral(text)))"
            default: return "nil"
            }
        }
    }

    private func arguments(of operation: Operation) -> [Argument] {
        func argument(_ label: String, _ type: String, _ field: Field, _ binding: ParameterBinding?) -> Argument {
            let place = binding?.place ?? .query
            let doc = SwiftEscaping.commentText(field.description.isEmpty ? field.name : field.description)
            let whereTo = place == .body ? (binding?.wireName.map { "body property `\($0)`" } ?? "the body")
                : "\(place.rawValue) `\(binding?.wireName ?? field.name)`"
            return Argument(label: label, type: type, required: field.required, place: place, wireName: binding?.wireName ?? (place == .body ? nil : field.name),
                            style: binding?.style, explode: binding?.explode, defaultValue: binding?.defaultValue,
                            doc: text("///   - \(SwiftIdentifiers.bare(label)): \(doc) (\(SwiftEscaping.commentText(whereTo)), by \(binding?.source.rawValue ?? "rule"))"))
        }
        switch operation.requestShape {
        case .none:
            return []
        case .wrapper:
            guard let wrapper = operation.requestModel.flatMap({ models[$0] }) else { return [] }
            let bindings = Dictionary(operation.bindings.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            return namer.arguments(of: wrapper).map { argument($0.label, $0.type, $0.field, bindings[$0.field.name]) }
        case .arguments, .body:
            return operation.parameters.enumerated().map { index, field in
                let (label, type) = namer.argument(field)
                return argument(label, type, field, index < operation.bindings.count ? operation.bindings[index] : nil)
            }
        }
    }

    /// What a success returns: nothing, a JSON body as `type`, or the body as a stream.
    enum Returned {
        case nothing, json(String), stream

        var isJSON: Bool { if case .json = self { true } else { false } }
        var isStream: Bool { if case .stream = self { true } else { false } }
        var isNothing: Bool { if case .nothing = self { true } else { false } }
    }

    private func returned(_ operation: Operation) -> (Returned, accept: String?) {
        let success = operation.responses.first
        let contentType = success?.contentType
        guard var type = success?.type ?? operation.response else { return (.nothing, contentType) }
        if case .any = type, success?.status == "204" || (success?.status != nil && contentType == nil) { return (.nothing, nil) }
        // An SDK's response wrapper stands for its body.
        if case .ref(let id) = type, let model = models[id], model.isSDKResponseWrapper, case .object(let object) = model.kind {
            let bodies = object.fields.filter { !Model.isResponseMetadata($0) && $0.name.lowercased() != "headers" }
            guard bodies.count == 1 else { return (bodies.isEmpty ? .nothing : .json("DocgenRuntime.JSONValue"), contentType ?? "application/json") }
            type = bodies[0].type
        }
        if case .sdkOnly = type { return (.stream, contentType ?? "*/*") }
        if let contentType, !isJSON(contentType) { return (.stream, contentType) }
        return (.json(namer.declaredType(type)), contentType ?? "application/json")
    }


    private func operationContext(_ operation: Operation, nestedTaken: inout Set<String>) -> TemplateObject {
        let endpoint = operation.endpoint!
        let method = namer.clientMember(operation.call.count >= 3 ? operation.call.last! : operation.method)
        let errorType = namer.clientType(SwiftIdentifiers.bare(method) + "Error", suffix: "Failure", taken: &nestedTaken)
        let arguments = arguments(of: operation)
        let (returned, accept) = returned(operation)
        func parameter(_ argument: Argument) -> TemplateValue {
            .object(context([
                .name: .text(argument.variable), .wireName: .text(SwiftEscaping.stringLiteral(argument.wireName ?? "")),
                .required: .flag(argument.required),
                .style: argument.style.map { .text("." + $0) } ?? .null,
                .explode: argument.explode.map { .text(String($0)) } ?? .null,
            ]))
        }
        let wholeBody = arguments.first { $0.place == .body && $0.wireName == nil }
        let bodyProperties = arguments.filter { $0.place == .body && $0.wireName != nil }
        let contentType = operation.body?.contentType ?? "application/json"
        let streamBody = wholeBody != nil && !isJSON(contentType)
        var doc = [text("/// `\(endpoint.method.uppercased()) \(SwiftEscaping.commentText(endpoint.path))` (`\(SwiftEscaping.commentText(endpoint.operationID))`, from \(endpoint.source.rawValue); documented at \(SwiftEscaping.commentText(operation.location.description))).")]
        if !arguments.isEmpty { doc += ["///", "/// - Parameters:"] + arguments.map(\.doc) }
        doc += ["/// - Throws: `\(errorType)`: a documented error status, any other status, or a failure to send or decode."]
        let security: [String] = (operation.security ?? schema.securitySchemes.map(\.name)).compactMap { name in
            schema.securitySchemes.first { $0.name == name }.map(schemeLiteral)
        }
        var facts: [(pattern: String, name: String, typeName: String, doc: String)] = []
        var seen: Set<String> = []
        for fact in operation.errorResponses {
            guard let status = fact.status, !seen.contains(status), let type = fact.type, case .ref(let id) = type,
                  let typeName = namer.type(id: id), let (pattern, name) = Self.statusCase(status),
                  !facts.contains(where: { $0.name == name }) else { continue }
            seen.insert(status)
            facts.append((pattern, name, typeName,
                          text("/// \(status)\(fact.contentType.map { " (`\(SwiftEscaping.commentText($0))`)" } ?? ""): `\(typeName)`.")))
        }
        // Exact statuses before classes (`404` before `4XX`), otherwise in the docs' order.
        let exact = facts.filter { !$0.pattern.contains("..<") }, classes = facts.filter { $0.pattern.contains("..<") }
        let statuses: [TemplateValue] = (exact + classes).map { fact in
            .object(context([.name: .text(fact.name), .type: .text(fact.typeName), .value: .text(fact.pattern), .doc: .lines([fact.doc])]))
        }
        return context([
            .name: .text(method),
            .doc: .lines(doc),
            .deprecated: .flag(operation.deprecation != nil),
            .deprecationMessage: operation.deprecation?.message.map { .text(SwiftEscaping.stringLiteral($0)) } ?? .null,
            .operationID: .text(SwiftEscaping.stringLiteral(endpoint.operationID)),
            .httpMethod: .text("." + HTTPMethods.known[endpoint.method]!),
            .path: .text(SwiftEscaping.stringLiteral(endpoint.path)),
            .arguments: .listed(arguments.map { argument in
                context([.name: .text(argument.label), .variable: argument.variable == argument.label ? .null : .text(argument.variable), .type: .text(streamBody && argument.wireName == nil && argument.place == .body
                                                                              ? (argument.required ? "OpenAPIRuntime.HTTPBody" : "OpenAPIRuntime.HTTPBody?") : argument.type),
                                 .defaultValue: argument.defaultLiteral(enumCases: enumCases).map(TemplateValue.text) ?? .null])
            }),
            .pathParameters: .list(arguments.filter { $0.place == .path }.map(parameter)),
            .queryParameters: .list(arguments.filter { $0.place == .query }.map(parameter)),
            .headerParameters: .list(arguments.filter { $0.place == .header }.map(parameter)),
            .jsonBody: wholeBody.flatMap { streamBody ? nil : parameter($0) } ?? .null,
            .streamBody: wholeBody.flatMap { streamBody ? parameter($0) : nil } ?? .null,
            .bodyProperties: .list(bodyProperties.map(parameter)),
            .hasBodyProperties: .flag(!bodyProperties.isEmpty),
            .contentType: .text(SwiftEscaping.stringLiteral(contentType)),
            .accept: accept.map { .text(SwiftEscaping.stringLiteral($0)) } ?? .null,
            .security: .text("[" + security.joined(separator: ", ") + "]"),
            .returnType: .text({ switch returned { case .nothing: "Swift.Void"; case .json(let type): type; case .stream: "OpenAPIRuntime.HTTPBody" } }()),
            .returnsJSON: .flag(returned.isJSON),
            .returnsStream: .flag(returned.isStream),
            .returnsNothing: .flag(returned.isNothing),
            .errorType: .text(errorType),
            .statuses: .list(statuses),
            .hasStatuses: .flag(!statuses.isEmpty),
        ])
    }

    private func schemeLiteral(_ scheme: SecuritySchemeFact) -> String {
        let name = SwiftEscaping.stringLiteral(scheme.name)
        return switch scheme.kind {
        case .bearer: ".bearer(\(name))"
        case .basic: ".basic(\(name))"
        case .apiKeyHeader(let header): ".apiKeyHeader(\(name), header: \(SwiftEscaping.stringLiteral(header)))"
        case .apiKeyQuery(let key): ".apiKeyQuery(\(name), name: \(SwiftEscaping.stringLiteral(key)))"
        }
    }

    /// A status's `case` pattern and the error case's name (`404` → `404`, `notFound`;
    /// `4XX` → `400..<500`, `clientError`); nil for one a client cannot match (`default`).
    static func statusCase(_ status: String) -> (pattern: String, name: String)? {
        let upper = status.uppercased()
        if upper.count == 3, upper.hasSuffix("XX"), let digit = upper.first?.wholeNumberValue, (1...5).contains(digit) {
            return ("\(digit * 100)..<\(digit * 100 + 100)", ["", "informational", "redirection", "redirection", "clientError", "serverError"][digit])
        }
        guard let code = Int(status), (100..<600).contains(code) else { return nil }
        return (String(code), reasons[code] ?? "status\(code)")
    }

    static let reasons: [Int: String] = [
        400: "badRequest", 401: "unauthorized", 402: "paymentRequired", 403: "forbidden", 404: "notFound", 405: "methodNotAllowed",
        406: "notAcceptable", 408: "requestTimeout", 409: "conflict", 410: "gone", 411: "lengthRequired", 412: "preconditionFailed",
        413: "contentTooLarge", 415: "unsupportedMediaType", 422: "unprocessableContent", 423: "locked", 424: "failedDependency",
        428: "preconditionRequired", 429: "tooManyRequests", 500: "internalServerError", 501: "notImplemented", 502: "badGateway",
        503: "serviceUnavailable", 504: "gatewayTimeout",
    ]
}

/// HTTP methods as `HTTPRequest.Method`'s static members.
enum HTTPMethods {
    static let known = ["get": "get", "put": "put", "post": "post", "delete": "delete", "patch": "patch", "head": "head",
                        "options": "options", "trace": "trace"]
}
