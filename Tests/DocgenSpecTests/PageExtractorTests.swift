import DocgenDiagnostics
import DocgenDialects
import DocgenMarkdown
import DocgenSpec
import Testing

/// Markdown → DocPage: which section makes a page a model, and where every cell came from.
struct PageExtractorTests {
    static func page(_ text: String, dialect: Dialect = .python) -> (DocPage, Diagnostics) {
        let file = SourceFile(relativePath: "models/pet.md", text: text)
        var diagnostics = Diagnostics()
        let page = PageExtractor.extract(MarkdownParser.parse(file), from: file, dialect: dialect, diagnostics: &diagnostics)
        return (page, diagnostics)
    }

    @Test func aFieldsTableMakesAnObjectPageWithLocatedRows() throws {
        let (page, diagnostics) = Self.page("""
            # Pet

            A pet.

            ## Fields

            | Field | Type | Required | Description |
            | ----- | ---- | -------- | ----------- |
            | `name` | *str* | :heavy_check_mark: | The name |
            | `age` | *Optional[int]* | :heavy_minus_sign: | Years |

            """)
        #expect(diagnostics.all.isEmpty)
        #expect(page.title == "Pet")
        #expect(page.description == "A pet.")
        guard case .fields(let rows) = page.content else { Issue.record("not an object page: \(page.content)"); return }
        #expect(rows.map(\.name) == ["name", "age"])
        #expect(rows.map(\.required) == [true, false])
        #expect(rows[1].nameLocation.line == 10)
        #expect(rows[1].typeLocation == SourceLocation(file: "models/pet.md", line: 10, column: 11))
    }

    @Test func aValuesTableMakesAnEnumPage() {
        let (page, _) = Self.page("# Color\n\n## Values\n\n| Name | Value |\n| ---- | ----- |\n| `RED` | red |\n")
        guard case .values(let values, _) = page.content else { Issue.record("not an enum page"); return }
        #expect(values.map(\.value) == ["red"])
        #expect(values.map(\.name) == ["RED"])
    }

    @Test func aPageWithoutASchemaSectionIsNoModel() {
        let (page, _) = Self.page("# Read me\n\nJust prose.\n")
        #expect(!page.content.isModel)
    }
}
