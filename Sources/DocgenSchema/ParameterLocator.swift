/// Where each parameter of an operation goes in the HTTP request, which the docs never print:
/// inferred from the path template, the parameter's name and type and the request model, by
/// rules measured against the vendors' OpenAPI documents (Scripts/operation-conformance).
/// Runs once every model is built: the rules look into the parameters' models.
public struct ParameterLocator {
    private let models: [String: Model]
    /// Models by file name without extension, letters and digits lower-cased (`getxrequest`):
    /// Speakeasy's request model of an operation is `models/<operations>/<operationId>Request.md`
    /// (`public-api.v1.clients.list` → `PublicApiV1ClientsListRequest.md`).
    private let modelsByStem: [String: Model]

    public init(models: [Model]) {
        var byID: [String: Model] = [:]
        var byStem: [String: Model] = [:]
        for model in models {
            byID[model.id] = model
            let stem = Self.stem(model.id)
            // `operations/` first: the request models live there.
            if byStem[stem] == nil || model.id.contains("/operations/") || model.id.contains("/Operations/") { byStem[stem] = model }
        }
        self.models = byID
        self.modelsByStem = byStem
    }

    /// Fills in `requestShape`, `bindings` and `body` (again, once `--openapi` gave an endpoint).
    public func locate(_ operation: inout Operation) {
        let variables = operation.endpoint?.pathVariables ?? []
        let parameters = operation.parameters
        guard !parameters.isEmpty else {
            operation.requestShape = .none
            return
        }
        if parameters.count == 1, parameters[0].name == "request" {
            let request = parameters[0]
            // Only the operation's own request model (`operations.GetXRequest`) may wrap
            // parameters; a component model, a list or a stream is the body.
            if !isBody(request), let model = objectModel(request.type), isRequestModel(request.type, of: operation),
               isWrapper(model.fields, variables: variables, method: operation.endpoint?.method) {
                operation.requestShape = .wrapper
                operation.bindings = model.fields.map { bind($0, variables: variables) }
                operation.body = body(of: model.fields, bindings: operation.bindings)
            } else {
                operation.requestShape = .body
                operation.bindings = [ParameterBinding(name: request.name, place: .body, wireName: nil, source: .rule,
                                                       location: request.location)]
                operation.body = RequestBody(contentType: contentType(of: request.type), type: request.type, source: .rule)
            }
            return
        }
        operation.requestShape = .arguments
        // A flattened signature (`create(product=…, name=…)`): the request model's fields are
        // the parameters; any other name is a property of the body, flattened.
        let requestFields = requestModel(of: operation).map { Set($0.fields.map { Self.normalised($0.name) }) }
        // Without a request model doc, a method that sends a body flattens only the body:
        // Speakeasy writes `<operationId>request.md` when there are parameters besides it
        // (meitner's `create(employee_id=…, roles=…)`, POST, CLI 1.697).
        let sendsBody = ["post", "put", "patch"].contains(operation.endpoint?.method ?? "")
        var flattenedBody = false
        operation.bindings = parameters.map { parameter in
            if let requestFields, !requestFields.contains(Self.normalised(parameter.name)) {
                flattenedBody = true
                return ParameterBinding(name: parameter.name, place: .body, wireName: parameter.jsonKey, source: .rule,
                                        location: parameter.location)
            }
            let bound = bind(parameter, variables: variables)
            if requestFields == nil, sendsBody, bound.place == .query {
                flattenedBody = true
                return ParameterBinding(name: parameter.name, place: .body, wireName: parameter.jsonKey, source: .rule,
                                        location: parameter.location)
            }
            return bound
        }
        if flattenedBody {
            let bodyField = requestModel(of: operation)?.fields.first { isBody($0) }
            operation.body = RequestBody(contentType: bodyField.map { contentType(of: $0.type) } ?? "application/json",
                                         type: bodyField?.type, source: .rule)
        } else {
            operation.body = body(of: parameters, bindings: operation.bindings)
        }
    }

    // MARK: The rules

