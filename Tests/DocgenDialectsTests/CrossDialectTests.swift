import DocgenDiagnostics
import DocgenDialects
import DocgenKit
import DocgenSchema
import Foundation
import Testing
import TestSupport

/// One API, written as each SDK language's Speakeasy docs write it (Fixtures/<dialect>/docs):
/// read in its own dialect, every tree gives the IR the Python tree gives, except for what
/// the dialect cannot say (Docs/dialects.md), listed here line by line.
struct CrossDialectTests {
    static let fixtures = TestPaths.packageRoot.appendingPathComponent("Tests/DocgenDialectsTests/Fixtures")

    /// The IR as facts that do not depend on how the docs spell names or lay out files:
    /// models by title, fields by JSON key, references by the target's title.
    static func facts(_ fixture: String, dialect: Dialect? = nil, keyRule: JSONKeyRule = JSONKeyRule(),
                      openAPI: URL? = nil) -> (facts: Set<String>, read: SpecReader.Result) {
        let docs = fixtures.appendingPathComponent("\(fixture)/docs")
        let models = ["models", "Models"].map(docs.appendingPathComponent).first { FileManager.default.fileExists(atPath: $0.path) }!
        let read = SpecReader(dialect: dialect, keyRule: keyRule, openAPI: openAPI).read(root: models)
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

    func expectSameIR(_ fixture: String, dialect: String? = nil, keyRule: JSONKeyRule = JSONKeyRule(), warnings: [String] = [],
                      except cannotSay: [(python: String?, other: String?)]) {
        let (facts, read) = Self.facts(fixture, keyRule: keyRule)
        #expect(read.dialect.name == dialect ?? fixture)
        #expect(read.dialectChoice == .detected)
        #expect(read.diagnostics.all.filter { $0.severity != .note }.map(\.id) == warnings, "\(DiagnosticPrinter().render(read.diagnostics))")
        let onlyPython = Self.python.facts.subtracting(facts).sorted()
        let onlyHere = facts.subtracting(Self.python.facts).sorted()
        #expect(onlyPython == cannotSay.compactMap(\.python).sorted(), "only in the Python IR")
        #expect(onlyHere == cannotSay.compactMap(\.other).sorted(), "only in the \(fixture) IR")
    }

    /// TypeScript prints neither nullability nor integers (`number` is every number); its
    /// literal-union enums name no members, as the Python bullets do not. Its field names are the SDK's camelCase: this API
    /// is snake_case on the wire, so the tree is read with the snakeCase key rule.
    @Test func typeScriptSaysTheSameButNullabilityIntegersAndEnumMemberNames() {
        expectSameIR("typescript", keyRule: JSONKeyRule(style: .snakeCase), except: [
            ("Pet.age: integer (Age in years)", "Pet.age: number (Age in years)"),
            ("Pet.nickname: string nullable", "Pet.nickname: string"),
        ])
    }

    /// Go writes a constant as an enum of one value (its own doc), which the Python docs
    /// spell `Literal["dog"]`.
    /// Every dialect but Python and TypeScript writes a constant as an enum of one value (its own doc).
    /// Their enum tables also name the members, where the Python bullets do not.
    static let constantAsEnum: [(python: String?, other: String?)] = [
        ("Pet.kind: const(\"dog\") required", "Pet.kind: ref(Kind) required"),
        (nil, "Kind: no description"),
        (nil, "Kind: string enum"),
        (nil, "Kind value dog named dog"),
        ("Priority value 1 named 1", "Priority value 1 named one"),
        ("Priority value 2 named 2", "Priority value 2 named two"),
        ("Priority value 3 named 3", "Priority value 3 named three"),
    ]

    @Test func goSaysTheSameButConstantsAreOneValueEnums() {
        expectSameIR("go", except: Self.constantAsEnum)
    }

    /// Java union docs hold only a title, and Java labels spell no members: the union decodes any
    /// JSON value, with a warning. Its field names are camelCase; this API is snake_case.
    @Test func javaSaysTheSameButUnionMembers() {
        expectSameIR("java", keyRule: JSONKeyRule(style: .snakeCase), warnings: ["union.members-unknown"], except: Self.constantAsEnum + [
            ("SearchResult: union of ref(Pet), ref(Owner), string", "SearchResult: union of any"),
        ])
    }

    /// C# prints neither optionality (the Required column says it) nor nullability.
    @Test func cSharpSaysTheSameButNullability() {
        expectSameIR("csharp", except: Self.constantAsEnum + [
            ("Pet.nickname: string nullable", "Pet.nickname: string"),
        ])
    }

    /// PHP's `?string` is optional and nullable at once, and so is a union label's `null` (`X|null`
    /// is `?X`); PHP docs never mark an enum open. camelCase field names, snake_case API.
    @Test func phpSaysTheSameButNullabilityAndOpenEnums() {
        expectSameIR("php", keyRule: JSONKeyRule(style: .snakeCase), except: Self.constantAsEnum + [
            ("Pet.nickname: string nullable", "Pet.nickname: string"),
            ("PetStatus: string enum, open", "PetStatus: string enum"),
        ])
    }

    /// Ruby's `T.nilable(X)` on an optional field cannot say nullable; its union docs hold only a
    /// title and the label linking to one spells the members. Both generations read alike. (The
    /// fixtures link to `shared/` where the files are in `components/`, as clerk's tree does:
    /// one summarised warning.) No Ruby tree names a pseudo-field for undocumented keys.
    @Test(arguments: ["ruby-sorbet", "ruby-crystalline"])
    func rubySaysTheSameButNullability(_ fixture: String) {
        expectSameIR(fixture, dialect: "ruby", warnings: ["link.dangling"], except: Self.constantAsEnum + [
            ("Pet.nickname: string nullable", "Pet.nickname: string"),
            ("Pet keeps other keys as any", "Pet keeps other keys as nothing"),
        ])
    }

    /// The API's OpenAPI document, which every tree was written from.
    static let openAPI = fixtures.appendingPathComponent("openapi.yaml")

    /// With `--openapi`, what the dialects cannot say comes from the document: nullability,
    /// integers, union members, the keys kept besides the fields. What is left is how a dialect
    /// spells things, not what it says: a constant as a one-value enum, the members' names of
    /// TypeScript's literal unions, and PHP's enums, which the docs never mark open (and the
    /// document has no word for).
    @Test(arguments: ["typescript", "go", "java", "csharp", "php", "ruby-sorbet", "ruby-crystalline"])
    func withTheOpenAPIDocumentEveryDialectSaysWhatThePythonTreeSays(_ fixture: String) {
        let python = Self.facts("python", openAPI: Self.openAPI).facts
        let (facts, read) = Self.facts(fixture, openAPI: Self.openAPI)
        #expect(!read.diagnostics.hasErrors && !read.diagnostics.all.contains { $0.id == DiagnosticID.openapiConflict.rawValue },
                "\(DiagnosticPrinter().render(read.diagnostics))")
        var spelling: [(python: String?, other: String?)] = fixture == "typescript" ? [] : Self.constantAsEnum
        if fixture == "php" { spelling.append(("PetStatus: string enum, open", "PetStatus: string enum")) }
        #expect(python.subtracting(facts).sorted() == spelling.compactMap(\.python).sorted(), "only in the Python IR")
        #expect(facts.subtracting(python).sorted() == spelling.compactMap(\.other).sorted(), "only in the \(fixture) IR")
    }
}
