import DocgenDiagnostics
import DocgenDialects
import DocgenKit
import DocgenSchema
import Foundation
import Testing
import TestSupport

/// One API, written as each SDK language's Speakeasy docs write it (Fixtures/<dialect>/docs):
/// read in its own dialect, every tree gives the IR the Python tree gives, except for what
/// the dialect cannot say (README "Dialects"), listed here line by line.
struct CrossDialectTests {
    static let fixtures = TestPaths.packageRoot.appendingPathComponent("Tests/DocgenDialectsTests/Fixtures")

    /// The IR as facts that do not depend on how the docs spell names or lay out files:
    /// models by title, fields by JSON key, references by the target's title.
    static func facts(_ dialect: String, keyRule: JSONKeyRule = JSONKeyRule()) -> (facts: Set<String>, read: SpecReader.Result) {
        let read = SpecReader(keyRule: keyRule).read(root: fixtures.appendingPathComponent("\(dialect)/docs/models"))
        let titles = Dictionary(uniqueKeysWithValues: read.schema.models.map { ($0.id, $0.name) })
        func spell(_ type: TypeRef) -> String {
            switch type {
            case .ref(let id): "ref(\(titles[id] ?? id))"
            case .list(let element): "list<\(spell(element))>"
            case .map(let value): "map<\(spell(value))>"
            case .nullable(let inner): "nullable<\(spell(inner))>"
            case .union(let members): "union<\(members.map(spell).joined(separator: ", "))>"
            default: SchemaDump.tree(type)
            }
        }
        var facts: Set<String> = []
        for model in read.schema.models {
            let name = model.name
            facts.insert("\(name): \(model.description.isEmpty ? "no description" : "described \(model.description)")")
            switch model.kind {
            case .object(let object):
                for field in object.fields {
                    facts.insert("\(name).\(field.jsonKey): \(spell(field.type))\(field.required ? " required" : "")\(field.nullable ? " nullable" : "")"
                                 + (field.description.isEmpty ? "" : " (\(field.description))"))
                }
                facts.insert("\(name) keeps other keys as \(object.additionalProperties.map(spell) ?? "nothing")")
            case .enumeration(let enumeration):
                facts.insert("\(name): \(enumeration.rawType.rawValue) enum\(enumeration.open ? ", open" : "")")
                for value in enumeration.values {
                    facts.insert("\(name) value \(value.value) named \(value.name.lowercased().replacing("_", with: ""))")
                }
            case .union(let union):
                facts.insert("\(name): union of \(union.variants.map { spell($0.type) }.joined(separator: ", "))")
            }
        }
        return (facts, read)
    }

    static let python = facts("python")

    @Test func thePythonTreeReadsCleanly() {
        #expect(Self.python.read.diagnostics.all.isEmpty, "\(DiagnosticPrinter().render(Self.python.read.diagnostics))")
        #expect(Self.python.read.dialect == .python)
        #expect(Self.python.facts.contains("Pet.born_at: dateTime"))
    }

    func expectSameIR(_ dialect: String, keyRule: JSONKeyRule = JSONKeyRule(), except cannotSay: [(python: String?, other: String?)]) {
        let (facts, read) = Self.facts(dialect, keyRule: keyRule)
        #expect(read.dialect.name == dialect)
        #expect(read.dialectChoice == .detected)
        #expect(read.diagnostics.all.filter { $0.severity != .note }.isEmpty, "\(DiagnosticPrinter().render(read.diagnostics))")
        let onlyPython = Self.python.facts.subtracting(facts).sorted()
        let onlyHere = facts.subtracting(Self.python.facts).sorted()
        #expect(onlyPython == cannotSay.compactMap(\.python).sorted(), "only in the Python IR")
        #expect(onlyHere == cannotSay.compactMap(\.other).sorted(), "only in the \(dialect) IR")
    }

    /// TypeScript prints neither nullability nor integers (`number` is every number), and its
    /// literal-union enums name no members. Its field names are the SDK's camelCase: this API
    /// is snake_case on the wire, so the tree is read with the snakeCase key rule.
    @Test func typeScriptSaysTheSameButNullabilityIntegersAndEnumMemberNames() {
        expectSameIR("typescript", keyRule: JSONKeyRule(style: .snakeCase), except: [
            ("Pet.age: integer (Age in years)", "Pet.age: number (Age in years)"),
            ("Pet.nickname: string nullable", "Pet.nickname: string"),
            ("Priority value 1 named one", "Priority value 1 named 1"),
            ("Priority value 2 named two", "Priority value 2 named 2"),
            ("Priority value 3 named three", "Priority value 3 named 3"),
        ])
    }

    /// Go writes a constant as an enum of one value (its own doc), which the Python docs
    /// spell `Literal["dog"]`.
    @Test func goSaysTheSameButConstantsAreOneValueEnums() {
        expectSameIR("go", except: [
            ("Pet.kind: const(\"dog\") required", "Pet.kind: ref(Kind) required"),
            (nil, "Kind: no description"),
            (nil, "Kind: string enum"),
            (nil, "Kind value dog named dog"),
        ])
    }
}