    /// Rules 1, 2, 4, 5: the path when the name is one of the path's variables; the body when
    /// it is named or typed like one; a header when it starts with `x`; the query otherwise.
    func bind(_ field: Field, variables: [String]) -> ParameterBinding {
        let name = Self.normalised(field.name)
        func binding(_ place: ParameterPlace, _ wireName: String?) -> ParameterBinding {
            ParameterBinding(name: field.name, place: place, wireName: wireName, source: .rule, location: field.location)
        }
        if let variable = variables.first(where: { Self.normalised($0) == name }) { return binding(.path, variable) }
        if isBody(field) { return binding(.body, nil) }
        // Speakeasy's name for a query parameter that shares its name with another parameter
        // (`XAccountIdQueryParameter` beside the header `x-account-id`).
        if let stripped = Self.querySuffix(of: field.name)?.name {
            return binding(.query, Self.looksLikeHeader(stripped) ? Self.headerName(stripped) : stripped)
        }
        if Self.looksLikeHeader(field.name) { return binding(.header, Self.headerName(field.name)) }
        if let header = Self.standardHeaders[name] { return binding(.header, header) }
        return binding(.query, field.jsonKey)
    }

    /// Rule 2: named `body`, `requestBody` or `request_body`, or typed as a `*RequestBody`, as
    /// bytes or a stream, or as the object model the field is named after (`accounting_account`
    /// for `AccountingAccount`, also for `AccountingAccountInput`).
    func isBody(_ field: Field) -> Bool {
        if isNamedLikeABody(field) { return true }
        switch field.type.peeledNullable {
        case .sdkOnly: return true
        case .ref(let id):
            guard let model = models[id], case .object = model.kind else { return false }
            let (name, modelName) = (Self.normalised(field.name), Self.normalised(model.name))
            return modelName == name || modelName == name + "input"
        default: return false
        }
    }

    /// A lone `request` parameter typed with the operation's request model wraps the parameters
    /// (rather than being the body) when one of its fields is a path variable or is named like
    /// a body (`body`, `request_body`, a `*RequestBody`), or when the method sends no body (GET,
    /// DELETE).
    func isWrapper(_ fields: [Field], variables: [String], method: String?) -> Bool {
        if method == "get" || method == "delete" { return true }
        let names = Set(variables.map(Self.normalised))
        return fields.contains { names.contains(Self.normalised($0.name)) || isNamedLikeABody($0) }
    }

    /// Rule 2's names: `body`, `requestBody`, `request_body`, or a `*RequestBody` type.
    func isNamedLikeABody(_ field: Field) -> Bool {
        let name = Self.normalised(field.name)
        if name == "body" || name == "requestbody" { return true }
        guard let id = field.type.modelID, let model = models[id] else { return false }
        return model.name.hasSuffix("RequestBody")
    }

    // MARK: Helpers

    private func objectModel(_ type: TypeRef) -> ObjectModel? {
        guard let id = type.modelID, let model = models[id], case .object(let object) = model.kind else { return nil }
        return object
    }

    /// Whether `type` is the operation's own request model (`getxrequest.md`).
    private func isRequestModel(_ type: TypeRef, of operation: Operation) -> Bool {
        guard let id = type.modelID else { return false }
        return requestModelStems(of: operation).contains(Self.stem(id))
    }

    /// `models/operations/<operationId>request.md`, or the file named like the response model
    /// with `Request` for `Response` when the docs print no operation id.
    private func requestModel(of operation: Operation) -> ObjectModel? {
        for stem in requestModelStems(of: operation) {
            if let model = modelsByStem[stem], case .object(let object) = model.kind { return object }
        }
        return nil
    }

    private func requestModelStems(of operation: Operation) -> [String] {
        var stems: [String] = []
        if let id = operation.endpoint?.operationID { stems.append(JSONKeyRule.normalised(id) + "request") }
        if let response = operation.responseModel.map(Self.stem), response.hasSuffix("response") {
            stems.append(response.dropLast("response".count) + "request")
        }
        return stems
    }

    /// The body among the bound fields: the one bound to the body.
    private func body(of fields: [Field], bindings: [ParameterBinding]) -> RequestBody? {
        guard let index = bindings.firstIndex(where: { $0.place == .body }) else { return nil }
        return RequestBody(contentType: contentType(of: fields[index].type), type: fields[index].type, source: .rule)
    }

    /// Bytes or a stream go as `application/octet-stream`, a model with a file among its
    /// fields as `multipart/form-data`, anything else as JSON.
    private func contentType(of type: TypeRef) -> String {
        switch type.peeledNullable {
        case .sdkOnly: return "application/octet-stream"
        case .ref(let id):
            if let model = models[id], case .object(let object) = model.kind,
               object.fields.contains(where: { field in
                   if case .sdkOnly = field.type.peeledNullable { true } else { objectModel(field.type).map(isFile) ?? false }
               }) {
                return "multipart/form-data"
            }
            return "application/json"
        default: return "application/json"
        }
    }

