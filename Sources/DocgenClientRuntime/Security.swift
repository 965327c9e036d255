import FoundationEssentials
import HTTPTypes

/// One way an API accepts a credential (OpenAPI's security schemes that the docs or the
/// document name). The generated client lists each operation's schemes; `Credentials` holds
/// the values the caller gave.
public enum SecurityScheme: Sendable, Hashable {
    /// `Authorization: Bearer <token>`.
    case bearer(String)
    /// `Authorization: Basic <base64(user:password)>`.
    case basic(String)
    /// An API key in a header, sent as given (`authorization: <key>`, `X-API-Key: <key>`).
    case apiKeyHeader(String, header: String)
    /// An API key in the query (`?api_key=<key>`).
    case apiKeyQuery(String, name: String)

    /// The scheme's name (the OpenAPI `securitySchemes` key), which keys `Credentials`.
    public var name: String {
        switch self {
        case .bearer(let name), .basic(let name), .apiKeyHeader(let name, _), .apiKeyQuery(let name, _): name
        }
    }
}

/// The credentials a client holds, by scheme name.
public struct Credentials: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        case token(String)
        case userPassword(user: String, password: String)
    }

    public var values: [String: Value]

    public init(_ values: [String: Value] = [:]) {
        self.values = values
    }

    /// Adds the first of `schemes` held here to the request (OpenAPI: the alternatives of a
    /// requirement, any one suffices); nothing when none is held, so the server answers 401
    /// as it would to the vendor's SDK.
    func authorize(_ request: inout OperationRequest) {
        for scheme in request.security {
            guard let value = values[scheme.name] else { continue }
            switch (scheme, value) {
            case (.bearer, .token(let token)):
                request.headerFields[.authorization] = "Bearer " + token
            case (.basic, .userPassword(let user, let password)):
                request.headerFields[.authorization] = "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
            case (.apiKeyHeader(_, let header), .token(let key)):
                guard let field = HTTPField.Name(header) else { continue }
                request.headerFields[field] = key
            case (.apiKeyQuery(_, let name), .token(let key)):
                request.addQuery(name, key)
            default:
                continue
            }
            return
        }
    }
}
