import DocgenKit
import DocgenSchema
import Foundation
import Testing
import TestSupport

/// Whole-IR snapshots: the Specs/ set (the founding Webhook and its enums) as tree and JSON,
/// and the hand-written dialect set that uses every construct of Speakeasy's Python docs.
struct ReaderSnapshotTests {
    static let specs = TestPaths.packageRoot.appendingPathComponent("Specs")
    static let dialect = TestPaths.packageRoot.appendingPathComponent("Tests/DocgenKitTests/Fixtures/Dialect")

    @Test func specsTreeDump() throws {
        let result = SpecReader().read(root: Self.specs)
        #expect(result.diagnostics.all.isEmpty)
        assertSnapshot(SchemaDump.tree(result.schema), named: "Specs.tree.txt", target: "DocgenKitTests")
    }

    @Test func specsJSONDump() throws {
        let result = SpecReader().read(root: Self.specs)
        assertSnapshot(SchemaDump.json(result.schema), named: "Specs.ir.json", target: "DocgenKitTests")
    }

    @Test func everyDialectConstructTreeDump() throws {
        let result = SpecReader().read(root: Self.dialect)
        #expect(result.diagnostics.all.isEmpty, "\(result.diagnostics.all)")
        assertSnapshot(SchemaDump.tree(result.schema), named: "Dialect.tree.txt", target: "DocgenKitTests")
        assertSnapshot(SchemaDump.json(result.schema), named: "Dialect.ir.json", target: "DocgenKitTests")
    }

    /// The CLI from three working directories (the spec root named relative to each, and
    /// absolute) prints the same bytes as an in-process read: no path leaks into the IR.
    @Test func dumpsAreTheSameWhateverTheWorkingDirectoryAndRun() throws {
        let inProcess = SchemaDump.json(SpecReader().read(root: Self.dialect).schema)
        let fixtures = Self.dialect.deletingLastPathComponent()
        let runs = [
            (TestPaths.packageRoot, "Tests/DocgenKitTests/Fixtures/Dialect"),
            (fixtures, "Dialect"),
            (URL(fileURLWithPath: NSTemporaryDirectory()), Self.dialect.path),
        ]
        for (directory, specs) in runs {
            let run = try TestPaths.runDocgen(["dump-ir", "--specs", specs, "--format", "json"], in: directory)
            #expect(run.status == 0, "in \(directory.path)")
            #expect(run.output == inProcess, "dump-ir --specs \(specs) in \(directory.path)")
        }
    }
}