    /// A model of an uploaded file: its content is bytes or a stream, or it is Speakeasy's file
    /// object (`fileName` and `content`, which PHP types as a string).
    private func isFile(_ object: ObjectModel) -> Bool {
        let names = Set(object.fields.map { Self.normalised($0.name) })
        return names.isSuperset(of: ["filename", "content"])
            || object.fields.contains { if case .sdkOnly = $0.type.peeledNullable { true } else { false } }
    }

    /// A doc's file name without its extension, letters and digits lower-cased
    /// (`models/operations/getkeyresponse.mdx` → `getkeyresponse`).
    public static func stem(_ id: String) -> String {
        // An ASCII id by byte offsets in its own buffer, without splitting it into arrays: the
        // same piece as by Characters for a fraction of the instructions (the locator takes the
        // stem of every model).
        var id = id
        let ascii = id.withUTF8 { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            let file = bytes.lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0
            let end = bytes[file...].firstIndex(of: UInt8(ascii: ".")) ?? bytes.count
            // An empty piece (`a/`, `a/.md`) is what `split` omits: those few go the long way.
            return file < end ? JSONKeyRule.normalised(ascii: bytes[file..<end]) : nil
        }
        if let ascii { return ascii }
        let name = id.split(separator: "/").last?.split(separator: ".").first
        return JSONKeyRule.normalised(String(name ?? Substring(id)))
    }

    /// Letters and digits, lower-cased, without a `_param` or `QueryParameter` suffix:
    /// `product_id`, `productId`, `ProductID` and `product_id_param` are one name.
    public static func normalised(_ name: String) -> String {
        if let (stripped, _) = querySuffix(of: name) { return JSONKeyRule.normalised(stripped) }
        var name = Substring(name)
        if name.count > 6, name.hasSuffix("_param") { name = name.dropLast(6) }
        return JSONKeyRule.normalised(String(name))
    }

    /// The name without Speakeasy's `QueryParameter` (`_query_parameter`) suffix, and which of
    /// the query parameters that share that name it is: Speakeasy suffixes the second
    /// `_query_parameter1` (clerk's `frontendApi` and `frontend_api` are
    /// `frontend_api_query_parameter` and `frontend_api_query_parameter1`).
    public static func querySuffix(of name: String) -> (name: String, ordinal: Int)? {
        let digits = name.reversed().prefix { $0.isASCII && $0.isNumber }.count
        let stem = name.dropLast(digits)
        for suffix in ["QueryParameter", "_query_parameter"] where stem.count > suffix.count && stem.hasSuffix(suffix) {
            return (String(stem.dropLast(suffix.count)), digits == 0 ? 0 : Int(name.suffix(digits)) ?? 0)
        }
        return nil
    }

    /// Request headers HTTP itself defines whose names have more than one word, by normalised
    /// name: an SDK writes them as plain parameters (`acceptLanguage`, `idempotencyKey`).
    static let standardHeaders: [String: String] = Dictionary(uniqueKeysWithValues: [
        "Accept-Language", "Accept-Encoding", "Idempotency-Key", "If-Match", "If-None-Match", "If-Modified-Since",
        "If-Unmodified-Since", "User-Agent",
    ].map { (normalised($0), $0) })

    /// `XAccountId`, `x_account_id`, `xOpenRouterMetadata`, `x-api-key`: an `x` that starts a
    /// word of its own.
    static func looksLikeHeader(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard scalars.count > 1, scalars[0] == "x" || scalars[0] == "X" else { return false }
        let next = scalars[1]
        return next == "_" || next == "-" || next.properties.isUppercase
    }

    /// The header a name stands for, its words joined by `-` in lower case (HTTP header names
    /// are case-insensitive): `XAccountId` → `x-account-id`.
    static func headerName(_ name: String) -> String {
        if name.contains("-") { return name.lowercased() }
        var words: [String] = []
        var current = ""
        let scalars = Array(name.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if scalar == "_" {
                if !current.isEmpty { words.append(current) }
                current = ""
                continue
            }
            let startsWord = scalar.properties.isUppercase && index > 0 && (
                !scalars[index - 1].properties.isUppercase
                    || (index + 1 < scalars.count && scalars[index + 1].properties.isLowercase))
            if startsWord, !current.isEmpty {
                words.append(current)
                current = ""
            }
            current.unicodeScalars.append(scalar)
        }
        if !current.isEmpty { words.append(current) }
        return words.map { $0.lowercased() }.joined(separator: "-")
    }
}

extension TypeRef {
    /// The type without its `nullable` layers.
    public var peeledNullable: TypeRef {
        if case .nullable(let inner) = self { inner.peeledNullable } else { self }
    }
}
