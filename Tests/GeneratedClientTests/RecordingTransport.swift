import Foundation
import HTTPTypes
import OpenAPIRuntime

/// A `ClientTransport` that records each request and answers with a canned response: what
/// the generated client sends, byte for byte, without a network.
final class RecordingTransport: ClientTransport, @unchecked Sendable {
    struct Sent {
        var request: HTTPRequest
        var body: [UInt8]?
        var baseURL: URL
        var operationID: String

        var query: [String] {
            guard let mark = request.path?.firstIndex(of: "?") else { return [] }
            return request.path![request.path!.index(after: mark)...].split(separator: "&").map(String.init)
        }

        var pathOnly: String? { request.path?.split(separator: "?", maxSplits: 1).first.map(String.init) }

        var json: Any? { body.flatMap { try? JSONSerialization.jsonObject(with: Data($0)) } }
    }

    private let lock = NSLock()
    private var recorded: [Sent] = []
    var status: Int
    var responseBody: String?
    var contentType = "application/json"
    var failure: (any Error)?

    init(status: Int = 200, body: String? = nil) {
        self.status = status
        self.responseBody = body
    }

    var sent: [Sent] { lock.withLock { recorded } }

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
        let bytes: [UInt8]? = if let body { try await [UInt8](collecting: body, upTo: 1 << 20) } else { nil }
        lock.withLock { recorded.append(Sent(request: request, body: bytes, baseURL: baseURL, operationID: operationID)) }
        if let failure { throw failure }
        var response = HTTPResponse(status: .init(code: status))
        if responseBody != nil { response.headerFields[.contentType] = contentType }
        return (response, responseBody.map { HTTPBody($0) })
    }
}
