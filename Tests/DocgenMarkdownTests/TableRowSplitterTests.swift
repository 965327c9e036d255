import DocgenMarkdown
import Testing

struct TableRowSplitterTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var line: String
        var cells: [String]
        var testDescription: String { line }
    }

    @Test(arguments: [
        Case(line: "| a | b |", cells: ["a", "b"]),
        Case(line: "|a|b|", cells: ["a", "b"]),
        Case(line: "a | b", cells: ["a", "b"]),
        Case(line: "| a | b", cells: ["a", "b"]),
        Case(line: "a | b |", cells: ["a", "b"]),
        Case(line: "| a \\| b | c |", cells: ["a | b", "c"]),
        Case(line: "| `x \\| y` | z |", cells: ["`x | y`", "z"]),
        Case(line: "| a \\\\| b |", cells: ["a \\\\", "b"]),
        Case(line: "| a |  |", cells: ["a", ""]),
        Case(line: "|  | b |", cells: ["", "b"]),
        Case(line: "| \\* x | y |", cells: ["\\* x", "y"]),
        Case(line: "|", cells: [""]),
    ])
    func splitsOnUnescapedPipesOnly(_ c: Case) {
        #expect(TableRowSplitter.split(Substring(c.line)).map(\.text) == c.cells)
    }

    @Test func cellColumnsPointAtTheFirstNonBlankByte() {
        let cells = TableRowSplitter.split("| `id`   | *int* |")
        #expect(cells.map(\.column) == [3, 12])
    }

    @Test func paddedRowsKeepColumnsOfWideCells() {
        let line = "| `connection_id`" + String(repeating: " ", count: 60) + "| *str* |"
        let cells = TableRowSplitter.split(Substring(line))
        #expect(cells.map(\.text) == ["`connection_id`", "*str*"])
        #expect(cells[1].column == 80)
    }

    @Test func delimiterRowsGiveAlignments() {
        #expect(TableRowSplitter.delimiterRow("| :--- | :---: | ---: | --- |") == [.left, .center, .right, .none])
        #expect(TableRowSplitter.delimiterRow("--- | ---") == [.none, .none])
        #expect(TableRowSplitter.delimiterRow("|---|") == [.none])
    }

    @Test func linesThatAreNotDelimiterRows() {
        #expect(TableRowSplitter.delimiterRow("---") == nil) // a thematic break, not a table
        #expect(TableRowSplitter.delimiterRow("| a | b |") == nil)
        #expect(TableRowSplitter.delimiterRow("| -- x | --- |") == nil)
        #expect(TableRowSplitter.delimiterRow("| | --- |") == nil)
    }
}
