import DocgenDiagnostics
import DocgenKit
import DocgenSchema
import Testing
import TestSupport

/// The real vendor tree in ../shared/corpora (skipped, with a notice, when it is absent).
struct CorpusConformanceTests {
    @Test(.enabled(if: TestPaths.sharedIsPresent, "../shared/corpora is absent"))
    func unifiedPythonCorpusReadsWithoutErrors() {
        let result = SpecReader().read(root: TestPaths.corpusModels)
        #expect(result.diagnostics.all.isEmpty, "\(DiagnosticPrinter().render(result.diagnostics))")
        #expect(result.pages.count == 649)
        #expect(result.schema.models.count == 649)
        let kinds = result.schema.models.reduce(into: [String: Int]()) { counts, model in
            counts[SchemaDump.json(Schema(models: [model])).contains("\"kind\": \"enum\"") ? "enum" : "object", default: 0] += 1
        }
        #expect(kinds == ["object": 578, "enum": 71])
    }

    @Test(.enabled(if: TestPaths.sharedIsPresent, "../shared/corpora is absent"))
    func seedIsTheCheckedInWebhookSpec() throws {
        let seed = try String(contentsOf: TestPaths.shared.appendingPathComponent("seed/webhook.md"), encoding: .utf8)
        let spec = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("Specs/models/shared/webhook.md"), encoding: .utf8)
        #expect(seed == spec)
    }
}
