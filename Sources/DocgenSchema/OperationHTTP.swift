import DocgenDiagnostics

/// What an operation sends and receives over HTTP, as its doc says or docgen's rules infer
/// it (the groundwork of a Swift client; issue #24). Each fact says where it came from.

/// The HTTP endpoint of an operation: Speakeasy's `<!-- UsageSnippet … -->` comment.
public struct Endpoint: Sendable, Equatable {
    public var operationID: String
    /// Lower-cased (`get`, `post`).
    public var method: String
    /// The path template as written (`/products/{product}/groups/{id}/acl`).
    public var path: String
    public var source: Provenance
    public var location: SourceLocation
    /// What the OpenAPI document says instead (`POST /pets`), where it disagrees, and where.
    public var disputed: (says: String, at: SourceLocation)? {
        get { dispute.map { ($0.says, $0.at) } }
        set { dispute = newValue.map { Dispute(says: $0.says, at: $0.at) } }
    }
    private var dispute: Dispute?
    private struct Dispute: Sendable, Equatable {
        var says: String
        var at: SourceLocation
    }

    public init(operationID: String, method: String, path: String, source: Provenance, location: SourceLocation) {
        self.operationID = operationID
        self.method = method
        self.path = path
        self.source = source
        self.location = location
    }

    /// The path template's variables, as written (`{id}` → `id`).
    public var pathVariables: [String] {
        var names: [String] = []
        var rest = path[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}

/// Where a parameter goes in the request (OpenAPI's `in`, plus the body).
public enum ParameterPlace: String, Sendable, Equatable {
    case path, query, header, cookie, body
}

/// How an operation's Parameters table carries the request.
public enum RequestShape: String, Sendable, Equatable {
    /// No parameter (beyond the SDK's own options).
    case none
    /// Each parameter is an argument (`get(id=…)`); body properties may be flattened among them.
    case arguments
    /// One `request` parameter whose model's fields are the parameters (`operations.GetXRequest`).
    case wrapper
    /// One `request` parameter that is the body itself.
    case body
}

/// Where one parameter goes: an argument of the method, or a field of the wrapper model.
public struct ParameterBinding: Sendable, Equatable {
    /// The name as the doc writes it (`product_id`, `XAccountId`).
    public var name: String
    public var place: ParameterPlace
    /// The name on the wire: the path variable, the header or query key, the body property;
    /// `nil` for the whole body.
    public var wireName: String?
    /// OpenAPI's `style` and `explode`, only when known (the docs never print them).
    public var style: String?
    public var explode: Bool?
    /// The value the SDK sends when the caller gives none (the document's `default`: `10`,
    /// `"clicks"`); the docs never print it.
    public var defaultValue: DefaultValue?
    /// How `place` and `wireName` were found (`rule`: docgen's location rules).
    public var source: Provenance
    /// The parameter's row, or the wrapper model's field.
    public var location: SourceLocation

    public init(name: String, place: ParameterPlace, wireName: String?, style: String? = nil, explode: Bool? = nil,
                source: Provenance, location: SourceLocation) {
        self.name = name
        self.place = place
        self.wireName = wireName
        self.style = style
        self.explode = explode
        self.source = source
        self.location = location
    }
}

/// The request body.
public struct RequestBody: Sendable, Equatable {
    public var contentType: String?
    /// The body's type; `nil` when its properties are flattened into the method's arguments
    /// and no model of the body is known.
    public var type: TypeRef?
    public var source: Provenance

    public init(contentType: String?, type: TypeRef?, source: Provenance) {
        self.contentType = contentType
        self.type = type
        self.source = source
    }
}

/// One documented response: a success (`### Response`) or an error (a row of `### Errors`, one
/// per status it lists).
public struct ResponseFact: Sendable, Equatable {
    /// `404`, a class (`4XX`), or `nil` when the docs do not say (a success's status never is).
    public var status: String?
    public var contentType: String?
    /// A model where it is documented, else `sdkOnly` with the SDK's type name (`errors.SDKError`).
    public var type: TypeRef?
    public var source: Provenance
    public var location: SourceLocation?

    public init(status: String?, contentType: String?, type: TypeRef?, source: Provenance, location: SourceLocation?) {
        self.status = status
        self.contentType = contentType
        self.type = type
        self.source = source
        self.location = location
    }
}

/// A base URL the API is served from (OpenAPI's `servers`, or the config's).
public struct Server: Sendable, Equatable {
    public var url: String
    public var description: String?
    public var source: Provenance
    public var location: SourceLocation?

    public init(url: String, description: String? = nil, source: Provenance, location: SourceLocation? = nil) {
        self.url = url
        self.description = description
        self.source = source
        self.location = location
    }
}

/// One way the API takes a credential (OpenAPI's `securitySchemes`), by the name operations
/// refer to it with.
public struct SecuritySchemeFact: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `Authorization: Bearer …`.
        case bearer
        /// `Authorization: Basic …`.
        case basic
        /// A key sent as given, in the named header.
        case apiKeyHeader(String)
        /// A key in the named query parameter.
        case apiKeyQuery(String)
    }

