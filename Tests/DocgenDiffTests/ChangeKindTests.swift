import DocgenDiagnostics
import DocgenDiff
import DocgenKit
import DocgenSchema
import Foundation
import Testing
import TestSupport

/// One fixture pair per change kind (Fixtures/<kind>/{old,new}: a small Python tree whose
/// `Pet` is both sent, by `pets.create`, and received, by `pets.get`). Each pair yields its
/// kind, judged as the README's table says; every format is pinned by a snapshot. That the
/// Swift verdicts hold is proved by compiling (`Scripts/diff-compile-proof`).
struct ChangeKindTests {
    static let fixtures = TestPaths.packageRoot.appendingPathComponent("Tests/DocgenDiffTests/Fixtures")

    /// Kind → (Swift source, wire) for a change the fixture's operations send and receive.
    static let verdicts: [String: (source: Change.Verdict, wire: Change.Verdict)] = [
        "model-added": (.compatible, .compatible),
        "model-removed": (.breaking, .compatible),
        "model-renamed": (.breaking, .compatible),
        "model-kind-changed": (.breaking, .breaking),
        "model-deprecated": (.compatible, .compatible),
        "field-added-optional": (.compatible, .compatible),
        "field-added-required": (.breaking, .breaking),
        "field-removed": (.breaking, .compatible),
        "field-renamed": (.breaking, .compatible),
        "field-type-changed": (.breaking, .breaking),
        "field-became-required": (.breaking, .breaking),
        "field-became-optional": (.breaking, .breaking),
        "field-nullability-changed": (.breaking, .breaking),
        "field-const-changed": (.compatible, .breaking),
        "field-deprecated": (.compatible, .compatible),
        "field-description-changed": (.compatible, .compatible),
        "enum-value-added": (.breaking, .compatible),
        "enum-value-removed": (.breaking, .breaking),
        "enum-value-wire-changed": (.compatible, .breaking),
        "enum-openness-changed": (.compatible, .compatible),
        "union-variant-added": (.breaking, .breaking),
        "union-variant-removed": (.breaking, .breaking),
        "operation-added": (.compatible, .compatible),
        "operation-removed": (.compatible, .breaking),
        "operation-root-changed": (.compatible, .breaking),
        "operation-deprecated": (.compatible, .compatible),
    ]

    static func report(_ kind: String) throws -> DiffReport {
        let folder = fixtures.appendingPathComponent(kind)
        var settings = Configuration.File()
        let config = folder.appendingPathComponent("docgen.json")
        if FileManager.default.fileExists(atPath: config.path) {
            var diagnostics = Diagnostics()
            settings.keys = try #require(Configuration.read(config, diagnostics: &diagnostics)).keys
        }
        // Each side read as `docgen diff` reads it.
        let old = try DiffReading.side(at: folder.appendingPathComponent("old"), named: "old", settings: settings)
        let new = try DiffReading.side(at: folder.appendingPathComponent("new"), named: "new", settings: settings)
        return SchemaDiff(old: old, new: new).compare(includeNotes: kind == "field-description-changed")
    }

    @Test func everyKindHasAFixturePair() throws {
        let pairs = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path).sorted()
        #expect(pairs == Change.Kind.allCases.map(\.rawValue).sorted())
        #expect(Set(Self.verdicts.keys) == Set(pairs))
    }

    @Test(arguments: Change.Kind.allCases)
    func eachPairYieldsItsKindJudgedOnBothAxes(_ kind: Change.Kind) throws {
        let report = try Self.report(kind.rawValue)
        let change = try #require(report.changes.first { $0.kind == kind }, "\(report.changes.map(\.kind))")
        let expected = try #require(Self.verdicts[kind.rawValue])
        #expect(change.source == expected.source)
        #expect(change.wire == expected.wire)
        // Only the change itself (and the model a new variant brings).
        #expect(report.changes.filter { $0.kind != kind }.allSatisfy { $0.kind == .modelAdded && kind == .unionVariantAdded })
    }

    @Test(arguments: Change.Kind.allCases)
    func everyFormatOfEachPair(_ kind: Change.Kind) throws {
        let report = try Self.report(kind.rawValue)
        var text = ""
        for policy in DiffPolicy.allCases where policy != .swift {
            let formatter = DiffFormatter(policy: policy, oldRoot: "old", newRoot: "new", language: "Python")
            text += "== text --policy \(policy.rawValue)\n" + formatter.render(report, as: .text)
        }
        let formatter = DiffFormatter(policy: .swift, oldRoot: "old", newRoot: "new", language: "Python")
        for format in DiffFormatter.Format.allCases {
            text += "== \(format.rawValue)\n" + formatter.render(report, as: format)
        }
        assertSnapshot(text, named: "\(kind.rawValue).txt", target: "DocgenDiffTests")
    }
}
