import Foundation
import Testing
import TestSupport

/// A run with more to say than a pipe holds (64 KiB): every diagnostic reaches the caller, and
/// nothing is written. (The test helper drains stdout and stderr together; reading one to its
/// end first would wait for ever on a child blocked writing the other.)
struct LargeOutputTests {
    @Test func everyOneOfAThousandErrorsIsPrintedAndNothingIsWritten() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("docgen-large-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let specs = base.appendingPathComponent("specs")
        try FileManager.default.createDirectory(at: specs, withIntermediateDirectories: true)
        for index in 0..<1_000 {
            let doc = "# Model\(index)\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `id` | *Strng* | :heavy_check_mark: | The id |\n"
            try doc.write(to: specs.appendingPathComponent("model\(index).md"), atomically: false, encoding: .utf8)
        }
        let output = base.appendingPathComponent("Swift")
        let run = try TestPaths.runDocgen(["generate", "--specs", specs.path, "--output", output.path, "--dialect", "python"])
        #expect(run.status == 1)
        #expect(run.output.utf8.count > 64 * 1024, "more than a pipe buffer of diagnostics")
        let unknown = run.output.split(separator: "\n").filter { $0.contains("error: unknown type 'Strng'; did you mean 'str'? [type.unknown]") }
        #expect(unknown.count == 1_000)
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}
