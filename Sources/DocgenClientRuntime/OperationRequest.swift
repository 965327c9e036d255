import DocgenRuntime
import FoundationEssentials
import HTTPTypes
import OpenAPIRuntime

/// One call of a generated operation, before it is sent: the method, the path with its
/// variables filled in, the query, the headers and the body, each serialised the way the
/// vendor's SDK does (OpenAPI's `style` and `explode`, defaults per place). The generated
/// client builds one per call; a test can build one to see what a call would send.
public struct OperationRequest: Sendable {
    /// Speakeasy's `operationID` (the OpenAPI `operationId`), handed to the transport and middlewares.
    public let operationID: String
    public var method: HTTPRequest.Method
    /// The path template (`/pets/{id}`), its variables replaced as they are set.
    public private(set) var path: String
    /// Query items in the order they are set, keys and values not yet percent-encoded.
    public private(set) var query: [(name: String, value: String)] = []
    public var headerFields: HTTPFields = [:]
    public private(set) var body: HTTPBody?
    /// The credentials this operation accepts, in the docs' order; the client sends the first
    /// one it holds (OpenAPI's alternatives).
    public var security: [SecurityScheme] = []
    /// Failures to serialise a value: reported when the request is sent, so building never throws.
    var problems: [String] = []

    public init(operationID: String, method: HTTPRequest.Method, path: String) {
        self.operationID = operationID
        self.method = method
        self.path = path
    }

    /// How a parameter's value is written (OpenAPI's `style`).
    public enum Style: String, Sendable {
        case form, simple, label, matrix, spaceDelimited, pipeDelimited, deepObject
    }

    // MARK: Parameters

    /// Replaces `{name}` in the path with the value (`simple` style, percent-encoded).
    public mutating func setPath(_ name: String, _ value: some Encodable & Sendable, explode: Bool = false) {
        guard let json = encoded(value, name: name) else { return }
        let text = ParameterText.simple(json, explode: explode).map(ParameterText.percentEncoded).joined(separator: ",")
        path = path.replacingOccurrences(of: "{\(name)}", with: text)
    }

    /// Adds a query parameter; nil adds nothing. `form` with `explode` is OpenAPI's default.
    public mutating func addQuery(_ name: String, _ value: (some Encodable & Sendable)?, style: Style = .form, explode: Bool = true) {
        guard let value, let json = encoded(value, name: name), json != .null else { return }
        query += ParameterText.query(name: name, json, style: style, explode: explode)
    }

    /// Sets a header; nil sets nothing.
    public mutating func setHeader(_ name: String, _ value: (some Encodable & Sendable)?, explode: Bool = false) {
        guard let value, let json = encoded(value, name: name), json != .null,
              let field = HTTPField.Name(name) else { return }
        headerFields[field] = ParameterText.simple(json, explode: explode).joined(separator: ",")
    }

    // MARK: Bodies

    /// A JSON body: the value as its `Encodable` conformance writes it.
    public mutating func setJSONBody(_ value: some Encodable & Sendable, contentType: String = "application/json") {
        do {
            body = HTTPBody(try JSONEncoder.client.encode(value))
            headerFields[.contentType] = contentType
        } catch {
            problems.append("body: \(error)")
        }
    }

    /// A JSON object body from flattened arguments (`create(name:, tag:)`), by wire key; nil
    /// values are left out, as the SDKs leave out unset arguments.
    public mutating func setJSONBody(properties: KeyValuePairs<String, (any Encodable & Sendable)?>, contentType: String = "application/json") {
        var object: [String: JSONValue] = [:]
        for case let (key, value?) in properties {
            guard let json = encoded(value, name: key) else { continue }
            object[key] = json
        }
        setJSONBody(JSONValue.object(object), contentType: contentType)
    }

    /// A body of raw bytes or a stream (uploads), sent as given.
    public mutating func setBody(_ body: HTTPBody, contentType: String) {
        self.body = body
        headerFields[.contentType] = contentType
    }

    /// The `Accept` header (the success's content type, as the SDKs send it).
    public mutating func accept(_ contentType: String) {
        headerFields[.accept] = contentType
    }

    // MARK: Sending

    /// The request as the transport receives it: the path with its percent-encoded query.
    public var httpRequest: HTTPRequest {
        var request = HTTPRequest(method: method, scheme: nil, authority: nil, path: path)
        if !query.isEmpty {
            request.path = path + "?" + query.map { ParameterText.percentEncoded($0.name, keepBrackets: true) + "=" + ParameterText.percentEncoded($0.value) }
                .joined(separator: "&")
        }
        request.headerFields = headerFields
        return request
    }

    private mutating func encoded(_ value: some Encodable, name: String) -> JSONValue? {
        do {
            return try JSONValue(encoding: value)
        } catch {
            problems.append("\(name): \(error)")
            return nil
        }
    }
}

extension JSONEncoder {
    /// Keys in a fixed order, so a request's bytes repeat (and compare) exactly.
    static var client: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

extension JSONValue {
    /// A value as its `Encodable` conformance writes it (dates as the runtime writes them,
    /// enums as their raw values), so parameters use the same spelling as bodies.
    init(encoding value: some Encodable) throws {
        if let json = value as? JSONValue { self = json; return }
        let data = try JSONEncoder.client.encode(value)
        self = try JSONDecoder().decode(JSONValue.self, from: data)
    }
}
