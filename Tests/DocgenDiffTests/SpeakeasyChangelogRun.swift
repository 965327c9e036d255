import Foundation
import Testing
import TestSupport

/// `docgen diff OLD NEW --format speakeasy --policy speakeasy` of two trees written from their
/// files (relative path → text), in a scratch folder removed afterwards.
func speakeasyChangelog(old: [String: String], new: [String: String], style: String = "current") throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docgen-changelog-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    for (side, files) in [("old", old), ("new", new)] {
        for (path, text) in files {
            let url = folder.appendingPathComponent(side).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }
    let run = try TestPaths.runDocgen(["diff", folder.appendingPathComponent("old").path, folder.appendingPathComponent("new").path,
                                       "--format", "speakeasy", "--policy", "speakeasy", "--speakeasy-changelog", style])
    #expect(run.status == 0, "\(run.output)")
    return run.output
}
