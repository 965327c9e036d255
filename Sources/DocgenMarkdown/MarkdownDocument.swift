/// A parsed Markdown document as plain Swift values; no cmark pointer survives parsing.
///
/// Blocks are kept flat, in document order, with their nesting `depth` (0 = top level):
/// a 20,000-deep block quote is a 20,000-element array, not a 20,000-deep tree, so building,
/// walking and freeing it never recurses.
public struct MarkdownDocument: Sendable, Equatable {
    public var blocks: [Block]

    public init(blocks: [Block]) {
        self.blocks = blocks
    }
}

/// Where a block starts and ends in the source (1-based lines; columns in UTF-8 bytes).
public struct LineSpan: Sendable, Equatable {
    public var startLine: Int
    public var startColumn: Int
    public var endLine: Int
    public var endColumn: Int

    public init(startLine: Int, startColumn: Int, endLine: Int, endColumn: Int) {
        self.startLine = startLine
        self.startColumn = startColumn
        self.endLine = endLine
        self.endColumn = endColumn
    }
}

public struct Block: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case heading(level: Int, content: [Inline])
        case paragraph(content: [Inline])
        case codeBlock(info: String, literal: String)
        case htmlBlock(literal: String)
        case thematicBreak
        /// Containers: their children follow them with `depth + 1`.
        case blockQuote
        case list(ordered: Bool)
        case listItem
        /// A GFM pipe table, recognised from a top-level paragraph's raw lines.
        case table(Table)
    }

    public var kind: Kind
    public var span: LineSpan
    public var depth: Int

    public init(kind: Kind, span: LineSpan, depth: Int) {
        self.kind = kind
        self.span = span
        self.depth = depth
    }

    /// A paragraph of prose (a table is not one).
    public var isParagraph: Bool {
        if case .paragraph = kind { true } else { false }
    }
}

/// Inline content as a flat event stream (start/end pairs instead of nesting), for the
/// same reason blocks are flat: no input can make walking it recurse.
public enum Inline: Sendable, Equatable {
    case text(String)
    case code(String)
    case html(String)
    case softBreak
    case lineBreak
    case emphasisStart, emphasisEnd
    case strongStart, strongEnd
    /// cmark has no strike-through; `~~` pairs are recognised after parsing.
    case strikethroughStart, strikethroughEnd
    case linkStart(destination: String)
    case linkEnd
    case imageStart(source: String)
    case imageEnd
}

extension Array where Element == Inline {
    /// The visible text: code spans included, markup dropped, breaks as spaces.
    public var plainText: String {
        var out = ""
        for event in self {
            switch event {
            case .text(let s), .code(let s): out += s
            case .softBreak, .lineBreak: out += " "
            default: break
            }
        }
        return out
    }
}
