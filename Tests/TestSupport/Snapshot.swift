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

    public static var sharedIsPresent: Bool {
        let present = FileManager.default.fileExists(atPath: corpusModels.path)
        if !present {
            print("notice: ../shared/corpora is absent; corpus tests are skipped")
        }
        return present
    }
}
