import DocgenMarkdown
import TestSupport
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

    /// A delimiter row is a line whose cells, split like any row, are all `:?-+:?`.
    @Test func delimiterRowsAreRowsOfDashCells() {
        var generator = SeededGenerator(state: 0xDE11)
        let pieces = ["|", "-", "---", ":", " ", "\t", "a"]
        for _ in 0..<20_000 {
            let line = (0..<Int.random(in: 0...9, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let cells = TableRowSplitter.split(Substring(line)).map(\.text)
            let expected: [Table.Alignment]? = line.contains("|") && !cells.isEmpty && cells.allSatisfy { cell in
                var text = Substring(cell)
                if text.hasPrefix(":") { text = text.dropFirst() }
                if text.hasSuffix(":") { text = text.dropLast() }
                return !text.isEmpty && text.allSatisfy { $0 == "-" }
            } ? cells.map { cell in
                switch (cell.hasPrefix(":"), cell.count > 1 && cell.hasSuffix(":")) {
                case (true, true): .center
                case (true, false): .left
                case (false, true): .right
                case (false, false): .none
                }
            } : nil
            #expect(TableRowSplitter.delimiterRow(Substring(line)) == expected, "'\(line)'")
        }
    }
}
