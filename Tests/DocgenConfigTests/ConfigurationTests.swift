import DocgenDiagnostics
@testable import DocgenConfig
import DocgenKit
import DocgenSchema
import Foundation
import Testing
import TestSupport

struct ConfigurationTests {
    func read(_ text: String) throws -> (file: Configuration.File?, diagnostics: [Diagnostic], path: String) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("docgen-config-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try text.write(to: url, atomically: true, encoding: .utf8)
        var diagnostics = Diagnostics()
        let file = Configuration.read(url, diagnostics: &diagnostics)
        return (file, diagnostics.all, url.standardizedFileURL.path)
    }

    @Test func everyProblemPointsAtTheValueItIsAbout() throws {
        let result = try read("""
            {
              "specs": "Specs",
              "accessLevel": "open",
              "colour": true,
              "names": { "Widget.id": "class" },
              "keys": { "rule": 3 }
            }
            """)
        let found = result.diagnostics.map { "\($0.id) \($0.location!.line):\($0.location!.column)" }
        #expect(found == ["config.unknown-key 4:3", "config.invalid 3:18", "config.invalid-name 5:14", "config.invalid 6:21"])
        #expect(result.diagnostics.allSatisfy { $0.location?.file == result.path })
    }

    @Test func anOverrideNamingNothingIsReportedAtItsEntry() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docgen-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let specs = TestPaths.packageRoot.appendingPathComponent("Tests/DocgenKitTests/Fixtures/Dialect/models").path
        try """
            {
              "specs": "\(specs)", "output": "out",
              "names": { "Pet": "Animal", "Nope": "Gone" },
              "enumOverrides": { "Absent": "closed" }
            }
            """.write(to: folder.appendingPathComponent("docgen.json"), atomically: true, encoding: .utf8)
        let run = try TestPaths.runDocgen(["generate", "--config", "docgen.json", "--dry-run"], in: folder)
        #expect(run.status != 0)
        #expect(run.output.contains("docgen.json:3:31: error: name override 'Nope' names no model, field or enum value [config.unknown-name]"), "\(run.output)")
        #expect(run.output.contains("docgen.json:4:22: error: enum policy override 'Absent' names no model [config.unknown-name]"), "\(run.output)")
    }

    @Test func swiftFilesIsAutoUnlessTheFileSetsALayout() throws {
        #expect(try read(#"{ "specs": "Specs" }"#).file?.swift.fileLayout == .auto)
        #expect(try read(#"{ "specs": "Specs", "swiftFiles": "perModel" }"#).file?.swift.fileLayout == .perModel)
        #expect(try read(#"{ "specs": "Specs", "swiftFiles": "auto" }"#).file?.swift.fileLayout == .auto)
        let wrong = try read(#"{ "specs": "Specs", "swiftFiles": "single" }"#).diagnostics
        #expect(wrong.map(\.message) == ["'swiftFiles' must be auto, perModel or grouped"])
    }

    @Test func malformedJSONIsLocated() throws {
        let result = try read("{\n  \"specs\": \"Specs\",\n}\n")
        #expect(result.file == nil)
        let error = try #require(result.diagnostics.first)
        #expect(error.id == "config.invalid")
        #expect(error.location?.line == 3)
    }

    @Test func learnedKeysMergeKeepsEveryOtherSettingAsWritten() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("docgen-merge-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try #"{"specs": "Specs", "extra": {"ratio": 1.50, "list": [true, null]}}"#.write(to: url, atomically: true, encoding: .utf8)
        try KeyConfigSnippet.merge(JSONKeyRule(style: .lowerCamel, acronyms: ["ID"]), intoConfigAt: url, specs: URL(fileURLWithPath: "/unused"))
        #expect(try String(contentsOf: url, encoding: .utf8) == """
            {
              "extra": {
                "list": [
                  true,
                  null
                ],
                "ratio": 1.50
              },
              "keys": {
                "acronyms": [
                  "ID"
                ],
                "rule": "lowerCamel"
              },
              "specs": "Specs"
            }

            """)
    }
}
