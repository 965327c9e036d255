import Foundation
import Testing
import TestSupport

/// The shell scripts teams copy: each runs in a scratch copy of the repository with stand-ins
/// for `swift`, the docgen binary and the fuzzers, so a failure can be staged on purpose.
struct ScriptTests {
    let repo: URL
    let tools: URL

    init() throws {
        repo = FileManager.default.temporaryDirectory.appendingPathComponent("docgen-scripts-\(UUID().uuidString)")
        tools = repo.appendingPathComponent("fake-tools")
        for folder in ["Scripts", "Fuzz", "Sources/docgen", "Specs", "Tests/DocgenKitTests/Fixtures", "Tests/DocgenKitTests/EdgeCases", ".build/release", "fake-tools"] {
            try FileManager.default.createDirectory(at: repo.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for script in ["Scripts/generate", "Fuzz/run"] {
            try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent(script), to: repo.appendingPathComponent(script))
        }
        try executable("Scripts/ensure-deps", "exit 0")
        try "".write(to: repo.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
    }

    func executable(_ path: String, _ body: String) throws {
        let url = repo.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "#!/bin/sh\n\(body)\n".write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
    }

    func run(_ script: String, _ arguments: [String] = []) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = repo.appendingPathComponent(script)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = tools.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        process.environment = environment
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    /// A docgen binary older than its sources, which records being run.
    func staleBinary() throws -> Date {
        try executable(".build/release/docgen", "touch \"$(dirname \"$0\")/ran\"")
        let past = Date(timeIntervalSinceNow: -3600)
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: repo.appendingPathComponent(".build/release/docgen").path)
        try "// newer than the binary\n".write(to: repo.appendingPathComponent("Sources/docgen/main.swift"), atomically: true, encoding: .utf8)
        return past
    }

    var binaryRan: Bool { FileManager.default.fileExists(atPath: repo.appendingPathComponent(".build/release/ran").path) }

    @Test func aFailedBuildFailsGenerateAndNeverRunsTheStaleBinary() throws {
        let past = try staleBinary()
        try executable("fake-tools/swift", "echo 'Sources/docgen/main.swift:1:1: error: cannot find x in scope' >&2\nexit 1")
        let (status, stderr) = try run("Scripts/generate")
        #expect(status != 0)
        #expect(stderr.contains("main.swift:1:1: error: cannot find x in scope"), "\(stderr)")
        #expect(!binaryRan, "the stale binary must not run")
        let modified = try FileManager.default.attributesOfItem(atPath: repo.appendingPathComponent(".build/release/docgen").path)[.modificationDate] as? Date
        #expect(abs((modified ?? .distantFuture).timeIntervalSince(past)) < 1, "the stale binary must not be touched")
    }

    @Test func generateFiltersOnlyTheLinkersMktempWarning() throws {
        _ = try staleBinary()
        try executable("fake-tools/swift", """
            echo "libFoundationEssentials.a(Data+Writing.swift.o): warning: the use of \\`mktemp' is dangerous, better use \\`mkstemp' or \\`mkdtemp'"
            echo 'Sources/docgen/main.swift:2:3: warning: variable x was never used'
            exit 0
            """)
        let (status, stderr) = try run("Scripts/generate")
        #expect(status == 0, "\(stderr)")
        #expect(stderr.contains("warning: variable x was never used"))
        #expect(!stderr.contains("mktemp"))
        #expect(binaryRan)
    }

    /// Every module of the real package, as `Scripts/generate` must see it: an edit in any of
    /// them rebuilds docgen before regenerating. (Its list of sources was once written by hand
    /// and missed eight modules added later.)
    static let modules = ((try? FileManager.default.contentsOfDirectory(atPath: TestPaths.packageRoot.appendingPathComponent("Sources").path)) ?? [])
        .filter { $0 != "WebhookModels" && !$0.hasPrefix(".") }.sorted()

    @Test func thePackageHasModulesToCheck() {
        #expect(Self.modules.count >= 19, "\(Self.modules)")
    }

    /// The scratch repository with every module folder and a generated file, a built binary and
    /// a stamp, all an hour old: up to date until something is edited.
    func upToDate() throws {
        for module in Self.modules + ["WebhookModels"] {
            let file = repo.appendingPathComponent("Sources/\(module)/File.swift")
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try "// \(module)\n".write(to: file, atomically: true, encoding: .utf8)
        }
        try executable(".build/release/docgen", "touch \"$(dirname \"$0\")/ran\"")
        try executable("fake-tools/swift", "touch \"\(repo.path)/built\"")
        try "".write(to: repo.appendingPathComponent(".build/docgen-generate.stamp"), atomically: true, encoding: .utf8)
        let past = Date(timeIntervalSinceNow: -3600)
        let all = FileManager.default.enumerator(atPath: repo.path)!.compactMap { $0 as? String } + [""]
        for path in all { try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: repo.appendingPathComponent(path).path) }
    }

