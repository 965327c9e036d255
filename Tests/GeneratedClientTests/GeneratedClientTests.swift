import DocgenClientRuntime
import Foundation
import HTTPTypes
import OpenAPIRuntime
import PetstoreClient
import Testing

/// The client generated from the petstore fixture (Tests/GeneratedModels/petstore-client.docgen.json:
/// TypeScript docs plus the OpenAPI document), driven through a recording transport: what it
/// sends, what it decodes, and how each way of failing reaches the caller.
@Suite struct GeneratedClientTests {
    let pet = #"{"id":"p1","name":"Rex","status":"available","tags":["good"],"age":3}"#

    func client(_ transport: RecordingTransport, token: String? = "secret", apiKey: String? = nil,
                middlewares: [any ClientMiddleware] = []) -> PetstoreClient {
        PetstoreClient(transport: transport, middlewares: middlewares, bearerAuth: token, apiKey: apiKey)
    }

    @Test func aQueryOperationSendsEveryArgumentWhereTheDocumentPutsIt() async throws {
        let transport = RecordingTransport(body: "[\(pet)]")
        let pets = try await client(transport).pets.list(limit: 7, tags: ["good", "small"], status: .available, xRequestId: "trace-1")
        #expect(pets.map(\.name) == ["Rex"])
        let sent = try #require(transport.sent.first)
        #expect(sent.request.method == .get)
        #expect(sent.pathOnly == "/pets")
        // `tags` is `style: form, explode: false` in the document: one comma-separated value.
        #expect(sent.query == ["limit=7", "tags=good%2Csmall", "status=available"])
        #expect(sent.request.headerFields[HTTPField.Name("X-Request-Id")!] == "trace-1")
        #expect(sent.request.headerFields[.authorization] == "Bearer secret")
        #expect(sent.request.headerFields[.accept] == "application/json")
        #expect(sent.baseURL.absoluteString == "https://petstore.example.com/v1")
        #expect(sent.operationID == "listPets")
        #expect(sent.body == nil)
    }

    @Test func unsetOptionalArgumentsAreLeftOutButDocumentedDefaultsAreSentAsTheSDKSendsThem() async throws {
        let transport = RecordingTransport(body: "[]")
        _ = try await client(transport).pets.list()
        // `limit` has `default: 20` in the document: the SDKs send it when the caller gives none.
        #expect(transport.sent.first?.request.path == "/pets?limit=20")
        #expect(transport.sent.first?.request.headerFields[HTTPField.Name("X-Request-Id")!] == nil)
        _ = try await client(transport).pets.list(limit: nil)
        #expect(transport.sent.last?.request.path == "/pets")
    }

    @Test func theClientsOwnHeadersGoOnEveryRequestUnlessTheOperationSetsThem() async throws {
        let transport = RecordingTransport(body: "[]")
        var petstore = client(transport)
        petstore.core.headerFields = [HTTPField.Name("API-Version")!: "2025-11-10", HTTPField.Name("X-Request-Id")!: "default"]
        _ = try await petstore.pets.list(xRequestId: "mine")
        let headers = try #require(transport.sent.first?.request.headerFields)
        #expect(headers[HTTPField.Name("API-Version")!] == "2025-11-10")
        #expect(headers[HTTPField.Name("X-Request-Id")!] == "mine")
    }

    @Test func aPathVariableIsPercentEncoded() async throws {
        let transport = RecordingTransport(body: pet)
        let found = try await client(transport).pets.get(petId: "a b/c")
        #expect(found.id == "p1")
        #expect(transport.sent.first?.request.path == "/pets/a%20b%2Fc")
    }

    @Test func aJSONBodyIsTheModelAsItEncodes() async throws {
        let transport = RecordingTransport(status: 201, body: pet)
        let created = try await client(transport).pets.create(request: CreatePetRequestBody(name: "Rex", tags: ["good"]))
        #expect(created.status == .available)
        let sent = try #require(transport.sent.first)
        #expect(sent.request.method == .post)
        #expect(sent.request.headerFields[.contentType] == "application/json")
        #expect(String(decoding: sent.body ?? [], as: UTF8.self) == #"{"name":"Rex","tags":["good"]}"#)
    }

