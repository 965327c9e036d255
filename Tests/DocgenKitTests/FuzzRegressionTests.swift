import DocgenFuzzChecks
import Foundation
import Testing
import TestSupport

/// Every input a fuzz target ever crashed on (Fuzz/Regressions/<Target>/) is replayed through
/// the same invariant checks, as are the spec and fixture documents the fuzzers start from.
struct FuzzRegressionTests {
    static let regressions = TestPaths.packageRoot.appendingPathComponent("Fuzz/Regressions")

    static var savedInputs: [String] {
        FuzzChecks.targets.flatMap { target in
            let folder = regressions.appendingPathComponent(target)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted().map { "\(target)/\($0)" }
        }
    }

    @Test(arguments: savedInputs)
    func savedCrashInputStaysFixed(_ input: String) throws {
        let target = String(input.split(separator: "/")[0])
        let bytes = try [UInt8](Data(contentsOf: Self.regressions.appendingPathComponent(input)))
        #expect(FuzzChecks.run(target, bytes) == [])
    }

    @Test(arguments: FuzzChecks.targets)
    func seedDocumentsPassEveryCheck(_ target: String) throws {
        let roots = ["Specs", "Tests/DocgenKitTests/Fixtures", "Tests/DocgenKitTests/EdgeCases"]
        var count = 0
        for root in roots {
            let folder = TestPaths.packageRoot.appendingPathComponent(root)
            let walker = try #require(FileManager.default.enumerator(atPath: folder.path))
            while let path = walker.nextObject() as? String {
                guard path.hasSuffix(".md"), let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) else { continue }
                #expect(FuzzChecks.run(target, [UInt8](data)) == [], "\(root)/\(path)")
                count += 1
            }
        }
        #expect(count > 40)
    }
}
