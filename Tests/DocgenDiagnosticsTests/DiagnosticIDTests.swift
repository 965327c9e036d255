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

    /// Call sites name a registered case (`.typeUnknown`), so the compiler refuses an id the
    /// registry lacks. What it cannot see is checked here: no id is written as a string in the
    /// sources, and every registered id is reported somewhere. (The runtime's validation rules
    /// are not diagnostics.)
    @Test func everyIdIsReportedByItsCaseAndNoneAsAString() throws {
        let known = Set(DiagnosticID.allCases.map(\.rawValue))
        let prefixes = Set(known.map { String($0.split(separator: ".")[0]) })
        let sources = TestPaths.packageRoot.appendingPathComponent("Sources")
        let enumerator = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var literals: [String] = []
        var text = ""
        for case let url as URL in enumerator where url.pathExtension == "swift" && !url.path.contains("/DocgenRuntime/")
            && !url.path.contains("/WebhookModels/") && url.lastPathComponent != "DiagnosticID.swift" {
            let file = try String(contentsOf: url, encoding: .utf8)
            for match in file.matches(of: /"([a-z]+)\.([a-z]+(?:-[a-z]+)*)"/) where prefixes.contains(String(match.output.1)) {
                literals.append("\(url.lastPathComponent): \(match.output.0)")
            }
            text += file
        }
        #expect(literals.isEmpty, "ids written as strings instead of DiagnosticID cases: \(literals)")
        let members = Set(text.matches(of: /\.([a-z][A-Za-z]*)/).map { String($0.output.1) })
        let unreported = DiagnosticID.allCases.filter { !members.contains("\($0)") }
        #expect(unreported.isEmpty, "registered but never reported: \(unreported.map(\.rawValue))")
    }
}

/// A reader whose problems cannot block writing collects at warning level: what it reports as
/// an error, and what it is handed, arrive as warnings; nothing else changes.
struct LoweredDiagnosticsTests {
    @Test func errorsReportedOrAppendedWhereErrorsAreWarningsAreWarnings() {
        var inner = Diagnostics()
        inner.error(.typeUnknown, "unknown type 'X'", at: nil)
        inner.note(.pageNotAModel, "skipped", at: nil)
        var lowered = Diagnostics(errorsAre: .warning)
        lowered.error(.typeMalformed, "bad", at: nil)
        lowered.append(contentsOf: inner)
        #expect(lowered.all.map(\.severity) == [.warning, .warning, .note])
        #expect(!lowered.hasErrors && lowered.warningCount == 2)
        var plain = Diagnostics()
        plain.append(contentsOf: lowered)
        plain.append(contentsOf: inner)
        #expect(plain.all.map(\.severity) == [.warning, .warning, .note, .error, .note])
    }
}
