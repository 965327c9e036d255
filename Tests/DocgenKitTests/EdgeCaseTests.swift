import DocgenDiagnostics
import DocgenKit
import DocgenSchema
import Foundation
import Testing
import TestSupport

/// Each folder under EdgeCases/ is a spec root with an `expected.txt`: one line per diagnostic
/// of the whole pipeline run in memory (reading, naming, rendering; nothing is written),
/// `path:line:column: severity [id]`, compared exactly (ids and positions, not prose). A case
/// whose point is what docgen reads, not what it reports (an enum is open, a table-less doc is
/// free-form), has no diagnostics to compare and holds `ir.txt` instead: the IR as
/// `dump-ir` prints it. Re-record with DOCGEN_RECORD=1 and review the diff line by line.
struct EdgeCaseTests {
    static let folder = TestPaths.packageRoot.appendingPathComponent("Tests/DocgenKitTests/EdgeCases")

    static let cases: [String] = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.sorted() ?? []

    /// Every case checks something: diagnostics, or the IR where there are none. (A case can
    /// only be removed on purpose: the count is the number of folders when it was last set.)
    @Test func everyEdgeCaseChecksSomething() throws {
        #expect(Self.cases.count >= 72)
        for name in Self.cases {
            let root = Self.folder.appendingPathComponent(name)
            let expected = try String(contentsOf: root.appendingPathComponent("expected.txt"), encoding: .utf8)
            let hasIR = FileManager.default.fileExists(atPath: root.appendingPathComponent("ir.txt").path)
            #expect(expected.count > 1 || hasIR, "\(name): no diagnostics expected and no ir.txt, so nothing is checked")
        }
    }

    @Test(arguments: cases)
    func diagnosticsMatchExpectations(_ name: String) throws {
        let root = Self.folder.appendingPathComponent(name)
        let result = GeneratorPipeline(configuration: Configuration(specs: root)).generate()
        let actual = result.diagnostics.sorted.map { d in
            "\(d.location.map(\.description) ?? "-"): \(d.severity.rawValue) [\(d.id)]"
        }.joined(separator: "\n") + "\n"
        let expectedURL = root.appendingPathComponent("expected.txt")
        let irURL = root.appendingPathComponent("ir.txt")
        let ir = SchemaDump.tree(result.schema)
        if ProcessInfo.processInfo.environment["DOCGEN_RECORD"] == "1" {
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
            if result.diagnostics.all.isEmpty { try ir.write(to: irURL, atomically: true, encoding: .utf8) }
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(actual == expected, "\(name): diagnostics were\n\(DiagnosticPrinter().render(result.diagnostics))")
        if let expectedIR = try? String(contentsOf: irURL, encoding: .utf8) {
            #expect(ir == expectedIR, "\(name): the IR differs from ir.txt")
        }
    }
}
