import Foundation
import Testing

/// Text snapshots kept as real files beside the tests (`Tests/<Target>/Snapshots/<name>`).
/// Set `DOCGEN_RECORD=1` to re-record (Scripts/record-snapshots); a missing snapshot is
/// recorded and reported as a failure, so CI (which never records) cannot pass without one.
public func assertSnapshot(_ actual: String, named name: String, target: String,
                           sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let url = TestPaths.packageRoot.appendingPathComponent("Tests/\(target)/Snapshots/\(name)")
    let record = ProcessInfo.processInfo.environment["DOCGEN_RECORD"] == "1"
    let existing = try? String(contentsOf: url, encoding: .utf8)
    if record || existing == nil {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        if !record {
            Issue.record("Recorded a new snapshot at \(url.path); check it in and run again.", sourceLocation: sourceLocation)
        }
        return
    }
    if existing != actual {
        Issue.record("""
            Snapshot \(name) differs (re-record with DOCGEN_RECORD=1 if the change is intended):
            \(firstDifference(existing ?? "", actual))
            """, sourceLocation: sourceLocation)
    }
}

/// The first differing line, for a readable failure.
func firstDifference(_ expected: String, _ actual: String) -> String {
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    for i in 0..<max(e.count, a.count) {
        let el = i < e.count ? String(e[i]) : "<end>"
        let al = i < a.count ? String(a[i]) : "<end>"
        if el != al { return "line \(i + 1):\n  expected: \(el)\n  actual:   \(al)" }
    }
    return "(no line differs)"
}

public enum TestPaths {
    /// The package root, found from this file's path (Tests/TestSupport/Snapshot.swift).
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` beside the checkout; tests that need it skip when it is absent.
    public static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    public static let corpusModels = shared.appendingPathComponent("corpora/unified-python-2024-04/docs/models")

    /// The `docgen` executable built beside the test bundle (`swift build --build-tests` builds both).
    public static var docgenExecutable: URL? {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("docgen")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        let fallback = packageRoot.appendingPathComponent(".build/debug/docgen")
        return FileManager.default.isExecutableFile(atPath: fallback.path) ? fallback : nil
    }

    /// Runs docgen; returns its exit status and what it printed (stdout, then stderr).
    public static func runDocgen(_ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, output: String) {
        guard let executable = docgenExecutable else {
            Issue.record("the docgen executable was not built; run swift build --build-tests")
            return (-1, "")
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Both pipes drain at once: a child that fills one pipe's buffer (64 KiB of diagnostics)
        // while the other is being read to its end would wait for ever.
        let stderrReader = PipeReader(err.fileHandleForReading)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = stderrReader.wait()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout + stderr, as: UTF8.self))
    }

    public static var sharedIsPresent: Bool {
        let present = FileManager.default.fileExists(atPath: corpusModels.path)
        if !present {
            print("notice: ../shared/corpora is absent; corpus tests are skipped")
        }
        return present
    }
}

/// Reads a pipe to its end on a thread of its own.
final class PipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    /// Everything the pipe held, once its writer closed it.
    func wait() -> Data {
        done.wait()
        return data
    }
}
