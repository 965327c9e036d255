import DocgenDiagnostics
import DocgenKit
import DocgenRender
import DocgenSwift
import Foundation
import Testing
import TestSupport

/// The whole shared corpus, generated into a temporary package with the runtime and built:
/// zero errors, zero warnings. Skipped (with a notice) when ../shared is absent.
struct CorpusBuildTests {
    @Test(.enabled(if: TestPaths.sharedIsPresent, "../shared/corpora is absent"))
    func generatedCorpusCompilesWithoutWarnings() throws {
        let package = FileManager.default.temporaryDirectory.appendingPathComponent("docgen-corpus-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: package) }
        let models = package.appendingPathComponent("Sources/CorpusModels")
        let pipeline = GeneratorPipeline(configuration: Configuration(specs: TestPaths.corpusModels, output: models))
        let output = pipeline.generate()
        #expect(output.diagnostics.all.isEmpty, "\(DiagnosticPrinter().render(output.diagnostics))")
        #expect(output.files.count == 649)

        #expect(try pipeline.write(output).diagnostics.all.isEmpty)
        try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent("Sources/DocgenRuntime"),
                                         to: package.appendingPathComponent("Sources/DocgenRuntime"))
        try """
            // swift-tools-version: 6.0
            import PackageDescription
            let package = Package(name: "CorpusModels", targets: [
                .target(name: "DocgenRuntime"),
                .target(name: "CorpusModels", dependencies: ["DocgenRuntime"], exclude: [".docgen-manifest"]),
            ])
            """.write(to: package.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "build", "--package-path", package.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let log = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(log.suffix(4000))")
        let warnings = log.split(separator: "\n").filter { $0.contains("warning:") || $0.contains("error:") }
        #expect(warnings.isEmpty, "\(warnings.prefix(20).joined(separator: "\n"))")
    }
}
