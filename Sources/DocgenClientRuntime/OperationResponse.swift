import DocgenRuntime
import FoundationEssentials
import HTTPTypes
import OpenAPIRuntime

/// The error an operation throws: one case per documented error status (its model decoded),
/// `undocumented` for any other status, `client` when the request could not be sent or the
/// response not read. Generated per operation; the cases below are the ones every such enum has.
public protocol OperationError: Error, Sendable {
    /// A status the docs do not list, with the response's headers and its whole body.
    static func undocumented(status: Int, headers: HTTPFields, body: HTTPBody?) -> Self
    /// Sending failed, or a body did not decode; the error keeps the request, the response
    /// and its bytes.
    static func client(_ error: ClientError) -> Self
    /// The documented error for this response's status, its body decoded; nil for a status
    /// the docs do not list.
    static func documented(_ response: OperationResponse) async throws(DecodingFailure) -> Self?
}

/// A body that did not decode, with the bytes it had (so no error loses the response).
public struct DecodingFailure: Error, Sendable {
    public var bytes: [UInt8]
    public var underlying: any Error
    /// The operation's own error for this failure, when the response made one.
    var failure: (any Error)?
}

/// A response on its way to being decoded.
public struct OperationResponse: Sendable {
    public let response: HTTPResponse
    /// Streamed, as the transport gives it: read once.
    public let body: HTTPBody?
    let failure: @Sendable (String, any Error, [UInt8]?) -> any Error

    /// The largest body decoded as JSON or buffered for an error (larger bodies are streams:
    /// ask for `HTTPBody`).
    public static let bufferLimit = 64 * 1024 * 1024

    public var status: Int { response.status.code }
    public var headerFields: HTTPFields { response.headerFields }

    /// The whole body's bytes (empty when there is none).
    public func bytes() async throws -> [UInt8] {
        guard let body else { return [] }
        return try await [UInt8](collecting: body, upTo: Self.bufferLimit)
    }

    /// The body as `T` (JSON), for a documented error case.
    public func decode<T: Decodable>(_: T.Type) async throws(DecodingFailure) -> T {
        let bytes: [UInt8]
        do {
            bytes = try await self.bytes()
        } catch {
            throw DecodingFailure(bytes: [], underlying: error, failure: failure("Unreadable response body", error, nil))
        }
        // An operation documented as returning "anything" may send nothing (`Promise<void>`).
        if bytes.isEmpty, let nothing = DocgenRuntime.JSONValue.null as? T { return nothing }
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch {
            throw DecodingFailure(bytes: bytes, underlying: error, failure: failure("Undecodable response body", error, bytes))
        }
    }

    /// The success body as `T` (JSON); a body that does not decode is the operation's `client` error.
    public func decode<T: Decodable, Failure: OperationError>(_: T.Type, failing _: Failure.Type) async throws(Failure) -> T {
        do {
            return try await decode(T.self)
        } catch {
            throw error.failure as? Failure ?? Failure.client(ClientError(
                operationID: "", operationInput: "", causeDescription: "Undecodable response body", underlyingError: error.underlying))
        }
    }
}
