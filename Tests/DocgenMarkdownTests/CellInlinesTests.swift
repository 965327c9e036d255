@testable import DocgenMarkdown
import TestSupport
import Testing

/// `CellInlines` reads cells without cmark; wherever it answers, the answer must be cmark's.
struct CellInlinesTests {
    /// The shapes of Field and Type cells in Speakeasy docs (all of the shared corpus's).
    static let corpusShapes = [
        "`created_at`", "*str*", "*Optional[str]*", "[date](https://docs.python.org/3/library/datetime.html#date-objects)",
        "[Optional[shared.Account]](../../models/shared/account.md)", "List[*str*]",
        "List[[shared.Event](../../models/shared/event.md)]", "Dict[str, *Any*]",
        "Dict[str, [shared.Support](../../models/shared/support.md)]", "id", "` padded `", "`  `",
    ]

    @Test(arguments: corpusShapes)
    func corpusShapesAreReadWithoutCmarkAsCmarkReadsThem(cell: String) throws {
        let shortcut = try #require(CellInlines.parse(cell), "the shortcut should read '\(cell)'")
        #expect(shortcut == MarkdownParser.guardedParagraphs([cell])[0])
    }

    @Test(arguments: ["`PASSTHROUGH`", "`a b`", "` x `", "`*[x](y)*`", "`é`"])
    func aLoneCodeSpanReadsAlikeInACellAndOnItsOwn(cell: String) {
        #expect(CellInlines.parse(cell) == MarkdownParser.cmarkInline(cell))
    }

    @Test func emphasisFollowsTheDelimiterRules() {
        #expect(CellInlines.parse("List[*str*]") == [.text("List["), .emphasisStart, .text("str"), .emphasisEnd, .text("]")])
        // A cell's start counts as blank, as in a GFM cell: a leading `*` before punctuation opens.
        #expect(CellInlines.parse("*.x*") == [.emphasisStart, .text(".x"), .emphasisEnd])
        #expect(CellInlines.parse("*\"click\"*") == [.emphasisStart, .text("\"click\""), .emphasisEnd])
        #expect(MarkdownParser.guardedParagraphs(["*\"click\"*"])[0] == [.emphasisStart, .text("\"click\""), .emphasisEnd])
        #expect(CellInlines.parse("a * b") == [.text("a * b")])
    }

    @Test func linksDoNotNestAndUnmatchedBracketsStayText() {
        #expect(CellInlines.parse("[a[b]c](d)") == [.linkStart(destination: "d"), .text("a[b]c"), .linkEnd])
        #expect(CellInlines.parse("[[a](b)](c)") == nil) // `](c` after a link: left to cmark
        #expect(CellInlines.parse("a]b[c") == [.text("a]b[c")])
    }

    @Test(arguments: ["a_b", "**x**", "a\\b", "&amp;", "<br>", "![i](x)", "~~x~~", "`a` b", "[a](b c)", "[a](<b>)",
                      "é*x*", "*x*é", "a\u{0}b", "a\tb", " lead", "trail "])
    func constructsOutsideTheSubsetGoToCmark(cell: String) {
        #expect(CellInlines.parse(cell) == nil)
    }

    /// Random cells from the characters that matter; every one the shortcut reads is compared
    /// with cmark, and the shortcut must read a fair share of them (or the test would prove little).
    @Test func randomCellsAgreeWithCmark() {
        var generator = SeededGenerator(state: 0xCE11)
        let pieces = ["*", "*", "[", "]", "(", ")", "](", "](x.md)", "`", " ", "a", "b", "str", "Optional", ".", ",",
                      ":", "-", "#", "/", "é", "_", "!", "\\", "<", "&", "~", "\"", "1.", "+"]
        var read = 0
        var disagreements: [String] = []
        for _ in 0..<20_000 {
            var cell = ""
            for _ in 0..<Int.random(in: 1...10, using: &generator) { cell += pieces.randomElement(using: &generator)! }
            guard let shortcut = CellInlines.parse(cell) else { continue }
            read += 1
            if shortcut != MarkdownParser.guardedParagraphs([cell])[0], disagreements.count < 10 {
                disagreements.append(cell)
            }
        }
        #expect(disagreements.isEmpty, "the shortcut and cmark disagree on: \(disagreements)")
        #expect(read > 3_000, "the shortcut read only \(read) of 20,000 cells")
    }
}