    public var name: String
    public var kind: Kind
    public var source: Provenance
    public var location: SourceLocation?

    public init(name: String, kind: Kind, source: Provenance, location: SourceLocation?) {
        self.name = name
        self.kind = kind
        self.source = source
        self.location = location
    }

    /// The kind as dump-ir writes it (`bearer`, `basic`, `apiKey`) and where a key goes.
    public var kindName: String {
        switch kind {
        case .bearer: "bearer"
        case .basic: "basic"
        case .apiKeyHeader, .apiKeyQuery: "apiKey"
        }
    }

    public var parameter: (place: ParameterPlace, name: String)? {
        switch kind {
        case .bearer, .basic: nil
        case .apiKeyHeader(let name): (.header, name)
        case .apiKeyQuery(let name): (.query, name)
        }
    }

    /// The docs' own evidence: the SDK's `Security` model names its fields after the schemes
    /// (`bearer_auth`, `token`, `Username`/`Password`) but never says how each is sent. A
    /// token-like name is bearer auth, a user and password are basic auth (the `rule`); an API
    /// key's header is never in the docs, so it needs `--openapi` or the config.
    public static func fromSecurityModel(in schema: Schema) -> [SecuritySchemeFact] {
        guard let model = schema.models.first(where: { JSONKeyRule.normalised($0.name) == "security" }),
              case .object(let object) = model.kind else { return [] }
        let names = object.fields.map { JSONKeyRule.normalised($0.name) }
        if names.contains("username") && names.contains("password"), let field = object.fields.first {
            return [SecuritySchemeFact(name: "basic", kind: .basic, source: .rule, location: field.location)]
        }
        return object.fields.compactMap { field in
            let name = JSONKeyRule.normalised(field.name)
            guard name.contains("bearer") || name.contains("token") || name == "jwt" || name == "oauth2" else { return nil }
            return SecuritySchemeFact(name: field.name, kind: .bearer, source: .rule, location: field.location)
        }
    }
}

/// A parameter's default: a scalar, as the SDKs send one the caller leaves out.
public enum DefaultValue: Sendable, Equatable {
    case string(String)
    /// As written (`600`, `1.5`).
    case number(String)
    case boolean(Bool)

    /// As JSON text (dump-ir).
    public var json: String {
        switch self {
        case .string(let text): JSONText.quoted(text)
        case .number(let text): text
        case .boolean(let flag): flag ? "true" : "false"
        }
    }
}

extension Model {
    /// An SDK's response wrapper (`operations.XResponse`: status code, content type, raw
    /// response, HTTP metadata, and the body under a field of its own), not a wire shape: the
    /// client decodes its body field, and no JSON schema describes the wrapper.
    public var isSDKResponseWrapper: Bool {
        guard case .object(let object) = kind else { return false }
        return object.fields.contains { Self.isResponseMetadata($0) }
    }

    /// The body field of an SDK's response wrapper, as its callers see the response: the one
    /// field that is no metadata, when metadata stands beside it or it is called `result`
    /// (Speakeasy's name for a body it wraps for headers or pagination; meitner's
    /// `StudentListResponse` was `result` alone before it gained `headers`).
    public var sdkResponseBody: Field? {
        guard case .object(let object) = kind, object.additionalProperties == nil else { return nil }
        let body = object.fields.filter { !Self.isResponseMetadata($0) }
        guard body.count == 1, body.count < object.fields.count || body[0].name.lowercased() == "result" else { return nil }
        return body[0]
    }

    /// A field of a response wrapper that is not the body: the SDK's own metadata, or the
    /// response's headers as every SDK types them (`headers: Dict[str, List[str]]` beside
    /// `result`, meitner's Python; `Record<string, string[]>`, `map[string][]string`).
    public static func isResponseMetadata(_ field: Field) -> Bool {
        switch field.type {
        case .sdkOnly: return true
        case .map(.list(.string)): return JSONKeyRule.normalised(field.name) == "headers"
        default: return ["contenttype", "statuscode", "rawresponse", "httpmeta"].contains(JSONKeyRule.normalised(field.name))
        }
    }
}
