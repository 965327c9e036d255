import DocgenDiagnostics
import DocgenKit
import DocgenSchema
import Testing
import TestSupport

/// The real vendor trees in ../shared/corpora, one per SDK language (skipped, with a notice,
/// when it is absent): each is read in its detected dialect with zero errors. Their generated Swift is compiled by
/// Scripts/build-corpora (CI runs it), and their agreement with the vendors' OpenAPI documents
/// is measured by Scripts/conformance.
struct CorpusConformanceTests {
    struct Tree: CustomTestStringConvertible, Sendable {
        var folder: String
        var dialect: String
        var kinds: [String: Int]
        /// What the tree's own docs warrant: a title-only union nothing spells the members of,
        /// links into a folder that does not exist (one warning for the tree).
        var warnings: [String] = []
        var testDescription: String { folder }
    }

    static let trees = [
        Tree(folder: "unified-python-2024-04/docs/models", dialect: "python", kinds: ["object": 578, "enum": 71]),
        Tree(folder: "dub-ts-2026-06/docs/models", dialect: "typescript", kinds: ["object": 280, "enum": 118, "union": 35]),
        Tree(folder: "openrouter-go-2026-08/docs/models", dialect: "go", kinds: ["object": 865, "enum": 636, "union": 145]),
        Tree(folder: "egain-java-2026-04/docs/models", dialect: "java", kinds: ["object": 377, "enum": 89, "union": 1],
             warnings: ["union.members-unknown"]),
        Tree(folder: "stackone-csharp-2025-12/docs/Models", dialect: "csharp", kinds: ["object": 1754, "enum": 336, "union": 312]),
        Tree(folder: "factuarea-php-2026-06/docs/Models", dialect: "php", kinds: ["object": 1106, "enum": 127, "union": 3]),
        Tree(folder: "clerk-ruby-2026-06/docs/models", dialect: "ruby", kinds: ["object": 864, "enum": 217, "union": 22],
             warnings: ["link.dangling", "union.members-unknown", "union.members-unknown", "union.members-unknown"]),
    ]

    @Test(.enabled(if: TestPaths.sharedIsPresent, "../shared/corpora is absent"), arguments: trees)
    func everySharedTreeReadsWithoutErrors(_ tree: Tree) {
        let result = SpecReader().read(root: TestPaths.shared.appendingPathComponent("corpora/" + tree.folder))
        #expect(result.dialect.name == tree.dialect)
        #expect(!result.diagnostics.hasErrors, "\(DiagnosticPrinter().render(result.diagnostics))")
        #expect(result.diagnostics.sorted.filter { $0.severity != .note }.map(\.id).sorted() == tree.warnings.sorted(),
                "\(DiagnosticPrinter().render(result.diagnostics))")
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
