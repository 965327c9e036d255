/// A GFM pipe table split from raw source lines.
public struct Table: Sendable, Equatable {
    public enum Alignment: String, Sendable, Equatable {
        case none, left, center, right
    }

    public var header: TableRow
    public var alignments: [Alignment]
    public var rows: [TableRow]

    public init(header: TableRow, alignments: [Alignment], rows: [TableRow]) {
        self.header = header
        self.alignments = alignments
        self.rows = rows
    }
}

public struct TableRow: Sendable, Equatable {
    public var line: Int
    public var cells: [TableCell]

    public init(line: Int, cells: [TableCell]) {
        self.line = line
        self.cells = cells
    }
}

public struct TableCell: Sendable, Equatable {
    /// Trimmed cell text, with `\|` already turned into `|` (other escapes are left for cmark).
    public var text: String
    /// 1-based UTF-8 column of the cell's first non-blank byte (of the cell's start when empty).
    public var column: Int

    public init(text: String, column: Int) {
        self.text = text
        self.column = column
    }
}
