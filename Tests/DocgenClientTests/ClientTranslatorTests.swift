@testable import DocgenClient
import DocgenConfig
import DocgenDiagnostics
import DocgenKit
import DocgenRender
import DocgenSchema
import Foundation
import Testing
import TestSupport

/// What the client translator makes of the petstore fixture's operations docs, alone, with
/// the OpenAPI document, and with the config's overrides: the calls it writes, what it leaves
/// out, and the errors that stop generation.
@Suite struct ClientTranslatorTests {
    static let fixture = TestPaths.packageRoot.appendingPathComponent("Tests/GeneratedClientTests/Fixtures/petstore")

    /// The fixture's docs, with `edit` applied to the operations doc.
    func docs(editing edit: (String) -> String = { $0 }) throws -> [SourceFile] {
        let root = Self.fixture.appendingPathComponent("docs")
        let paths = FileManager.default.enumerator(atPath: root.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }.sorted()
        return try paths.map { path in
            let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            return SourceFile(relativePath: path, text: path == "sdks/pets/README.md" ? edit(text) : text)
        }
    }

    func generate(_ files: [SourceFile], openAPI: Bool = false, client: ClientOptions? = ClientOptions()) -> GeneratorPipeline.Output {
        let document = openAPI ? Self.fixture.appendingPathComponent("openapi.yaml") : nil
        var reader = SpecReader(openAPI: document)
        reader.operationsAreLoadBearing = client != nil
        let read = reader.read(files)
        let configuration = Configuration(specs: URL(fileURLWithPath: "/spec-root"), output: URL(fileURLWithPath: "/out"), openAPI: document, client: client)
        return GeneratorPipeline(configuration: configuration).generate(from: read)
    }

    func file(_ output: GeneratorPipeline.Output, _ name: String) -> String {
        output.files.first { $0.path == name }?.contents ?? ""
    }

    @Test func theDocsAloneGiveEveryCallButNoServer() throws {
        let output = generate(try docs())
        #expect(!output.diagnostics.hasErrors)
        let client = file(output, "PetstoreClient.swift")
        // No server in docs/: the caller must give one.
        #expect(client.contains("        serverURL: URL,\n"))
        // The docs' Security model names `bearerAuth` (bearer by rule) and `apiKey`, whose header the docs never say.
        #expect(client.contains("bearerAuth: Swift.String? = nil"))
        #expect(!client.contains("apiKey:"))
        let pets = file(output, "PetstoreClient+Pets.swift")
        #expect(pets.contains(#"request.addQuery("limit", limit)"#))
        // Without the document, `tags` gets OpenAPI's default (form, exploded) and `xRequestId` the rule's place and name: a header, as it starts with x.
        #expect(pets.contains(#"request.addQuery("tags", tags)"#))
        #expect(pets.contains(#"request.setHeader("x-request-id", xRequestId)"#))
        #expect(output.diagnostics.all.contains { $0.id == "client.summary" && $0.message.contains("calls 5 of 5 operations") })
    }

    /// Speakeasy strikes a deprecated method's heading and adds a DEPRECATED notice (Clerk,
    /// StackOne): the Swift method is `@available(*, deprecated)`, with the notice's message.
    @Test func aDeprecatedMethodIsDeprecatedInSwift() throws {
        let output = generate(try docs { $0.replacing("## get\n\nGet one pet.\n", with: "## ~~get~~\n\nGet one pet.\n\n> :warning: **DEPRECATED**: Use `list` instead.\n") })
        #expect(!output.diagnostics.hasErrors)
        let pets = file(output, "PetstoreClient+Pets.swift")
        #expect(pets.contains("        @available(*, deprecated, message: \"Use `list` instead.\")\n        public func get("))
        #expect(pets.components(separatedBy: "@available(*, deprecated").count == 2)
    }

    @Test func theDocumentFillsServerSecurityAndWireNames() throws {
        let output = generate(try docs(), openAPI: true)
        let client = file(output, "PetstoreClient.swift")
        #expect(client.contains(#"serverURL: URL = URL(string: "https://petstore.example.com/v1")!"#))
        #expect(client.contains("apiKey: Swift.String? = nil"))
        let pets = file(output, "PetstoreClient+Pets.swift")
        #expect(pets.contains(#"request.addQuery("tags", tags, style: .form, explode: false)"#))
        #expect(pets.contains(#"request.setHeader("X-Request-Id", xRequestId)"#))
    }