    @Test func aDocumentedErrorStatusThrowsItsDecodedModel() async throws {
        let transport = RecordingTransport(status: 404, body: #"{"message":"no such pet","code":"not_found"}"#)
        do {
            _ = try await client(transport).pets.get(petId: "p9")
            Issue.record("expected an error")
        } catch {
            guard case .notFound(let notFound) = error else { Issue.record("got \(error)"); return }
            #expect(notFound.message == "no such pet")
        }
    }

    @Test func anUndocumentedStatusKeepsTheHeadersAndTheWholeBody() async throws {
        let transport = RecordingTransport(status: 418, body: #"{"teapot":true}"#)
        do {
            _ = try await client(transport).pets.get(petId: "p1")
            Issue.record("expected an error")
        } catch {
            guard case .undocumented(let status, let headers, let body?) = error else { Issue.record("got \(error)"); return }
            #expect(status == 418)
            #expect(headers[.contentType] == "application/json")
            #expect(try await String(collecting: body, upTo: 1024) == #"{"teapot":true}"#)
        }
    }

    @Test func aMalformedSuccessBodyIsAClientErrorThatKeepsTheBytes() async throws {
        let transport = RecordingTransport(body: #"{"id": 42}"#)
        do {
            _ = try await client(transport).pets.get(petId: "p1")
            Issue.record("expected an error")
        } catch {
            guard case .client(let clientError) = error else { Issue.record("got \(error)"); return }
            #expect(clientError.operationID == "getPet")
            #expect(clientError.response?.status.code == 200)
            let body = try #require(clientError.responseBody)
            let bytes = try await String(collecting: body, upTo: 1024)
            #expect(bytes == #"{"id": 42}"#)
        }
    }

    @Test func aMalformedErrorBodyIsAClientErrorToo() async throws {
        let transport = RecordingTransport(status: 404, body: "<html>gateway</html>")
        do {
            _ = try await client(transport).pets.get(petId: "p1")
            Issue.record("expected an error")
        } catch {
            guard case .client(let clientError) = error else { Issue.record("got \(error)"); return }
            #expect(clientError.response?.status.code == 404)
            let body = try #require(clientError.responseBody)
            let bytes = try await String(collecting: body, upTo: 1024)
            #expect(bytes == "<html>gateway</html>")
        }
    }

    @Test func aTransportFailureIsAClientError() async throws {
        struct ConnectionClosed: Error {}
        let transport = RecordingTransport()
        transport.failure = ConnectionClosed()
        do {
            try await client(transport).pets.delete(petId: "p1")
            Issue.record("expected an error")
        } catch {
            guard case .client(let clientError) = error else { Issue.record("got \(error)"); return }
            #expect(clientError.underlyingError is ConnectionClosed)
            #expect(clientError.request?.method == .delete)
        }
    }

    @Test func noContentReturnsNothing() async throws {
        let transport = RecordingTransport(status: 204)
        try await client(transport).pets.delete(petId: "p1")
        #expect(transport.sent.first?.request.method == .delete)
    }

    @Test func aBinaryResponseStreamsAsHTTPBody() async throws {
        let transport = RecordingTransport(body: "PNG-bytes")
        transport.contentType = "image/png"
        let photo = try await client(transport).pets.photo(petId: "p1")
        #expect(try await String(collecting: photo, upTo: 1024) == "PNG-bytes")
        #expect(transport.sent.first?.request.headerFields[.accept] == "image/png")
    }

    @Test func theFirstCredentialHeldIsSent() async throws {
        let transport = RecordingTransport(body: "[]")
        _ = try await client(transport, token: nil, apiKey: "key-1").pets.list()
        let headers = try #require(transport.sent.first?.request.headerFields)
        #expect(headers[.authorization] == nil)
        #expect(headers[HTTPField.Name("X-API-Key")!] == "key-1")
    }

    @Test func middlewaresSeeEveryRequestInOrderAndCanChangeIt() async throws {
        struct Stamp: ClientMiddleware {
            let value: String
            func intercept(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
                           next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)) async throws -> (HTTPResponse, HTTPBody?) {
                var request = request
                let field = HTTPField.Name("X-Stamps")!
                request.headerFields[field] = [request.headerFields[field], value + ":" + operationID].compactMap { $0 }.joined(separator: ",")
                return try await next(request, body, baseURL)
            }
        }
        let transport = RecordingTransport(body: "[]")
        _ = try await client(transport, middlewares: [Stamp(value: "first"), Stamp(value: "second")]).pets.list()
        #expect(transport.sent.first?.request.headerFields[HTTPField.Name("X-Stamps")!] == "first:listPets,second:listPets")
    }

    @Test func theServerCanBeChangedPerClient() async throws {
        let transport = RecordingTransport(body: "[]")
        _ = try await PetstoreClient(serverURL: URL(string: "http://127.0.0.1:9999/staging")!, transport: transport).pets.list()
        #expect(transport.sent.first?.baseURL.absoluteString == "http://127.0.0.1:9999/staging")
        #expect(transport.sent.first?.request.headerFields[.authorization] == nil)
    }
}
