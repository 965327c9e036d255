import DocgenDiagnostics
import Foundation
import Testing
import TestSupport

/// `DiagnosticID` is the list of every diagnostic: the manual's table is it, and every id the
/// sources report is in it.
struct DiagnosticIDTests {
    @Test func theManualsTableIsTheRegistry() throws {
        let manual = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("Docs/diagnostics.md"), encoding: .utf8)
        let rows = manual.split(separator: "\n").filter { $0.hasPrefix("| `") }.map(String.init)
        let expected = DiagnosticID.allCases.map { "| `\($0.rawValue)` | \($0.severity.rawValue) | \($0.meaning) |" }
        #expect(rows == expected, "Docs/diagnostics.md's table and DiagnosticID differ")
    }

    /// Ids are reported as string literals (`"type.unknown"`); each literal of that shape in the
    /// sources must name a registered diagnostic. (The runtime's validation rules are not
    /// diagnostics.)
    @Test func everyReportedIdIsRegistered() throws {
        let known = Set(DiagnosticID.allCases.map(\.rawValue))
        let prefixes = Set(known.map { String($0.split(separator: ".")[0]) })
        let sources = TestPaths.packageRoot.appendingPathComponent("Sources")
        let enumerator = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var unknown: [String] = []
        var seen: Set<String> = []
        for case let url as URL in enumerator where url.pathExtension == "swift" && !url.path.contains("/DocgenRuntime/")
            && !url.path.contains("/WebhookModels/") && url.lastPathComponent != "DiagnosticID.swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in text.matches(of: /"([a-z]+)\.([a-z]+(?:-[a-z]+)*)"/) {
                let prefix = String(match.output.1)
                let id = prefix + "." + String(match.output.2)
                guard prefixes.contains(prefix) else { continue }
                seen.insert(id)
                if !known.contains(id) { unknown.append("\(url.lastPathComponent): \(id)") }
            }
        }
        #expect(unknown.isEmpty, "ids reported but not in DiagnosticID: \(unknown)")
        #expect(seen.count >= 60, "found \(seen.count) ids in the sources")
        #expect(known.subtracting(seen).isEmpty, "registered but never reported: \(known.subtracting(seen).sorted())")
    }
}

/// A reader whose problems cannot block writing collects at warning level: what it reports as
/// an error, and what it is handed, arrive as warnings; nothing else changes.
struct LoweredDiagnosticsTests {
    @Test func errorsReportedOrAppendedWhereErrorsAreWarningsAreWarnings() {
        var inner = Diagnostics()
        inner.error("type.unknown", "unknown type 'X'", at: nil)
        inner.note("page.not-a-model", "skipped", at: nil)
        var lowered = Diagnostics(errorsAre: .warning)
        lowered.error("type.malformed", "bad", at: nil)
        lowered.append(contentsOf: inner)
        #expect(lowered.all.map(\.severity) == [.warning, .warning, .note])
        #expect(!lowered.hasErrors && lowered.warningCount == 2)
        var plain = Diagnostics()
        plain.append(contentsOf: lowered)
        plain.append(contentsOf: inner)
        #expect(plain.all.map(\.severity) == [.warning, .warning, .note, .error, .note])
    }
}
