import DocgenDiagnostics
import DocgenDialects
import DocgenKit
import DocgenSchema
import Foundation
import Testing
import TestSupport

/// JSON keys learned from, and checked against, captured payloads of a camelCase API whose
/// docs print snake_case names.
struct KeyLearningTests {
    static let folder = TestPaths.packageRoot.appendingPathComponent("Tests/DocgenKeysTests/Fixtures/CamelKeys")
    static let specs = folder.appendingPathComponent("specs")

    func analyse(_ samples: String, rule: JSONKeyRule = JSONKeyRule()) -> KeySamples {
        let read = SpecReader(keyRule: rule).read(root: Self.specs)
        #expect(!read.diagnostics.hasErrors)
        var analysis = KeySamples(schema: read.schema)
        analysis.read(folder: Self.folder.appendingPathComponent(samples))
        analysis.reportConflicts()
        return analysis
    }

    @Test func learnsLowerCamelWithAcronymsAndOnlyTheOverridesNoRuleExplains() {
        let result = KeyRuleLearner.learn(from: analyse("samples").observations, current: JSONKeyRule().resolved(for: .python))
        #expect(result.rule.style == .lowerCamel)
        #expect(result.rule.acronyms == ["ID", "TTL", "URL"])
        #expect(result.learned == ["Widget.state": "STATE", "Widget.template_token_url": "__template_tokenUrl"])
        #expect(result.candidates.map(\.name) == ["current (asWritten)", "asWritten", "snakeCase", "lowerCamel with ID, TTL, URL"])
        #expect(result.candidates.map(\.overrides) == [12, 12, 12, 2])
    }

    @Test func withTheLearnedRuleEverySampleKeyMapsToAField() {
        let learned = KeyRuleLearner.learn(from: analyse("samples").observations, current: JSONKeyRule().resolved(for: .python)).rule
        let again = analyse("samples", rule: learned)
        #expect(again.unmapped.isEmpty, "\(again.unmapped.map(\.key))")
        #expect(again.diagnostics.all.isEmpty)
    }

    @Test func samplesAreWalkedIntoListsAndMapsOfNestedModels() {
        let observations = analyse("samples").observations
        let seen = Set(observations.map { "\($0.model).\($0.field) \($0.pointer)" })
        #expect(seen.contains("Part.part_id /0/parts/0/partID"))
        #expect(seen.contains("Region.api_url /0/byRegion/eu/apiURL"))
        #expect(seen.contains("Part.unit_price /unitPrice"))
        #expect(seen.contains("Widget.from_ /0/from"))
    }

    @Test func conflictsUnmatchedKeysAndWrongTypesAreWarningsWithPointers() {
        let analysis = analyse("problems")
        let found = analysis.diagnostics.sorted.map { "\($0.id) \($0.location!.line):\($0.location!.column)" }
        #expect(found == ["keys.unknown-model 1:1", "keys.type-mismatch 2:56", "keys.conflict 3:4"])
        #expect(analysis.unmapped.filter { $0.field == nil }.map(\.pointer) == ["/0/colour", "/1/parts/0/gizmo"])
    }

    @Test func anOverrideOfAFieldThatDoesNotExistIsALocatedError() throws {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("docgen-keys-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: config) }
        try """
            {
              "specs": "\(Self.specs.path)",
              "keys": {
                "overrides": { "Widget.resource_idd": "id" }
              }
            }
            """.write(to: config, atomically: true, encoding: .utf8)
        var diagnostics = Diagnostics()
        let file = try #require(Configuration.read(config, diagnostics: &diagnostics))
        let read = SpecReader(keyRule: file.keys).read(root: Self.specs)
        let error = try #require(read.diagnostics.all.first)
        #expect(error.id == "keys.unknown-override")
        #expect(error.location == SourceLocation(file: config.path, line: 4, column: 20))
        #expect(error.message.contains("did you mean 'Widget.resource_id'?"))
    }

    @Test func theKeyRuleReachesTheGeneratedCoding() throws {
        let rule = JSONKeyRule(style: .lowerCamel, acronyms: ["ID"], overrides: ["Widget.state": .init(key: "STATE")])
        let output = GeneratorPipeline(configuration: Configuration(specs: Self.specs, output: URL(fileURLWithPath: "/unused"), keys: rule)).generate()
        let widget = try #require(output.files.first { $0.path == "Widget.swift" }).contents
        #expect(widget.contains(#"self.resourceId = try container.decodeField(Swift.String.self, forKey: "resourceID")"#))
        #expect(widget.contains(#"try container.encodeField(self.resourceId, forKey: "resourceID")"#))
        #expect(widget.contains(#"forKey: "STATE")"#))
        #expect(widget.contains(#"DocgenRuntime.PayloadProperty("resourceID", .string, required: true"#))
    }

    @Test func checkExitsNonZeroUntilTheLearnedConfigIsWritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docgen-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("docgen.json").path
        try #"{"specs": "\#(Self.specs.path)"}"#.write(toFile: config, atomically: true, encoding: .utf8)
        let samples = Self.folder.appendingPathComponent("samples").path

        let before = try TestPaths.runDocgen(["keys", "check", "--config", config, "--samples", samples])
        #expect(before.status == 1)
        #expect(before.output.contains("[keys.unmapped]"))

        let learn = try TestPaths.runDocgen(["keys", "learn", "--config", config, "--samples", samples, "--write"])
        #expect(learn.status == 0, "\(learn.output)")

        let after = try TestPaths.runDocgen(["keys", "check", "--config", config, "--samples", samples])
        #expect(after.status == 0, "\(after.output)")

        let usage = try TestPaths.runDocgen(["keys", "check", "--config", config])
        #expect(usage.status == 64)
    }

    /// A vendor's OpenAPI document gives the wire keys of its component schemas: the rule that
    /// explains most of them, and overrides for the rest.
    @Test func anOpenAPIDocumentTeachesTheRuleAndTheOverrides() {
        let folder = Self.folder.deletingLastPathComponent().appendingPathComponent("OpenAPIKeys")
        let read = SpecReader().read(root: folder.appendingPathComponent("specs"))
        var keys = KeySamples(schema: read.schema)
        keys.read(openAPI: folder.appendingPathComponent("openapi.yaml"))
        #expect(keys.sampleCount == 2)
        #expect(keys.unmapped.filter { $0.field == nil }.map(\.key) == ["never_documented"])
        let result = KeyRuleLearner.learn(from: keys.observations, current: read.keyRule)
        #expect(result.rule.style == .snakeCase)
        #expect(result.learned == ["Widget.UptimeLast5m": "uptime_last_5m", "Widget.Shape": "_shape", "Gadget.ExitCode": "exitCode"])
    }
}
