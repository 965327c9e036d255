import DocgenDiagnostics
import DocgenKit
import DocgenSchema
import Foundation
import Testing
import TestSupport

/// Output depends on the specs alone: not on the process, the absolute path of the specs,
/// or the order files are found in.
struct DeterminismTests {
    static let dialect = TestPaths.packageRoot.appendingPathComponent("Tests/DocgenKitTests/Fixtures/Dialect")

    func files(under folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let walker = try #require(FileManager.default.enumerator(atPath: folder.path))
        while let path = walker.nextObject() as? String {
            if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path),
               walker.fileAttributes?[.type] as? FileAttributeType == .typeRegular {
                result[path] = data
            }
        }
        return result
    }

    @Test func twoProcessesOnCopiesAtDifferentPathsWriteIdenticalBytes() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("docgen-determinism-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let first = base.appendingPathComponent("one/specs")
        let second = base.appendingPathComponent("two/deeper/elsewhere/specs")
        for copy in [first, second] {
            try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Self.dialect, to: copy)
        }
        for (specs, name) in [(first, "out-one"), (second, "out-two")] {
            let run = try TestPaths.runDocgen(["generate", "--specs", specs.path, "--output", base.appendingPathComponent("\(name)/swift").path,
                                               "--docs", base.appendingPathComponent("\(name)/docs").path])
            #expect(run.status == 0, "\(run.output)")
        }
        let one = try files(under: base.appendingPathComponent("out-one"))
        let two = try files(under: base.appendingPathComponent("out-two"))
        #expect(one.count > 20)
        #expect(one == two)
    }

    @Test func theOrderFilesAreFoundInDoesNotMatter() throws {
        var diagnostics = Diagnostics()
        let files = SpecLoader(extensions: ["md", "mdx"]).load(root: Self.dialect, diagnostics: &diagnostics)
        let sorted = SchemaDump.json(SpecReader().read(files).schema)
        var generator = SeededGenerator(state: 0x5EED)
        for _ in 0..<5 {
            let shuffled = SchemaDump.json(SpecReader().read(files.shuffled(using: &generator)).schema)
            #expect(shuffled == sorted)
        }
    }
}