    var rebuilt: Bool { FileManager.default.fileExists(atPath: repo.appendingPathComponent("built").path) }

    @Test func nothingEditedRebuildsAndRegeneratesNothing() throws {
        try upToDate()
        let (status, stderr) = try run("Scripts/generate")
        #expect(status == 0, "\(stderr)")
        #expect(!rebuilt && !binaryRan)
    }

    @Test(arguments: modules)
    func anEditInAnyModuleRebuildsDocgen(module: String) throws {
        try upToDate()
        try "// edited\n".write(to: repo.appendingPathComponent("Sources/\(module)/File.swift"), atomically: false, encoding: .utf8)
        let (status, stderr) = try run("Scripts/generate")
        #expect(status == 0, "\(stderr)")
        #expect(rebuilt, "an edit in Sources/\(module) must rebuild docgen")
        #expect(binaryRan)
    }

    /// Writing the models changes the Sources folder itself (docgen stages the new tree beside
    /// the old one and swaps them): the next regeneration after a spec edit must not rebuild.
    @Test func aSpecEditAfterARegenerationRegeneratesWithoutARebuild() throws {
        try upToDate()
        // What a real write leaves: a swap beside the output folder, so Sources/ is newer.
        let staging = repo.appendingPathComponent("Sources/.WebhookModels.docgen-staging")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        try FileManager.default.removeItem(at: staging)
        try FileManager.default.createDirectory(at: repo.appendingPathComponent("Specs"), withIntermediateDirectories: true)
        try "# Edited\n".write(to: repo.appendingPathComponent("Specs/edited.md"), atomically: true, encoding: .utf8)
        let (status, stderr) = try run("Scripts/generate")
        #expect(status == 0, "\(stderr)")
        #expect(!rebuilt, "a write beside the output is not a change to docgen's sources")
        #expect(binaryRan)
    }

    /// docgen rewrites its output folder (files renamed into place), so neither the folder nor
    /// its files count as generator source; a hand edit there is still regenerated away.
    @Test func anEditInTheGeneratedModelsRegeneratesWithoutARebuild() throws {
        try upToDate()
        try "// edited by hand\n".write(to: repo.appendingPathComponent("Sources/WebhookModels/File.swift"), atomically: true, encoding: .utf8)
        let (status, stderr) = try run("Scripts/generate")
        #expect(status == 0, "\(stderr)")
        #expect(!rebuilt, "generated code is not generator source")
        #expect(binaryRan, "the edited output must be regenerated")
    }

    @Test func fuzzRunFailsWhenAFuzzerFindsACrash() throws {
        try executable("fake-tools/swift", "exit 0")
        // A stand-in that crashes as libFuzzer does: it saves the input where Fuzz/run's
        // -artifact_prefix says (nowhere else), and exits non-zero.
        try executable("Fuzz/.build-coverage/release/FuzzNames", """
            prefix=""
            for a in "$@"; do case $a in -artifact_prefix=*) prefix=${a#-artifact_prefix=} ;; esac; done
            [ -n "$prefix" ] && mkdir -p "$prefix" && echo x > "${prefix}crash-0001"
            echo '==42== ERROR: libFuzzer: deadly signal'
            exit 77
            """)
        let (status, stderr) = try run("Fuzz/run", ["--coverage-only", "1", "FuzzNames"])
        #expect(status != 0)
        #expect(stderr.contains("FuzzNames"), "\(stderr)")
        #expect(FileManager.default.fileExists(atPath: repo.appendingPathComponent("Fuzz/Regressions/FuzzNames/crash-0001").path))
    }
}
