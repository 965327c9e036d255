import DocgenDiagnostics
import DocgenKit
@testable import DocgenOutput
import DocgenRender
import DocgenSwift
import Foundation
import Testing
import TestSupport

/// Writing: nothing on error, unchanged files untouched, stale generated files removed,
/// files docgen does not own never touched.
struct OutputWriterTests {
    let root: URL
    let specs: URL
    let output: URL
    let docs: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("docgen-writer-\(UUID().uuidString)")
        specs = root.appendingPathComponent("Specs")
        output = root.appendingPathComponent("Out")
        docs = root.appendingPathComponent("Docs")
        try FileManager.default.createDirectory(at: specs, withIntermediateDirectories: true)
        try write("a.md", "# A\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n| `x` | *str* | :heavy_check_mark: | N/A |\n")
        try write("b.md", "# B\n\n## Values\n\n| Name | Value |\n| - | - |\n| `ONE` | one |\n")
    }

    func write(_ name: String, _ text: String) throws {
        try text.write(to: specs.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    /// One `docgen generate` run: the function the CLI calls.
    @discardableResult
    func generate() throws -> (Diagnostics, [OutputWriter.Plan]) {
        let run = try GeneratorPipeline(configuration: Configuration(specs: specs, output: output, docs: docs)).run(.write)
        return (run.diagnostics, run.folders.map(\.plan))
    }

    func modified(_ url: URL) throws -> Date {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date)
    }

    @Test func firstRunWritesSwiftDocsAndManifests() throws {
        let (diagnostics, plans) = try generate()
        #expect(diagnostics.all.isEmpty)
        #expect(plans[0].write == ["A.swift", "B.swift"])
        #expect(plans[1].write == ["A.md", "B.md", "index.md"])
        let manifest = try String(contentsOf: output.appendingPathComponent(".docgen-manifest"), encoding: .utf8)
        #expect(manifest.hasSuffix("A.swift\nB.swift\n"))
    }

    /// The file is the same file (inode) with the time it had: set an hour back first, so a
    /// rewrite in the same clock tick could not pass for none.
    @Test func secondRunWritesNothingAndKeepsModificationTimes() throws {
        try generate()
        let file = output.appendingPathComponent("A.swift")
        let past = Date(timeIntervalSinceReferenceDate: (Date().timeIntervalSinceReferenceDate - 3600).rounded())
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: file.path)
        let inode = try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as? UInt64
        let (_, plans) = try generate()
        #expect(plans.allSatisfy { $0.isEmpty })
        #expect(try modified(file) == past)
        #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as? UInt64 == inode)
        #expect(inode != nil)
    }

    @Test func changingOneSpecRewritesOnlyItsFiles() throws {
        try generate()
        try write("b.md", "# B\n\n## Values\n\n| Name | Value |\n| - | - |\n| `ONE` | one |\n| `TWO` | two |\n")
        let (_, plans) = try generate()
        #expect(plans[0].write == ["B.swift"])
        #expect(plans[1].write == ["B.md"])
    }

    @Test func filesNoLongerGeneratedAreRemovedButOthersAreNot() throws {
        try generate()
        try "// mine\n".write(to: output.appendingPathComponent("Handwritten.swift"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: specs.appendingPathComponent("b.md"))
        let (_, plans) = try generate()
        #expect(plans[0].remove == ["B.swift"])
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("B.swift").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("Handwritten.swift").path))
    }

    @Test func aFileDocgenDoesNotOwnIsNeverOverwritten() throws {
        try generate()
        try "// mine\n".write(to: output.appendingPathComponent("C.swift"), atomically: true, encoding: .utf8)
        try write("b.md", "# B\n\n## Values\n\n| Name | Value |\n| - | - |\n| `ONE` | one |\n| `TWO` | two |\n")
        try write("c.md", "# C\n\n## Values\n\n| Name | Value |\n| - | - |\n| `ONE` | one |\n")
        let (diagnostics, _) = try generate()
        #expect(diagnostics.all.map(\.id) == ["output.not-owned"])
        #expect(try String(contentsOf: output.appendingPathComponent("C.swift"), encoding: .utf8) == "// mine\n")
        #expect(try !String(contentsOf: output.appendingPathComponent("B.swift"), encoding: .utf8).contains("case two"))
    }

    @Test func aFolderOfOtherFilesIsNeverWrittenInto() throws {
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try "// mine\n".write(to: output.appendingPathComponent("A.swift"), atomically: true, encoding: .utf8)
        let (diagnostics, _) = try generate()
        #expect(diagnostics.all.map(\.id) == ["output.unsafe-destination"])
        #expect(try String(contentsOf: output.appendingPathComponent("A.swift"), encoding: .utf8) == "// mine\n")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("B.swift").path))
    }

    @Test func onAnyErrorNothingIsWritten() throws {
        try generate()
        let before = try String(contentsOf: output.appendingPathComponent("A.swift"), encoding: .utf8)
        try write("a.md", "# A\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n| `x` | *Strng* | :heavy_check_mark: | N/A |\n| `y` | *int* | :heavy_check_mark: | N/A |\n")
        try write("c.md", "# C\n\n## Values\n\n| Name | Value |\n| - | - |\n| `ONE` | one |\n")
        let (diagnostics, _) = try generate()
        #expect(diagnostics.all.map(\.id) == ["type.unknown"])
        #expect(try String(contentsOf: output.appendingPathComponent("A.swift"), encoding: .utf8) == before)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("C.swift").path))
    }

    @Test func aTemplateNameDocgenDoesNotProvideIsATemplateError() throws {
        let folder = root.appendingPathComponent("Templates")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "# {{title}}\n\n{{#intro}}{{.}}{{/intro}}\n{{titel}}\n".write(to: folder.appendingPathComponent("doc-model.mustache"), atomically: true, encoding: .utf8)
        let pipeline = GeneratorPipeline(configuration: Configuration(specs: specs, output: output, docs: docs, templates: folder))
        let problems = pipeline.generate().diagnostics.all.filter { $0.id == "template.invalid" }
        #expect(problems.map(\.message) == ["template 'doc-model' does not parse: 'titel' is not a name docgen provides (README: Writing your own templates)"])
        // Located at the template's file and line, as a compiler would print it.
        #expect(problems.map { $0.location.map { "\($0.file):\($0.line)" } } == [folder.appendingPathComponent("doc-model.mustache").path + ":4"])
    }

    @Test func templatesCanBeOverriddenFileByFile() throws {
        let folder = root.appendingPathComponent("Templates")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "{{% CONTENT_TYPE: TEXT }}\n# {{title}} (custom)\n".write(to: folder.appendingPathComponent("doc-model.mustache"), atomically: true, encoding: .utf8)
        let pipeline = GeneratorPipeline(configuration: Configuration(specs: specs, output: output, docs: docs, templates: folder))
        let files = pipeline.generate().files
        #expect(files.first { $0.path == "A.md" }?.contents == "# A (custom)\n")
        #expect(files.first { $0.path == "A.swift" }?.contents.hasPrefix("// Generated by docgen") == true)
    }

    /// Grouped files get their head from the `swift-header` template too, with the imports
    /// their models need; the models inside have none of their own.
    @Test func aCustomHeaderTemplateHeadsGroupedFiles() throws {
        let folder = root.appendingPathComponent("Templates")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "{{% CONTENT_TYPE: TEXT }}\n// Team header\n{{#imports}}\n@preconcurrency import {{.}}\n{{/imports}}\n"
            .write(to: folder.appendingPathComponent("swift-header.mustache"), atomically: true, encoding: .utf8)
        var swift = SwiftOptions()
        swift.fileLayout = .grouped
        let files = GeneratorPipeline(configuration: Configuration(specs: specs, output: output, templates: folder, swift: swift)).generate().files
        let grouped = try #require(files.first { $0.path == "Models+A.swift" })
        #expect(grouped.contents.hasPrefix("// Team header\n@preconcurrency import DocgenRuntime\n\n/// Generated from `a.md`."))
        #expect(grouped.contents.components(separatedBy: "import ").count == 2, "one import line for the whole file")
    }

    /// `auto` (the default) writes one file per model up to `groupingThreshold` models and
    /// groups above it, where a debug build's cost per file starts to add up; a layout set in
    /// the config wins.
    @Test func theDefaultLayoutGroupsOnlyTreesAboveTheThreshold() throws {
        let threshold = SwiftOptions.FileLayout.groupingThreshold
        for index in 0..<threshold - 2 { // a.md and b.md are there already
            try write("m\(index).md", "# Model\(index)\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n| `x` | *int* | :heavy_check_mark: | N/A |\n")
        }
        func swiftFiles(_ layout: SwiftOptions.FileLayout = .auto) -> [String] {
            var swift = SwiftOptions()
            swift.fileLayout = layout
            return GeneratorPipeline(configuration: Configuration(specs: specs, output: output, swift: swift))
                .generate().files.filter { $0.destination == .swift }.map(\.path)
        }
        let atThreshold = swiftFiles()
        #expect(atThreshold.count == threshold)
        #expect(atThreshold.contains("Model0.swift"))

        try write("z.md", "# Z\n\n## Values\n\n| Name | Value |\n| - | - |\n| `ONE` | one |\n")
        let aboveThreshold = swiftFiles()
        #expect(aboveThreshold.allSatisfy { $0.hasPrefix("Models+") })
        #expect(aboveThreshold.count < threshold / 5, "a few dozen types a file")
        let summary = try GeneratorPipeline(configuration: Configuration(specs: specs, output: output)).run(.dryRun).summary
        #expect(summary.hasPrefix("docgen: \(threshold + 1) models (python, detected); Swift files grouped, a few dozen models each; files: "), "\(summary)")
        #expect(swiftFiles(.perModel).count == threshold + 1)
    }

    func inode(_ url: URL) throws -> UInt64 {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? UInt64)
    }

    func plannedFiles() throws -> (OutputWriter, OutputWriter.Plan, [OutputFile]) {
        let pipeline = GeneratorPipeline(configuration: Configuration(specs: specs, output: output))
        var result = pipeline.generate()
        let writer = OutputWriter(folder: output)
        let files = result.files.filter { $0.destination == .swift }
        return (writer, writer.plan(files, specs: specs, diagnostics: &result.diagnostics), files)
    }

    @Test func unchangedFilesKeepTheirInodeWhenOthersAreRewritten() throws {
        try generate()
        let before = try inode(output.appendingPathComponent("A.swift"))
        try write("b.md", "# B\n\n## Values\n\n| Name | Value |\n| - | - |\n| `ONE` | one |\n| `TWO` | two |\n")
        try generate()
        #expect(try inode(output.appendingPathComponent("A.swift")) == before)
    }

    @Test func aFailureMidWriteLeavesThePreviousOutputWholeAndIsRecoveredNextRun() throws {
        try generate()
        let previous = try String(contentsOf: output.appendingPathComponent("B.swift"), encoding: .utf8)
        try write("a.md", "# A\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n| `y` | *int* | :heavy_check_mark: | N/A |\n")
        try write("b.md", "# B\n\n## Values\n\n| Name | Value |\n| - | - |\n| `TWO` | two |\n")
        let (writer, plan, files) = try plannedFiles()
        #expect(plan.write == ["A.swift", "B.swift"])
        let lock = try writer.lock()
        #expect(throws: OutputWriter.InjectedFailure.self) { try writer.apply(plan, files: files, holding: lock, failingAfter: 1) }
        lock.release()
        #expect(try String(contentsOf: output.appendingPathComponent("B.swift"), encoding: .utf8) == previous)
        #expect(FileManager.default.fileExists(atPath: writer.staging.path))

        try generate()
        #expect(!FileManager.default.fileExists(atPath: writer.staging.path))
        #expect(try String(contentsOf: output.appendingPathComponent("B.swift"), encoding: .utf8).contains("case two"))
        #expect(!FileManager.default.fileExists(atPath: writer.lockFile.path))
    }

    @Test func dangerousDestinationsAreRefusedBeforeAnythingIsDone() throws {
        func refusal(_ folder: URL) -> String? { OutputWriter(folder: folder).refusal(specs: specs) }
        #expect(refusal(URL(fileURLWithPath: "/")) == "it is the root folder")
        if let home = ProcessInfo.processInfo.environment["HOME"] {
            #expect(refusal(URL(fileURLWithPath: home)) == "it is the home folder")
        }
        #expect(refusal(specs) == "it is the spec folder")
        #expect(refusal(root) == "it holds the spec folder")
        #expect(refusal(specs.appendingPathComponent("out")) != nil)
        let foreign = root.appendingPathComponent("Foreign")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try "notes".write(to: foreign.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        #expect(refusal(foreign)?.hasPrefix("it holds files docgen did not generate") == true)
        #expect(refusal(output) == nil)

        var diagnostics = Diagnostics()
        let plan = OutputWriter(folder: foreign).plan([OutputFile(destination: .swift, path: "A.swift", contents: "x\n")],
                                                      specs: specs, diagnostics: &diagnostics)
        #expect(diagnostics.all.map(\.id) == ["output.unsafe-destination"])
        #expect(plan.isEmpty)
    }

    @Test func aRunWaitsForTheLockBeforeItPlans() throws {
        let pipeline = GeneratorPipeline(configuration: Configuration(specs: specs, output: output))
        let result = pipeline.generate()
        let held = try OutputWriter(folder: output).lock()
        // The second run blocks while it waits, so it gets a thread of its own, not one of
        // the test runner's cooperative threads.
        let finished = DispatchSemaphore(value: 0)
        let failure = LockedError()
        DispatchQueue.global().async {
            do { _ = try pipeline.write(result) } catch { failure.set(error) }
            finished.signal()
        }
        #expect(finished.wait(timeout: .now() + 0.3) == .timedOut, "the run must wait for the lock")
        #expect(!FileManager.default.fileExists(atPath: output.path))
        held.release()
        #expect(finished.wait(timeout: .now() + 20) == .success)
        #expect(failure.error == nil)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("A.swift").path))
    }

    final class LockedError: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: (any Error)?
        func set(_ error: any Error) { lock.withLock { stored = error } }
        var error: (any Error)? { lock.withLock { stored } }
    }
}
