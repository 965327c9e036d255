import DocgenDialects
import DocgenKit
import DocgenSchema
import Foundation
import Testing
import TestSupport

/// Docs/contributing.md's recipe for a language, followed from scratch: a notation no SDK
/// writes (Scala's `Option[String]`, `Seq[X]`, `Map[String, X]`, `Long`), described by one
/// `Dialect` value made here and nowhere else, reads through the unchanged pipeline to the IR
/// the Python docs of the same models give.
struct RecipeDialectTests {
    static let scala = Dialect(
        name: "scala-fixture",
        displayName: "Scala (fixture)",
        extensions: ["md"],
        frontMatterTitles: false,
        notModels: [],
        openEnumMarkers: ["open enum"],
        unionVariants: UnionVariants(),
        types: TypeNotation(
            primitives: ["String": .string, "Long": .integer, "Int": .integer, "Double": .number, "Boolean": .boolean, "Any": .any],
            wrappers: ["Option": .optional],
            lists: ["Seq", "List"],
            maps: ["Map"],
            stringKeys: ["String"],
            sdkOnly: []),
        additionalPropertiesFields: [],
        reservedWords: nil,
        defaultKeyStyle: .asWritten,
        fenceLanguages: ["scala"],
        signatures: ["Option[", "Seq["])

    @Test func aDialectMadeOutsideTheModuleReadsTheSameIRAsPython() throws {
        let (facts, read) = CrossDialectTests.facts("recipe-scala", dialect: Self.scala)
        #expect(read.diagnostics.all.isEmpty, "\(read.diagnostics.all)")
        #expect(read.dialect == Self.scala)
        // Python's facts about what the fixture spells (Python's Pet and Owner have more fields).
        let spelled = Set(facts.compactMap { $0.split(separator: ":").first.map(String.init) })
        let python = CrossDialectTests.python.facts.filter { fact in
            spelled.contains(String(fact.split(separator: ":").first ?? "")) && !fact.hasPrefix("Owner.best_match")
        }
        #expect(facts.filter { !$0.contains(" keeps other keys ") } == python.filter { !$0.contains(" keeps other keys ") })
        #expect(facts.count >= 15)
    }
}