    @Test func anOperationWithoutAnEndpointIsLeftOutWithAWarningUntilTheConfigGivesOne() throws {
        let noSnippet = try docs { text in
            text.replacingOccurrences(of: #"<!-- UsageSnippet language="typescript" operationID="deletePet" method="delete" path="/pets/{petId}" -->"#, with: "")
        }
        let output = generate(noSnippet)
        let warning = try #require(output.diagnostics.all.first { $0.id == "client.operation-left-out" })
        #expect(warning.location?.file == "sdks/pets/README.md")
        #expect(!file(output, "PetstoreClient+Pets.swift").contains("func delete("))
        #expect(output.diagnostics.all.contains { $0.id == "client.summary" && $0.message.contains("calls 4 of 5 operations; 1 left out") })

        var options = ClientOptions()
        options.overrides.operations["Pets.delete"] = .init(method: "DELETE", path: "/pets/{petId}")
        let fixed = generate(noSnippet, client: options)
        #expect(!fixed.diagnostics.all.contains { $0.id == "client.operation-left-out" })
        let pets = file(fixed, "PetstoreClient+Pets.swift")
        #expect(pets.contains("`DELETE /pets/{petId}` (`Pets.delete`, from config;"))
        #expect(pets.contains(#"request.setPath("petId", petId)"#))
    }

    @Test func theConfigSetsParametersSecurityAndTheServer() throws {
        var options = ClientOptions(serverURL: "https://staging.example.com")
        options.overrides.operations["listPets"] = .init(parameters: ["tags": .init(name: "tag[]", style: "form", explode: true),
                                                                       "xRequestId": .init(place: .header, name: "X-Trace")])
        options.overrides.security = [SecuritySchemeFact(name: "apiKey", kind: .apiKeyQuery("key"), source: .config, location: nil)]
        let output = generate(try docs(), client: options)
        #expect(!output.diagnostics.hasErrors)
        let client = file(output, "PetstoreClient.swift")
        #expect(client.contains(#"serverURL: URL = URL(string: "https://staging.example.com")!"#))
        #expect(client.contains("sent as the `key` query parameter (from config)"))
        let pets = file(output, "PetstoreClient+Pets.swift")
        #expect(pets.contains(#"request.addQuery("tag[]", tags, style: .form, explode: true)"#))
        #expect(pets.contains(#"request.setHeader("X-Trace", xRequestId)"#))
        #expect(pets.contains(#".apiKeyQuery("apiKey", name: "key")"#))
    }

    @Test func theConfigsHeadersAreSentOnEveryRequest() throws {
        var options = ClientOptions()
        options.headers = [("Clerk-API-Version", "2025-11-10")]
        let client = file(generate(try docs(), client: options), "PetstoreClient.swift")
        #expect(client.contains(#"headerFields: [HTTPTypes.HTTPField.Name("Clerk-API-Version")!: "2025-11-10"])"#))
    }

    @Test func aDocumentedDefaultIsTheArgumentsDefault() throws {
        let pets = file(generate(try docs(), openAPI: true), "PetstoreClient+Pets.swift")
        #expect(pets.contains("public func list(limit: Swift.Int? = 20, tags:"))
    }

    @Test func anOverrideThatNamesNothingIsAnErrorAtItsEntry() throws {
        var options = ClientOptions()
        let at = SourceLocation(file: "docgen.json", line: 4, column: 7)
        options.overrides.operations["listPet"] = .init(method: "get", path: "/pets", location: at)
        options.overrides.operations["listPets"] = .init(parameters: ["limt": .init(place: .query, location: at)])
        let output = generate(try docs(), client: options)
        let errors = output.diagnostics.all.filter { $0.severity == .error }
        #expect(errors.map(\.id) == ["config.unknown-name", "config.unknown-name"])
        #expect(errors.allSatisfy { $0.location == at })
    }

    @Test func theClientsNamesStayClearOfTheModels() throws {
        // A group named like a model (`Pet`) gets a suffix, so the model is never shadowed inside the client.
        let renamed = try docs { $0.replacingOccurrences(of: "petstore.pets.", with: "petstore.pet.") }
        let output = generate(renamed)
        #expect(output.files.contains { $0.path == "PetstoreClient+PetOperations.swift" })
        #expect(file(output, "PetstoreClient.swift").contains("public var pet: PetOperations { PetOperations(core: core) }"))
    }

    @Test func aMalformedOperationsDocIsAnErrorOnlyWhenAClientIsMadeFromIt() throws {
        let malformed = try docs { $0.replacingOccurrences(of: "| `petId` | *string* |", with: "| `petId` | *strng* |") }
        let withClient = generate(malformed)
        let error = try #require(withClient.diagnostics.all.first { $0.severity == .error })
        #expect(error.id == "type.unknown")
        #expect(error.location?.file == "sdks/pets/README.md")
        // Models only: the operations doc just says which methods reach a model.
        let modelsOnly = generate(malformed, client: nil)
        #expect(!modelsOnly.diagnostics.hasErrors)
        #expect(modelsOnly.diagnostics.all.contains { $0.id == "type.unknown" && $0.severity == .warning })
    }

    @Test func docsAndDocumentDisagreeingOnAnEndpointIsAnErrorUntilTheConfigSettlesIt() throws {
        let disagreeing = try docs {
            $0.replacingOccurrences(of: #"operationID="getPet" method="get""#, with: #"operationID="getPet" method="post""#)
        }
        let output = generate(disagreeing, openAPI: true)
        let error = try #require(output.diagnostics.all.first { $0.id == "client.endpoint-disputed" })
        #expect(error.severity == .error)
        #expect(error.message.contains("the docs say POST /pets/{petId}, the OpenAPI document GET /pets/{petId}"))
        #expect(error.location?.file == "sdks/pets/README.md")
        #expect(error.notes.first?.location?.file.hasSuffix("openapi.yaml") == true)

        var settled = ClientOptions()
        settled.overrides.operations["getPet"] = .init(method: "get")
        let fixed = generate(disagreeing, openAPI: true, client: settled)
        #expect(!fixed.diagnostics.hasErrors)
        #expect(file(fixed, "PetstoreClient+Pets.swift").contains("`GET /pets/{petId}` (`getPet`, from config;"))
    }

    @Test func statusesBecomeCasesExactOnesBeforeClasses() {
        #expect(ClientTranslator.statusCase("404").map { [$0.pattern, $0.name] } == ["404", "notFound"])
        #expect(ClientTranslator.statusCase("4XX").map { [$0.pattern, $0.name] } == ["400..<500", "clientError"])
        #expect(ClientTranslator.statusCase("599").map { [$0.pattern, $0.name] } == ["599", "status599"])
        #expect(ClientTranslator.statusCase("default") == nil)
    }
}
