import DocgenDiagnostics
import DocgenKit
import DocgenSchema
import Testing
import TestSupport

/// The real vendor trees in ../shared/corpora (skipped, with a notice, when it is absent):
/// each is read in its detected dialect with zero errors. Their generated Swift is compiled by
/// Scripts/build-corpora (CI runs it), and their agreement with the vendors' OpenAPI documents
/// is measured by Scripts/conformance.
struct CorpusConformanceTests {
    struct Tree: CustomTestStringConvertible, Sendable {
        var folder: String
        var dialect: String
        var kinds: [String: Int]
        var testDescription: String { folder }
    }

    static let trees = [
        Tree(folder: "unified-python-2024-04/docs/models", dialect: "python", kinds: ["object": 578, "enum": 71]),
        Tree(folder: "dub-ts-2026-06/docs/models", dialect: "typescript", kinds: ["object": 280, "enum": 118, "union": 35]),
        Tree(folder: "openrouter-go-2026-08/docs/models", dialect: "go", kinds: ["object": 865, "enum": 636, "union": 145]),
    ]

    @Test(.enabled(if: TestPaths.sharedIsPresent, "../shared/corpora is absent"), arguments: trees)
    func everySharedTreeReadsWithoutErrors(_ tree: Tree) {
        let result = SpecReader().read(root: TestPaths.shared.appendingPathComponent("corpora/" + tree.folder))
        #expect(result.dialect.name == tree.dialect)
        #expect(!result.diagnostics.hasErrors, "\(DiagnosticPrinter().render(result.diagnostics))")
        #expect(result.diagnostics.all.allSatisfy { $0.severity == .note }, "\(DiagnosticPrinter().render(result.diagnostics))")
        let kinds = result.schema.models.reduce(into: [String: Int]()) { counts, model in
            switch model.kind {
            case .object: counts["object", default: 0] += 1
            case .enumeration: counts["enum", default: 0] += 1
            case .union: counts["union", default: 0] += 1
            }
        }
        #expect(kinds == tree.kinds)
    }

    @Test(.enabled(if: TestPaths.sharedIsPresent, "../shared/corpora is absent"))
    func seedIsTheCheckedInWebhookSpec() throws {
        let seed = try String(contentsOf: TestPaths.shared.appendingPathComponent("seed/webhook.md"), encoding: .utf8)
        let spec = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("Specs/models/shared/webhook.md"), encoding: .utf8)
        #expect(seed == spec)
    }
}
