import DocgenDiagnostics
import DocgenDocs
import DocgenRender
import DocgenSchema
import DocgenSwift
import Testing

/// Doc pages describe the Swift a team uses: its names and types, linked, with where each came from.
struct DocsTranslatorTests {
    static let here = SourceLocation(file: "t.md", line: 1, column: 1)

    static func field(_ name: String, _ type: TypeRef, required: Bool = false, deprecated: Bool = false, description: String = "") -> Field {
        Field(name: name, jsonKey: name, required: required, nullable: false, deprecation: deprecated ? Deprecation(message: nil) : nil,
              description: description, example: nil, type: type, location: here)
    }

    /// Each model's page text, by file name, rendered with the default doc templates.
    static func pages(_ models: [Model]) -> [String: String] {
        var diagnostics = Diagnostics()
        // Model by model, as generation translates them.
        let plan = SwiftTranslator().prepare(Schema(models: models, dialect: "python"), diagnostics: &diagnostics)
        let translated = plan.models.indices.compactMap { plan.translate(modelAt: $0) }
        for model in translated { diagnostics.append(contentsOf: model.diagnostics) }
        plan.finish(diagnostics: &diagnostics)
        let summaries = translated.map(\.summary)
        let renderer = DocsTranslator.renderer(diagnostics: &diagnostics)
        #expect(diagnostics.all.isEmpty)
        var pages: [String: String] = [:]
        for unit in summaries.map(DocsTranslator.page) + [DocsTranslator.index(rows: summaries.map(DocsTranslator.indexRow))] {
            pages[unit.path] = renderer.render(unit)?.contents
        }
        return pages
    }

    static let models = [
        Model(id: "models/pet.md", name: "Pet", description: "A pet | with a pipe.", deprecation: nil, location: here,
              kind: .object(ObjectModel(fields: [
                  field("pet_name", .string, required: true, description: "The name"),
                  field("owner", .ref("models/owner.md")),
                  field("old_tag", .integer, deprecated: true),
              ], additionalProperties: .string))),
        Model(id: "models/owner.md", name: "Owner", description: "", deprecation: Deprecation(message: "use Person"), location: here,
              kind: .object(ObjectModel(fields: [field("name", .string, required: true)]))),
        Model(id: "models/color.md", name: "Color", description: "", deprecation: nil, location: here,
              kind: .enumeration(EnumModel(values: [EnumValue(name: "DARK_RED", value: "dark-red", location: here)], open: true, rawType: .string))),
    ]

    @Test func anObjectPageListsSwiftPropertiesWithTypesLinksKeysAndDeprecation() throws {
        let page = try #require(Self.pages(Self.models)["Pet.md"])
        #expect(page.contains("`public struct Pet`, generated from `models/pet.md`."))
        #expect(page.contains("| `petName` | `Swift.String` | yes | `pet_name` | The name |"))
        #expect(page.contains("| `owner` | `Owner?` ([Owner](Owner.md)) | no | `owner` |  |"))
        #expect(page.contains("| `oldTag` | `Swift.Int?` | no | `old_tag` | **Deprecated.**  |"))
        #expect(page.contains("| `additionalProperties` | `[Swift.String: Swift.String]` | no | (other keys) | Keys the docs do not list |"))
    }

    @Test func deprecationOpensThePageAndOpenEnumsSayWhatTheyKeep() throws {
        let pages = Self.pages(Self.models)
        #expect(try #require(pages["Owner.md"]).contains("> **Deprecated.** use Person"))
        let color = try #require(pages["Color.md"])
        #expect(color.contains("| `.darkRed` | `dark-red` | `DARK_RED` |"))
        #expect(color.contains("Open enum: a value the docs do not list decodes as `.unknown(Swift.String)`"))
    }

    @Test func theIndexListsEveryTypeWithItsKindAndSpec() throws {
        let index = try #require(Self.pages(Self.models)["index.md"])
        #expect(index.contains("| [`Pet`](Pet.md) | struct | `models/pet.md` |"))
        #expect(index.contains("| [`Color`](Color.md) | enum | `models/color.md` |"))
    }

    @Test func docTemplatesUseOnlyTheDocsNames() {
        var diagnostics = Diagnostics()
        _ = DocsTranslator.renderer(templates: TemplateSet(templates: ["doc-model": "{{typeName}}\n", "doc-index": "{{#rows}}{{.}}{{/rows}}\n"]),
                                    diagnostics: &diagnostics)
        #expect(diagnostics.all.map(\.id) == ["template.invalid"], "typeName is a Swift template's name, not a doc page's")
    }
}
