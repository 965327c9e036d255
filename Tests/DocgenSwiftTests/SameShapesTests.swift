import DocgenDiagnostics
import DocgenRender
import DocgenSchema
@testable import DocgenSwift
import Testing

/// Speakeasy writes a doc per use of a shape; docgen generates each shape once and names the
/// other docs' types as `typealias`es of it.
struct SameShapesTests {
    static let here = SourceLocation(file: "t.md", line: 1, column: 1)

    static func object(_ id: String, _ name: String, key: String = "street", description: String = "",
                       extra: [Field] = []) -> Model {
        let street = Field(name: "street", jsonKey: key, required: true, nullable: false, deprecation: nil,
                           description: description, example: nil, type: .string, location: here)
        return Model(id: id, name: name, description: "", deprecation: nil, location: here,
                     kind: .object(ObjectModel(fields: [street] + extra)))
    }

    static func field(_ name: String, _ type: TypeRef, cyclic: Bool = false) -> Field {
        Field(name: name, jsonKey: name, required: false, nullable: false, deprecation: nil,
              description: "", example: nil, type: type, cyclic: cyclic, location: here)
    }

    /// Each model's Swift declaration line (`typealias` or the type's own).
    static func declarations(_ models: [Model], options: SwiftOptions = SwiftOptions()) -> [String: String] {
        var diagnostics = Diagnostics()
        // Model by model, as generation translates them.
        let plan = SwiftTranslator(options: options).prepare(Schema(models: models, dialect: "python"), diagnostics: &diagnostics)
        let translated = plan.models.indices.compactMap { plan.translate(modelAt: $0) }
        for model in translated { diagnostics.append(contentsOf: model.diagnostics) }
        plan.finish(diagnostics: &diagnostics)
        let units = translated.map(\.unit)
        #expect(diagnostics.all.isEmpty)
        var result: [String: String] = [:]
        let renderer = SwiftTranslator.renderer(diagnostics: &diagnostics)
        for unit in units where unit.destination == .swift {
            // The rendered declaration line: a `typealias`, or the type's own up to its brace.
            let lines = renderer.render(unit)!.contents.split(separator: "\n")
            let declaration = lines.first { $0.hasPrefix("nonisolated ") || $0.contains(" typealias ") }!
            result[unit.path] = String(declaration.hasSuffix(" {") ? declaration.dropLast(2) : declaration)
        }
        return result
    }

    @Test func theShortestNameIsTheTypeAndTheOthersAliasIt() {
        let swift = Self.declarations([
            Self.object("a.md", "EmployeeHomeAddress", description: "Home."),
            Self.object("b.md", "Address", description: "Docs may differ; the shape does not."),
            Self.object("c.md", "WorkAddress"),
        ])
        #expect(swift["Address.swift"]?.hasPrefix("nonisolated public struct Address:") == true)
        #expect(swift["EmployeeHomeAddress.swift"] == "public typealias EmployeeHomeAddress = Address")
        #expect(swift["WorkAddress.swift"] == "public typealias WorkAddress = Address")
    }

    @Test func aNameTheUserGaveWinsTheGroup() {
        let options = SwiftOptions(nameOverrides: ["EmployeeHomeAddress": "HomeAddress"])
        let swift = Self.declarations([Self.object("a.md", "EmployeeHomeAddress"), Self.object("b.md", "Address")], options: options)
        #expect(swift["HomeAddress.swift"]?.hasPrefix("nonisolated public struct HomeAddress:") == true)
        #expect(swift["Address.swift"] == "public typealias Address = HomeAddress")
    }

    @Test func anotherJSONKeyIsAnotherShape() {
        let swift = Self.declarations([Self.object("a.md", "Address"), Self.object("b.md", "Place", key: "street_name")])
        #expect(swift["Address.swift"]?.contains("struct Address") == true)
        #expect(swift["Place.swift"]?.contains("struct Place") == true)
    }

    @Test func referencesToTheSameShapeMatchAndCyclesMergeToo() {
        let swift = Self.declarations([
            Self.object("a.md", "NodeA", extra: [Self.field("next", .ref("a.md"), cyclic: true), Self.field("tag", .ref("ta.md"))]),
            Self.object("b.md", "NodeB", extra: [Self.field("next", .ref("b.md"), cyclic: true), Self.field("tag", .ref("tb.md"))]),
            Model(id: "ta.md", name: "TagA", description: "", deprecation: nil, location: Self.here,
                  kind: .enumeration(EnumModel(values: [EnumValue(name: "X", value: "x", location: Self.here)], open: true, rawType: .string))),
            Model(id: "tb.md", name: "TagB", description: "", deprecation: nil, location: Self.here,
                  kind: .enumeration(EnumModel(values: [EnumValue(name: "X", value: "x", location: Self.here)], open: true, rawType: .string))),
        ])
        #expect(swift["NodeB.swift"] == "public typealias NodeB = NodeA")
        #expect(swift["TagB.swift"] == "public typealias TagB = TagA")
    }

    @Test func anEnumWithOneMoreValueIsAnotherShape() {
        func tag(_ id: String, _ name: String, _ values: [String]) -> Model {
            Model(id: id, name: name, description: "", deprecation: nil, location: Self.here,
                  kind: .enumeration(EnumModel(values: values.map { EnumValue(name: $0, value: $0, location: Self.here) }, open: true, rawType: .string)))
        }
        let swift = Self.declarations([tag("a.md", "TagA", ["x"]), tag("b.md", "TagB", ["x", "y"])])
        #expect(swift["TagB.swift"]?.contains("enum TagB") == true)
    }

    @Test func mergeShapesOffKeepsOneTypePerDoc() {
        let swift = Self.declarations([Self.object("a.md", "Address"), Self.object("b.md", "WorkAddress")],
                                      options: SwiftOptions(mergeShapes: false))
        #expect(swift["WorkAddress.swift"]?.contains("struct WorkAddress") == true)
    }
}
