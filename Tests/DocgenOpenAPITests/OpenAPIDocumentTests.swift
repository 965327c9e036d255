import DocgenDiagnostics
import DocgenInput
import DocgenOpenAPI
import Foundation
import Testing
import TestSupport

/// Every vendor's OpenAPI document in ../shared yields the component schemas and properties
/// PyYAML finds in it (`--openapi` and the keys feature read them).
struct OpenAPIDocumentTests {
    /// The counts PyYAML gives for each document's component schemas and their properties.
    static let documents: [(tree: String, schemas: Int, properties: Int)] = [
        ("clerk-ruby-2026-06", 148, 1057), ("egain-java-2026-04", 185, 878), ("factuarea-php-2026-06", 325, 1915),
        ("openrouter-go-2026-08", 769, 2901), ("stackone-csharp-2025-12", 538, 2826), ("dub-ts-2026-06", 32, 221),
    ]

    @Test(.enabled(if: TestPaths.sharedIsPresent, "../shared/corpora is absent"))
    func everySharedOpenAPIDocumentReads() throws {
        for document in Self.documents {
            let url = TestPaths.shared.appendingPathComponent("corpora/\(document.tree)/.speakeasy/out.openapi.yaml")
            var diagnostics = Diagnostics()
            let schemas = try #require(OpenAPIDocument.read(path: url.path, diagnostics: &diagnostics))
            #expect(schemas.components.count == document.schemas, "\(document.tree)")
            let properties = schemas.components.reduce(0) { total, component in
                guard case .object(let members)? = OpenAPIDocument.member("properties", of: component.schema)?.value else { return total }
                return total + members.count
            }
            #expect(properties == document.properties, "\(document.tree)")
        }
    }
}
