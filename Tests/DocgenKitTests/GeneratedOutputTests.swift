import DocgenDiagnostics
import DocgenDocs
import DocgenKit
import DocgenRender
import DocgenSwift
import Foundation
import Testing
import TestSupport

/// The checked-in generated code and docs are snapshots: each is exactly what docgen
/// generates now. They are also targets of this package, so they compile with every build.
struct GeneratedOutputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var config: String
        var fix: String
        /// What the fixture's docs are known to warn about (Java's memberless union, the Ruby
        /// fixtures' links into the wrong folder).
        var warnings: [String] = []
        var testDescription: String { config }
    }

    static let cases = [
        Case(config: "docgen.json", fix: "Scripts/generate"),
        Case(config: "Tests/GeneratedModels/dialect.docgen.json", fix: "Scripts/record-snapshots"),
        Case(config: "Tests/GeneratedModels/dialect-grouped.docgen.json", fix: "Scripts/record-snapshots"),
        Case(config: "Tests/GeneratedModels/example-finalclass.docgen.json", fix: "Scripts/record-snapshots"),
        Case(config: "Tests/GeneratedModels/example-identifiable.docgen.json", fix: "Scripts/record-snapshots"),
        Case(config: "Tests/GeneratedModels/example-novalidators.docgen.json", fix: "Scripts/record-snapshots"),
        Case(config: "Tests/GeneratedModels/keywordzoo.docgen.json", fix: "Scripts/record-snapshots"),
        Case(config: "Tests/GeneratedModels/standin.docgen.json", fix: "Scripts/record-snapshots", warnings: ["openapi.evidence"]), // the note that counts the stand-ins
        Case(config: "Tests/GeneratedModels/python.docgen.json", fix: "Scripts/record-snapshots"),
        Case(config: "Tests/GeneratedModels/typescript.docgen.json", fix: "Scripts/record-snapshots"),
        Case(config: "Tests/GeneratedModels/go.docgen.json", fix: "Scripts/record-snapshots"),
        Case(config: "Tests/GeneratedModels/java.docgen.json", fix: "Scripts/record-snapshots", warnings: Array(repeating: "union.members-unknown", count: 4)), // SearchResult, Contact, Chip, Attribute
        Case(config: "Tests/GeneratedModels/csharp.docgen.json", fix: "Scripts/record-snapshots"),
        Case(config: "Tests/GeneratedModels/php.docgen.json", fix: "Scripts/record-snapshots"),
        Case(config: "Tests/GeneratedModels/ruby-sorbet.docgen.json", fix: "Scripts/record-snapshots", warnings: ["link.dangling"]),
        Case(config: "Tests/GeneratedModels/ruby-crystalline.docgen.json", fix: "Scripts/record-snapshots", warnings: ["link.dangling"]),
    ]

    static func configuration(_ path: String) throws -> Configuration {
        var diagnostics = Diagnostics()
        let file = try #require(Configuration.read(TestPaths.packageRoot.appendingPathComponent(path), diagnostics: &diagnostics))
        #expect(diagnostics.all.isEmpty)
        return try Configuration(file, needsOutput: true) // as `docgen generate --config path` makes it
    }

    @Test(arguments: cases)
    func checkedInOutputIsWhatDocgenGenerates(_ c: Case) throws {
        let pipeline = GeneratorPipeline(configuration: try Self.configuration(c.config))
        let output = pipeline.generate()
        #expect(output.diagnostics.all.map(\.id) == c.warnings, "\(DiagnosticPrinter().render(output.diagnostics))")
        for destination in [RenderUnit.Destination.swift, .docs] {
            guard let folder = pipeline.folder(for: destination) else { continue }
            var diagnostics = Diagnostics()
            let plan = OutputWriter(folder: folder).plan(output.files.filter { $0.destination == destination }, diagnostics: &diagnostics)
            #expect(plan.isEmpty, "stale under \(folder.path): \((plan.write + plan.remove).prefix(10)); run \(c.fix) and review the diff")
        }
    }

    /// (That two runs write the same bytes is DeterminismTests' to show: in two processes, whose
    /// hash seeds differ, not twice in one.)
    @Test func everyGeneratedFileEndsWithANewlineAndHasNoCarriageReturn() throws {
        let files = GeneratorPipeline(configuration: try Self.configuration("Tests/GeneratedModels/dialect.docgen.json")).generate().files
        #expect(files.count > 20)
        #expect(files.allSatisfy { $0.contents.hasSuffix("\n") && !$0.contents.contains("\r") })
    }

    @Test func theManualListsEveryTemplateNameWithItsMeaning() throws {
        let manual = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("Docs/templates.md"), encoding: .utf8)
        for name in ContextName.allCases {
            #expect(manual.contains("| `\(name)` | \(name.meaning) |"), "Docs/templates.md lacks '\(name)' as SwiftContexts.swift describes it")
        }
        for name in DocsContextName.allCases {
            #expect(manual.contains("| `\(name)` | \(name.meaning) |"), "Docs/templates.md lacks '\(name)' as DocsTranslator.swift describes it")
        }
    }

    @Test func embeddedTemplatesMatchTheTemplatesFolder() throws {
        let folder = TestPaths.packageRoot.appendingPathComponent("Templates")
        let onDisk = try TemplateSet.overriding(TemplateSet(templates: [:]), from: folder)
        #expect(onDisk.templates == TemplateSet.defaults.templates, "Templates/ changed: run Scripts/embed-templates")
    }
}
