import DocgenDiagnostics
import DocgenKit
import DocgenSwift
import Foundation
import Testing

/// Models with one title in two folders (flat trees' `models/X.md` and `errors/X.md`) become
/// two Swift types, and `names` can address a model by its id.
struct NamingTests {
    let specs: URL

    init() throws {
        specs = FileManager.default.temporaryDirectory.appendingPathComponent("docgen-naming-\(UUID().uuidString)")
        let row = "| Field | Type | Required | Description |\n| - | - | - | - |\n"
        try write("models/auditerror.md", "# AuditError\n\n## Fields\n\n\(row)| `code` | *str* | :heavy_check_mark: | N/A |\n")
        try write("models/other.md", "# Other\n\n## Fields\n\n\(row)| `code` | *str* | :heavy_check_mark: | N/A |\n")
        try write("errors/auditerror.md",
                  "# AuditError\n\n## Fields\n\n\(row)| `error` | [models.AuditError](../models/auditerror.md) | :heavy_check_mark: | N/A |\n")
    }

    func write(_ path: String, _ text: String) throws {
        let url = specs.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func generate(names: [String: String] = [:]) -> GeneratorPipeline.Output {
        let configuration = Configuration(specs: specs, output: specs.appendingPathComponent("../Out"),
                                          swift: SwiftOptions(nameOverrides: names))
        return GeneratorPipeline(configuration: configuration).generate()
    }

    @Test func theModelOutsideTheMainFolderTakesItsFolderName() throws {
        let output = generate()
        #expect(output.diagnostics.all.isEmpty, "\(DiagnosticPrinter().render(output.diagnostics))")
        #expect(output.files.map(\.path) == ["AuditError.swift", "AuditErrorErrors.swift", "Other.swift"])
        let wrapper = try #require(output.files.first { $0.path == "AuditErrorErrors.swift" }?.contents)
        #expect(wrapper.contains("public struct AuditErrorErrors:"))
        #expect(wrapper.contains("public var error: AuditError\n"))
    }

    @Test func anIdOverrideNamesOneModelAndWinsOverItsTitle() {
        let output = generate(names: ["errors/auditerror.md": "AuditFailure", "AuditError": "Audit"])
        #expect(output.diagnostics.all.isEmpty, "\(DiagnosticPrinter().render(output.diagnostics))")
        #expect(output.files.map(\.path) == ["Audit.swift", "AuditFailure.swift", "Other.swift"])
    }

    @Test func anOverrideThatMakesTwoModelsOneTypeIsACollision() {
        let output = generate(names: ["errors/auditerror.md": "Other"])
        #expect(output.diagnostics.all.map(\.id) == ["name.collision"])
    }

    @Test func anIdOverrideNamingNoModelIsAnError() {
        let output = generate(names: ["errors/missing.md": "Missing"])
        #expect(output.diagnostics.all.map(\.id) == ["config.unknown-name"])
    }
}
