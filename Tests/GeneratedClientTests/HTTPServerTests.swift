import DocgenClientRuntime
import Foundation
import HTTPTypes
import OpenAPIRuntime
import OpenAPIURLSession
import PetstoreClient
import Testing

/// The generated petstore client over real HTTP: `URLSessionTransport()` talking to a server on
/// 127.0.0.1 (`HTTPTestServer`, POSIX sockets on a thread of its own) that records each request
/// as it read it off the socket and answers with the test's scripted reply. Every test checks
/// that the server received exactly the one request it expects, so none passes without the
/// request having crossed a socket.
///
/// On Linux, FoundationNetworking's URLSession cannot stream: swift-openapi-urlsession 1.4.0
/// falls back to its buffered mode there (streaming throws `streamingNotSupported`), so every
/// response body reaches the client whole, after the last byte. The binary test below proves
/// the bytes survive (a chunked response, every byte value); `Scripts/client-http-ahc` proves
/// streaming itself with AsyncHTTPClient.
///
/// The time limit is a backstop against a hang (nothing here should take a second: the server
/// gives up on a silent peer after 30 s, URLSession after 60 s). It is 5 minutes, not 1, because
/// in a whole `swift test` run on 2 cores the other suites keep Swift's cooperative threads busy:
/// there every test of this target, the recording-transport ones included, took 51–77 s of wall
/// time for well under a second of work, and a 1-minute limit would fail them at random.
@Suite(.timeLimit(.minutes(5))) struct HTTPServerTests {
    static let pet = #"{"id":"p1","name":"Rex","status":"available","tags":["good"],"age":3}"#
    static let rex = Pet(id: "p1", name: "Rex", status: .available, tags: ["good"], age: 3)

    func client(_ server: HTTPTestServer, token: String? = "secret-token") -> PetstoreClient {
        PetstoreClient(serverURL: URL(string: "http://127.0.0.1:\(server.port)/v1")!, transport: URLSessionTransport(),
                       bearerAuth: token)
    }

    /// The one request the server saw (none or several is a failure), after checking the
    /// server met no trouble of its own.
    func onlyRequest(_ server: HTTPTestServer, sourceLocation: SourceLocation = #_sourceLocation) throws -> HTTPTestServer.Request {
        #expect(server.errors == [], sourceLocation: sourceLocation)
        let requests = server.requests
        try #require(requests.count == 1, "the server saw \(requests.count) requests: \(requests)", sourceLocation: sourceLocation)
        return requests[0]
    }

    @Test func aListCallReachesTheServerWithItsQueryHeadersAndCredential() async throws {
        let server = try HTTPTestServer(replies: [.json(200, "[\(Self.pet)]")])
        defer { server.stop() }
        let pets = try await client(server).pets.list(limit: 7, tags: ["good", "small"], status: .available, xRequestId: "trace-1")
        #expect(pets == [Self.rex])
        let seen = try onlyRequest(server)
        // The server URL's path, then the operation's; `tags` (form, explode: false) is one
        // comma-separated value whose comma stays percent-encoded on the wire.
        #expect(seen.requestLine == "GET /v1/pets?limit=7&tags=good%2Csmall&status=available HTTP/1.1")
        #expect(seen.header("Host") == "127.0.0.1:\(server.port)")
        #expect(seen.header("Authorization") == "Bearer secret-token")
        #expect(seen.header("Accept") == "application/json")
        #expect(seen.header("X-Request-Id") == "trace-1")
        #expect(seen.values("X-API-Key") == [])
        #expect(seen.body.isEmpty)
    }

    @Test func aPathVariableArrivesPercentEncoded() async throws {
        let server = try HTTPTestServer(replies: [.json(200, Self.pet)])
        defer { server.stop() }
        _ = try await client(server).pets.get(petId: "a b/c")
        #expect(try onlyRequest(server).requestLine == "GET /v1/pets/a%20b%2Fc HTTP/1.1")
    }

    @Test func aCreateCallSendsTheModelAsJSONAndDecodesThe201() async throws {
        let server = try HTTPTestServer(replies: [.json(201, Self.pet, headers: [("Location", "/v1/pets/p1")])])
        defer { server.stop() }
        let created = try await client(server).pets.create(request: CreatePetRequestBody(name: "Rex", tags: ["good"]))
        #expect(created == Self.rex)
        let seen = try onlyRequest(server)
        #expect(seen.requestLine == "POST /v1/pets HTTP/1.1")
        #expect(seen.header("Content-Type") == "application/json")
        #expect(seen.header("Accept") == "application/json")
        #expect(seen.header("Authorization") == "Bearer secret-token")
        let json = #"{"name":"Rex","tags":["good"]}"#
        #expect(String(decoding: seen.body, as: UTF8.self) == json)
        #expect(seen.header("Content-Length") == String(json.utf8.count))
    }

    @Test func aListResponseDecodesIntoPetsOpenEnumsAndMissingOptionalsIncluded() async throws {
        let body = #"[\#(Self.pet),{"id":"p2","name":"Tom","status":"adopted"}]"#
        let server = try HTTPTestServer(replies: [.json(200, body)])
        defer { server.stop() }
        let pets = try await client(server).pets.list(limit: nil)
        #expect(pets == [Self.rex, Pet(id: "p2", name: "Tom", status: .unknown("adopted"))])
        // Nothing set, nothing sent (`limit: nil` leaves out its documented default): no query, no X-Request-Id.
        let seen = try onlyRequest(server)
        #expect(seen.target == "/v1/pets")
        #expect(seen.values("X-Request-Id") == [])
    }

    @Test func aDocumentedErrorStatusArrivesAsItsTypedError() async throws {
        let server = try HTTPTestServer(replies: [.json(404, #"{"message":"no such pet","code":"not_found"}"#)])
        defer { server.stop() }
        do {
            _ = try await client(server).pets.get(petId: "p9")
            Issue.record("expected GetError.notFound")
        } catch {
            guard case .notFound(let notFound) = error else { Issue.record("got \(error)"); return }
            #expect(notFound == NotFound(message: "no such pet", code: "not_found"))
        }
        #expect(try onlyRequest(server).requestLine == "GET /v1/pets/p9 HTTP/1.1")
    }

    @Test func anUndocumentedStatusArrivesWithItsHeadersAndBodyBytesIntact() async throws {
        // Not UTF-8, with a NUL and a CRLF inside: the bytes must come back as they were sent.
        let bytes: [UInt8] = Array("short and stout".utf8) + [0x00, 0xFF, 0xFE, 0x0D, 0x0A, 0x80]
        let server = try HTTPTestServer(replies: [.respond(418, contentType: "application/octet-stream", body: bytes,
                                                           headers: [("X-Teapot", "short")])])
        defer { server.stop() }
        do {
            _ = try await client(server).pets.get(petId: "p1")
            Issue.record("expected GetError.undocumented")
        } catch {
            guard case .undocumented(let status, let headers, let body?) = error else { Issue.record("got \(error)"); return }
            #expect(status == 418)
            #expect(headers[HTTPField.Name("X-Teapot")!] == "short")
            #expect(headers[.contentType] == "application/octet-stream")
            #expect(try await [UInt8](collecting: body, upTo: 1024) == bytes)
        }
        #expect(try onlyRequest(server).requestLine == "GET /v1/pets/p1 HTTP/1.1")
    }

    @Test func aMalformedJSONSuccessBodyIsAClientErrorThatKeepsTheBytes() async throws {
        let truncated = #"{"id":"p1","name":"#
        let server = try HTTPTestServer(replies: [.json(200, truncated)])
        defer { server.stop() }
        do {
            _ = try await client(server).pets.get(petId: "p1")
            Issue.record("expected GetError.client")
        } catch {
            guard case .client(let clientError) = error else { Issue.record("got \(error)"); return }
            #expect(clientError.causeDescription == "Undecodable response body")
            #expect(clientError.operationID == "getPet")
            #expect(clientError.response?.status.code == 200)
            let body = try #require(clientError.responseBody)
            #expect(try await String(collecting: body, upTo: 1024) == truncated)
        }
        #expect(try onlyRequest(server).requestLine == "GET /v1/pets/p1 HTTP/1.1")
    }

    /// The server reads the whole request, then closes the connection without a byte of
    /// answer: a `client` error at once (curl's "empty reply"), no hang and no response.
    @Test func aServerThatHangsUpWithoutAnsweringIsAClientError() async throws {
        let server = try HTTPTestServer(replies: [.closeWithoutAnswer])
        defer { server.stop() }
        do {
            try await client(server).pets.delete(petId: "p1")
            Issue.record("expected DeleteError.client")
        } catch {
            guard case .client(let clientError) = error else { Issue.record("got \(error)"); return }
            #expect(clientError.causeDescription == "Transport failed")
            #expect(clientError.operationID == "deletePet")
            #expect(clientError.request?.method == .delete)
            #expect(clientError.response == nil)
            #expect(clientError.underlyingError is URLError, "underlying: \(clientError.underlyingError)")
        }
        #expect(try onlyRequest(server).requestLine == "DELETE /v1/pets/p1 HTTP/1.1")
    }

    @Test func noContentReturnsNothing() async throws {
        let server = try HTTPTestServer(replies: [.respond(204, contentType: nil, body: [])])
        defer { server.stop() }
        try await client(server).pets.delete(petId: "p1")
        #expect(try onlyRequest(server).requestLine == "DELETE /v1/pets/p1 HTTP/1.1")
    }

    /// 256 KiB of every byte value, sent chunked in 16 KiB pieces. On Linux URLSessionTransport
    /// buffers the body (see the suite's note), so this proves the bytes and the `HTTPBody`
    /// the caller gets, not incremental delivery.
    @Test func aBinaryResponseComesBackAsAnHTTPBodyByteForByte() async throws {
        let png = (0..<(256 * 1024)).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 8) }
        let server = try HTTPTestServer(replies: [.respond(200, contentType: "image/png", body: png, chunkSize: 16 * 1024)])
        defer { server.stop() }
        let photo = try await client(server).pets.photo(petId: "p1")
        #expect(try await [UInt8](collecting: photo, upTo: 1 << 20) == png)
        let seen = try onlyRequest(server)
        #expect(seen.requestLine == "GET /v1/pets/p1/photo HTTP/1.1")
        #expect(seen.header("Accept") == "image/png")
    }
}
