import DocgenDiagnostics
import DocgenKit
import Foundation
import Testing
import TestSupport

/// Each folder under EdgeCases/ is a spec root with an `expected.txt`: one line per diagnostic
/// of the whole pipeline run in memory (reading, naming, rendering; nothing is written),
/// `path:line:column: severity [id]`, compared exactly (ids and positions, not prose).
/// Re-record with DOCGEN_RECORD=1 and review the diff line by line.
struct EdgeCaseTests {
    static let folder = TestPaths.packageRoot.appendingPathComponent("Tests/DocgenKitTests/EdgeCases")

    static let cases: [String] = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.sorted() ?? []

    @Test func thereAreEnoughEdgeCases() {
        #expect(Self.cases.count >= 30)
    }

    @Test(arguments: cases)
    func diagnosticsMatchExpectations(_ name: String) throws {
        let root = Self.folder.appendingPathComponent(name)
        let result = GeneratorPipeline(configuration: Configuration(specs: root)).generate()
        let actual = result.diagnostics.sorted.map { d in
            "\(d.location.map(\.description) ?? "-"): \(d.severity.rawValue) [\(d.id)]"
        }.joined(separator: "\n") + "\n"
        let expectedURL = root.appendingPathComponent("expected.txt")
        if ProcessInfo.processInfo.environment["DOCGEN_RECORD"] == "1" {
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(actual == expected, "\(name): diagnostics were\n\(DiagnosticPrinter().render(result.diagnostics))")
    }
}
