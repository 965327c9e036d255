import FoundationEssentials
import HTTPTypes
import OpenAPIRuntime

/// What every generated client holds: where the API is, the transport that sends requests
/// (`URLSessionTransport`, `AsyncHTTPClientTransport`, or a test's own), the middlewares
/// each request passes through in order (logging, retries, auth of your own), and the
/// credentials. Generated groups call `send`; nothing here knows an API.
public struct ClientCore: Sendable {
    public var serverURL: URL
    public var transport: any ClientTransport
    public var middlewares: [any ClientMiddleware]
    public var credentials: Credentials
    /// Headers every request carries unless the operation sets them (an API version the SDK
    /// always sends, from the config's `client.headers`).
    public var headerFields: HTTPFields

    public init(serverURL: URL, transport: any ClientTransport, middlewares: [any ClientMiddleware] = [],
                credentials: Credentials = Credentials(), headerFields: HTTPFields = [:]) {
        self.headerFields = headerFields
        self.serverURL = serverURL
        self.transport = transport
        self.middlewares = middlewares
        self.credentials = credentials
    }

    /// Sends the request through the middlewares and the transport. A success status comes
    /// back as the response; a documented error status as the operation's error case, any
    /// other status as `undocumented`, and a failure to send or to read as `client`.
    public func send<Failure: OperationError>(_ request: OperationRequest, failing _: Failure.Type,
                                              isSuccess: @Sendable (Int) -> Bool = { (200..<300).contains($0) }) async throws(Failure) -> OperationResponse {
        var authorized = request
        for field in headerFields where authorized.headerFields[field.name] == nil { authorized.headerFields.append(field) }
        credentials.authorize(&authorized)
        let request = authorized
        let httpRequest = request.httpRequest
        let fail = { @Sendable (cause: String, error: any Error, response: HTTPResponse?, body: HTTPBody?) -> Failure in
            Failure.client(ClientError(operationID: request.operationID, operationInput: request.path, request: httpRequest,
                                       requestBody: request.body, baseURL: serverURL, response: response, responseBody: body,
                                       causeDescription: cause, underlyingError: error))
        }
        if !request.problems.isEmpty {
            throw fail("Unserialisable request", SerialisationError(problems: request.problems), nil, nil)
        }
        var next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?) = { [transport, operationID = request.operationID] in
            try await transport.send($0, body: $1, baseURL: $2, operationID: operationID)
        }
        for middleware in middlewares.reversed() {
            let inner = next
            next = { [operationID = request.operationID] in
                try await middleware.intercept($0, body: $1, baseURL: $2, operationID: operationID, next: inner)
            }
        }
        let (response, body): (HTTPResponse, HTTPBody?)
        do {
            (response, body) = try await next(httpRequest, request.body, serverURL)
        } catch {
            throw fail("Transport failed", error, nil, nil)
        }
        let received = OperationResponse(response: response, body: body, failure: { cause, error, bytes in
            fail(cause, error, response, bytes.map { HTTPBody($0) } ?? body)
        })
        if isSuccess(response.status.code) { return received }
        let documented: Failure?
        do {
            documented = try await Failure.documented(received)
        } catch {
            throw error.failure as? Failure ?? fail("Undecodable error body", error, response, nil)
        }
        if let documented { throw documented }
        // Undocumented: the body is buffered (error bodies are small) so it stays readable.
        do {
            let bytes = try await received.bytes()
            throw Failure.undocumented(status: response.status.code, headers: response.headerFields, body: bytes.isEmpty ? nil : HTTPBody(bytes))
        } catch let error as Failure {
            throw error
        } catch {
            throw fail("Unreadable response body", error, response, nil)
        }
    }
}

/// Values a request could not serialise (an `Encodable` that threw).
public struct SerialisationError: Error, Sendable, CustomStringConvertible {
    public var problems: [String]
    public var description: String { "cannot serialise " + problems.joined(separator: "; ") }
}
