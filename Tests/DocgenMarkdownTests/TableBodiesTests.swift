import DocgenDiagnostics
@testable import DocgenMarkdown
import Foundation
import TestSupport
import Testing

/// cmark is handed each table's body rows cut to their `|` (TableBodies): the document must read
/// to exactly the blocks it reads to whole, and where a table is not a top-level paragraph of its
/// own the whole text is parsed instead.
struct TableBodiesTests {
    func file(_ text: String) -> SourceFile { SourceFile(relativePath: "t.md", text: text) }

    static let fieldsDoc = """
        # Pet

        A pet.

        ## Fields

        | Field | Type | Required | Description |
        | ----- | ---- | -------- | ----------- |
        | `name` | *str* | :heavy_check_mark: | The **name**, see [docs](https://x.dev) |
        | `tag` | [Optional[shared.Tag]](../shared/tag.md) | :heavy_minus_sign: | A `tag` |

        Trailing prose.

        """

    @Test func findsEachTableBodyAndCutsOnlyItsRows() {
        let doc = file(Self.fieldsDoc)
        let runs = TableBodies.runs(in: doc)
        #expect(runs == [TableBodies.Run(headerLine: 7, lastLine: 10)])
        let cut = TableBodies.cut(doc, runs).split(separator: "\n", omittingEmptySubsequences: false)
        let original = Self.fieldsDoc.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(cut.count == original.count)
        #expect(cut[8] == "|" && cut[9] == "|")
        #expect(cut[6] == original[6] && cut[7] == original[7] && cut[11] == original[11]) // header, delimiter, prose
    }

    @Test func aCutDocumentReadsToTheSameBlocks() {
        let doc = file(Self.fieldsDoc)
        #expect(MarkdownParser.parse(doc, cuttingTableBodies: true) == MarkdownParser.parse(doc, cuttingTableBodies: false))
        guard case .table(let table)? = MarkdownParser.parse(doc).blocks.first(where: { if case .table = $0.kind { true } else { false } })?.kind else {
            Issue.record("no table read")
            return
        }
        #expect(table.rows.map { $0.cells[0].text } == ["`name`", "`tag`"])
    }

    /// Tables that are not a top-level paragraph of their own: inside a list item, inside a code
    /// block, right after prose, or turned into a setext heading. The cut text would read
    /// differently (or not be checkable), so the whole text is parsed.
    @Test(arguments: [
        "- item\n| a | b |\n| - | - |\n| `1` | 2 |\n",
        "- item\n\n  text\n| a | b |\n| - | - |\n| 1 | 2 |\n",
        "```\n| a | b |\n| - | - |\n| 1 | 2 |\n```\n",
        "~~~md\n| a | b |\n| - | - |\n| **1** | 2 |\n~~~\n",
        "Some prose\n| a | b |\n| - | - |\n| 1 | 2 |\n",
        "| a | b |\n| - | - |\n| 1 | 2 |\n===\n",
        "> quote\n| a | b |\n| - | - |\n| *1* | 2 |\n",
        "<div>\n| a | b |\n| - | - |\n| 1 | 2 |\n</div>\n",
        "[ref]: /url \"title\n| a | b |\n| - | - |\n| 1 | 2 |\"\n",
    ])
    func tablesOutsideTheirOwnParagraphReadAsWhole(text: String) {
        let doc = file(text)
        let runs = TableBodies.runs(in: doc)
        #expect(!runs.isEmpty)
        #expect(!TableBodies.verified(CMarkWalker.blocks(of: TableBodies.cut(doc, runs)), runs), "the cut text must not be used")
        #expect(MarkdownParser.parse(doc, cuttingTableBodies: true) == MarkdownParser.parse(doc, cuttingTableBodies: false))
    }

    /// Every doc of every shared tree reads to the same blocks, cut or whole; most are read cut.
    @Test(.enabled(if: TestPaths.sharedIsPresent, "../shared/corpora is absent"))
    func everySharedDocReadsAlikeCutOrWhole() throws {
        let corpora = TestPaths.shared.appendingPathComponent("corpora")
        var docs = 0, cut = 0
        let enumerator = try #require(FileManager.default.enumerator(at: corpora, includingPropertiesForKeys: nil))
        for case let url as URL in enumerator where url.pathExtension == "md" || url.pathExtension == "mdx" {
            let doc = try #require(SourceFile(relativePath: url.lastPathComponent, bytes: Array(Data(contentsOf: url))))
            docs += 1
            let runs = TableBodies.runs(in: doc)
            if !runs.isEmpty, TableBodies.verified(CMarkWalker.blocks(of: TableBodies.cut(doc, runs)), runs) { cut += 1 }
            #expect(MarkdownParser.parse(doc, cuttingTableBodies: true) == MarkdownParser.parse(doc, cuttingTableBodies: false),
                    "\(url.path)")
        }
        print("TableBodiesTests: \(docs) shared docs, \(cut) read with table bodies cut")
        #expect(docs > 8_000)
        #expect(cut * 2 > docs)
    }
}
