import DocgenDiagnostics
import DocgenMarkdown
import Testing

struct MarkdownParserTests {
    func parse(_ text: String) -> MarkdownDocument {
        MarkdownParser.parse(SourceFile(relativePath: "t.md", text: text))
    }

    @Test func headingsCarryLevelAndPosition() {
        let blocks = parse("# Title\n\n## Fields\n").blocks
        guard case .heading(1, let title) = blocks[0].kind, case .heading(2, let fields) = blocks[1].kind else {
            Issue.record("expected two headings, got \(blocks)")
            return
        }
        #expect(title.plainText == "Title")
        #expect(fields.plainText == "Fields")
        #expect(blocks[1].span.startLine == 3)
    }

    /// cmark ends an HTML declaration closed on its first line one line before it starts
    /// (found by fuzzing the pipeline); spans always cover their first line.
    @Test func everySpanCoversItsFirstLine() {
        let blocks = parse("#\n<!DOCTYPE html> comment\nprose\n").blocks
        #expect(blocks.count == 3)
        #expect(blocks.allSatisfy { $0.span.endLine >= $0.span.startLine })
        #expect(blocks[1].span.startLine == 2 && blocks[1].span.endLine == 2)
    }

    @Test func commentInsideAFenceIsNotAHeading() {
        let blocks = parse("## Example Usage\n\n```python\n# Open enum: unrecognized values\n```").blocks
        #expect(blocks.count == 2)
        guard case .codeBlock(let info, let literal) = blocks[1].kind else {
            Issue.record("expected a code block, got \(blocks[1].kind)")
            return
        }
        #expect(info == "python")
        #expect(literal == "# Open enum: unrecognized values\n")
    }

    @Test func pipeTableBecomesATableBlockWithRowLines() {
        let blocks = parse("# T\n\n| Name | Value |\n| ---- | ----- |\n| `A` | a |\n| `B` | b\\|c |").blocks
        guard case .table(let table) = blocks[1].kind else {
            Issue.record("expected a table, got \(blocks[1].kind)")
            return
        }
        #expect(table.header.cells.map(\.text) == ["Name", "Value"])
        #expect(table.rows.map(\.line) == [5, 6])
        #expect(table.rows[1].cells.map(\.text) == ["`B`", "b|c"])
    }

    @Test func tableAfterProseLinesSplitsTheParagraph() {
        let blocks = parse("Some prose.\n| a | b |\n|---|---|\n| 1 | 2 |").blocks
        #expect(blocks.count == 2)
        #expect(blocks[0].span == LineSpan(startLine: 1, startColumn: 1, endLine: 1, endColumn: 11))
        guard case .table(let table) = blocks[1].kind else {
            Issue.record("expected a table")
            return
        }
        #expect(table.header.line == 2)
    }

    @Test func headerWithoutDelimiterRowIsProse() {
        let blocks = parse("| a | b |\n| 1 | 2 |").blocks
        #expect(blocks.count == 1)
        if case .paragraph = blocks[0].kind {} else { Issue.record("expected a paragraph") }
    }

    @Test func cellInlinesKeepLinksCodeAndEmphasis() {
        let inlines = MarkdownParser.parseInline("List[[shared.X](../x.md)] *str* `code`")
        #expect(inlines.contains(.linkStart(destination: "../x.md")))
        #expect(inlines.contains(.emphasisStart))
        #expect(inlines.contains(.code("code")))
        #expect(inlines.plainText == "List[shared.X] str code")
    }

    @Test func strikethroughIsRecognisedAroundCodeSpans() {
        let inlines = MarkdownParser.parseInline("~~`tagId`~~")
        #expect(inlines == [.strikethroughStart, .code("tagId"), .strikethroughEnd])
        #expect(MarkdownParser.parseInline("a ~~ b") == [.text("a "), .text("~~"), .text(" b")])
    }

    @Test func deeplyNestedInputDoesNotRecurse() {
        let depth = 20_000
        let quotes = parse(String(repeating: ">", count: depth) + " deep")
        #expect(quotes.blocks.count > 100)
        let brackets = MarkdownParser.parseInline(String(repeating: "*[", count: depth) + "x")
        #expect(!brackets.isEmpty)
    }
}
