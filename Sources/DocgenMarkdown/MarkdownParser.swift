import CCMark
import DocgenDiagnostics

/// Markdown → `MarkdownDocument` through cmark: one cmark parse per document, an iterative
/// walk (cmark's own iterator), and every cmark object freed before returning.
public enum MarkdownParser {
    public static func parse(_ file: SourceFile) -> MarkdownDocument {
        parse(file, cuttingTableBodies: true)
    }

    /// `cuttingTableBodies`: cmark reads the text with table body rows cut (`TableBodies`),
    /// and the whole text only where that could read differently; tests compare both ways.
    static func parse(_ file: SourceFile, cuttingTableBodies: Bool) -> MarkdownDocument {
        // A top-level paragraph that is a table from its first line becomes a table block, so
        // its inline content (most of a spec's text) is never needed; its delimiter row, read
        // to find that out, is kept for the table.
        var delimiterRows: [Int: [Table.Alignment]] = [:]
        let skip = { (span: LineSpan) -> Bool in
            guard span.endLine > span.startLine, let alignments = delimiterRow(ofTableAt: span.startLine, in: file) else { return false }
            delimiterRows[span.startLine] = alignments
            return true
        }
        let runs = cuttingTableBodies ? TableBodies.runs(in: file) : []
        var blocks: [Block]
        if !runs.isEmpty, case let cut = CMarkWalker.blocks(of: TableBodies.cut(file, runs), skippingInlinesOf: skip),
           TableBodies.verified(cut, runs) {
            blocks = cut
        } else {
            blocks = CMarkWalker.blocks(of: file.text, skippingInlinesOf: skip)
        }
        recogniseTables(in: &blocks, file: file, delimiterRows: delimiterRows)
        return MarkdownDocument(blocks: blocks)
    }

    /// Parses a fragment (a table cell) as inline content. Block structure inside the fragment
    /// is flattened: paragraphs and headings are joined by soft breaks.
    public static func parseInline(_ text: String) -> [Inline] {
        // A lone code span (enum value names) starts no block, so the cell shortcut reads it as cmark would.
        if text.utf8.first == UInt8(ascii: "`"), let code = CellInlines.parse(text) { return code }
        // Nor does a line starting with a letter (`CellInlines` takes no line ends): cmark reads it
        // as one paragraph, whose inlines are the guarded cell's.
        if let first = text.utf8.first, (first | 0x20) >= UInt8(ascii: "a"), (first | 0x20) <= UInt8(ascii: "z"),
           let inlines = CellInlines.parse(text) { return inlines }
        return cmarkInline(text)
    }

    static func cmarkInline(_ text: String) -> [Inline] {
        var out: [Inline] = []
        for block in CMarkWalker.blocks(of: text) {
            switch block.kind {
            case .paragraph(let content), .heading(_, let content):
                if !out.isEmpty { out.append(.softBreak) }
                out.append(contentsOf: content)
            case .codeBlock(_, let literal), .htmlBlock(let literal):
                if !out.isEmpty { out.append(.softBreak) }
                out.append(.text(literal))
            default:
                break
            }
        }
        return out
    }

    /// Parses many single-line fragments (the cells of a table) as cmark reads each one as its
    /// own paragraph behind a guard (U+0001 and a space), so no fragment can start a block
    /// (heading, list, quote, HTML, link definition) and swallow or split another, while the
    /// cell's start still counts as blank for emphasis, as in a GFM cell (`*"click"*` is
    /// emphasis). Most cells are read by `CellInlines`; the rest share one cmark parse.
    public static func parseInlines(_ texts: [String]) -> [[Inline]] {
        guard texts.count > 1, !texts.contains(where: { $0.contains(bytes: "\n") || $0.contains(bytes: "\r") }) else {
            return texts.map(parseInline)
        }
        var result = texts.map(CellInlines.parse)
        let rest = result.indices.filter { result[$0] == nil }
        if !rest.isEmpty {
            let parsed = guardedParagraphs(rest.map { texts[$0] })
            for (index, inlines) in zip(rest, parsed) { result[index] = inlines }
        }
        return result.map { $0 ?? [] }
    }

    /// cmark's reading of each text as a guarded paragraph, with one parse for all of them.
    public static func guardedParagraphs(_ texts: [String]) -> [[Inline]] {
        var joined = ""
        joined.reserveCapacity(texts.reduce(0) { $0 + $1.utf8.count + 3 })
        for text in texts {
            joined += "\u{1} "
            joined += text
            joined += "\n\n"
        }
        var result: [[Inline]] = []
        result.reserveCapacity(texts.count)
        for block in CMarkWalker.blocks(of: joined) {
            guard case .paragraph(var content) = block.kind, block.depth == 0 else { return texts.map(parseInline) }
            // The guard is two bytes: strip them by bytes (a Character would take a combining mark with it).
            if case .text(let first)? = content.first, first.utf8.first == 0x01 {
                let rest = String(decoding: first.utf8.dropFirst(first.utf8.dropFirst().first == 0x20 ? 2 : 1), as: UTF8.self)
                if rest.isEmpty { content.removeFirst() } else { content[0] = .text(rest) }
            }
            result.append(content)
        }
        return result.count == texts.count ? result : texts.map(parseInline)
    }

    /// cmark sees a pipe table as a paragraph. A top-level paragraph whose lines hold a header
    /// row followed by a delimiter row becomes a table block (lines before it stay a paragraph).
    private static func recogniseTables(in blocks: inout [Block], file: SourceFile, delimiterRows: [Int: [Table.Alignment]]) {
        var result: [Block] = []
        result.reserveCapacity(blocks.count)
        for block in blocks {
            guard block.depth == 0, case .paragraph = block.kind,
                  block.span.endLine > block.span.startLine,
                  let table = table(in: block.span, file: file, delimiterRows: delimiterRows)
            else {
                result.append(block)
                continue
            }
            if table.headerLine > block.span.startLine {
                var prose = block
                prose.span.endLine = table.headerLine - 1
                prose.span.endColumn = file.line(table.headerLine - 1).utf8.count
                result.append(prose)
            }
            let lastLine = table.value.rows.last?.line ?? table.headerLine + 1
            result.append(Block(
                kind: .table(table.value),
                span: LineSpan(startLine: table.headerLine, startColumn: 1,
                               endLine: lastLine, endColumn: max(1, file.line(lastLine).utf8.count)),
                depth: 0))
        }
        blocks = result
    }

    /// The alignments when `line` is a header row (a pipe) followed by a delimiter row.
    private static func delimiterRow(ofTableAt line: Int, in file: SourceFile) -> [Table.Alignment]? {
        guard TableRowSplitter.hasUnescapedPipe(file.line(line)) else { return nil }
        return TableRowSplitter.delimiterRow(file.line(line + 1))
    }

    private static func table(in span: LineSpan, file: SourceFile, delimiterRows: [Int: [Table.Alignment]]) -> (headerLine: Int, value: Table)? {
        var line = span.startLine
        while line < span.endLine {
            if let alignments = delimiterRows[line] ?? delimiterRow(ofTableAt: line, in: file) {
                // Each row split straight from the file's bytes: one `withUTF8` for the table
                // instead of a Substring and its contiguous-storage check per row.
                var text = file.text
                return text.withUTF8 { all in
                    func cells(_ number: Int) -> [TableCell] {
                        TableRowSplitter.split(UnsafeBufferPointer(rebasing: all[file.lineRange(number)]))
                    }
                    let header = TableRow(line: line, cells: cells(line))
                    var rows: [TableRow] = []
                    rows.reserveCapacity(max(0, span.endLine - line - 1))
                    var rowLine = line + 2
                    while rowLine <= span.endLine {
                        rows.append(TableRow(line: rowLine, cells: cells(rowLine)))
                        rowLine += 1
                    }
                    return (line, Table(header: header, alignments: alignments, rows: rows))
                }
            }
            line += 1
        }
        return nil
    }
}

/// The one place that touches cmark pointers.
enum CMarkWalker {
    /// `skippingInlinesOf` names top-level paragraphs whose inline content is not wanted
    /// (they become `.paragraph(content: [])`).
    static func blocks(of text: String, skippingInlinesOf skip: ((LineSpan) -> Bool)? = nil) -> [Block] {
        var text = text
        guard let root = text.withUTF8({ buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, CMARK_OPT_DEFAULT) }
        }) else { return [] }
        defer { cmark_node_free(root) }
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }

        var blocks: [Block] = []
        var depth = 0
        var inlines: [Inline] = []
        var skipping = false

        func span(_ node: OpaquePointer) -> LineSpan {
            let startLine = Int(cmark_node_get_start_line(node))
            // cmark can end a block on the line before the one it starts on (end = start - 1);
            // every span docgen hands on covers at least its first line.
            return LineSpan(startLine: startLine,
                            startColumn: Int(cmark_node_get_start_column(node)),
                            endLine: max(startLine, Int(cmark_node_get_end_line(node))),
                            endColumn: Int(cmark_node_get_end_column(node)))
        }
        func string(_ pointer: UnsafePointer<CChar>?) -> String {
            pointer.map { String(cString: $0) } ?? ""
        }

        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let entering = event == CMARK_EVENT_ENTER
            let type = cmark_node_get_type(node)
            if skipping {
                guard type == CMARK_NODE_PARAGRAPH, !entering else { continue }
                skipping = false
                blocks.append(Block(kind: .paragraph(content: []), span: span(node), depth: depth))
                continue
            }
            switch type {
            case CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_ITEM:
                if entering {
                    let kind: Block.Kind = switch cmark_node_get_type(node) {
                    case CMARK_NODE_BLOCK_QUOTE: .blockQuote
                    case CMARK_NODE_LIST: .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST)
                    default: .listItem
                    }
                    blocks.append(Block(kind: kind, span: span(node), depth: depth))
                    depth += 1
                } else {
                    depth -= 1
                }
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                if entering {
                    inlines = []
                    skipping = type == CMARK_NODE_PARAGRAPH && depth == 0 && skip?(span(node)) == true
                } else {
                    let kind: Block.Kind = cmark_node_get_type(node) == CMARK_NODE_HEADING
                        ? .heading(level: Int(cmark_node_get_heading_level(node)), content: Strikethrough.apply(inlines))
                        : .paragraph(content: Strikethrough.apply(inlines))
                    blocks.append(Block(kind: kind, span: span(node), depth: depth))
                }
            case CMARK_NODE_CODE_BLOCK:
                blocks.append(Block(kind: .codeBlock(info: string(cmark_node_get_fence_info(node)),
                                                     literal: string(cmark_node_get_literal(node))),
                                    span: span(node), depth: depth))
            case CMARK_NODE_HTML_BLOCK:
                blocks.append(Block(kind: .htmlBlock(literal: string(cmark_node_get_literal(node))),
                                    span: span(node), depth: depth))
            case CMARK_NODE_THEMATIC_BREAK:
                blocks.append(Block(kind: .thematicBreak, span: span(node), depth: depth))
            case CMARK_NODE_TEXT:
                inlines.append(.text(string(cmark_node_get_literal(node))))
            case CMARK_NODE_CODE:
                inlines.append(.code(string(cmark_node_get_literal(node))))
            case CMARK_NODE_HTML_INLINE:
                inlines.append(.html(string(cmark_node_get_literal(node))))
            case CMARK_NODE_SOFTBREAK:
                inlines.append(.softBreak)
            case CMARK_NODE_LINEBREAK:
                inlines.append(.lineBreak)
            case CMARK_NODE_EMPH:
                inlines.append(entering ? .emphasisStart : .emphasisEnd)
            case CMARK_NODE_STRONG:
                inlines.append(entering ? .strongStart : .strongEnd)
            case CMARK_NODE_LINK:
                inlines.append(entering ? .linkStart(destination: string(cmark_node_get_url(node))) : .linkEnd)
            case CMARK_NODE_IMAGE:
                inlines.append(entering ? .imageStart(source: string(cmark_node_get_url(node))) : .imageEnd)
            default:
                break
            }
        }
        return blocks
    }
}

/// GFM strike-through (`~~x~~`) on top of plain cmark: `~~` runs inside text are paired
/// left to right; an unpaired `~~` stays text.
enum Strikethrough {
    static func apply(_ inlines: [Inline]) -> [Inline] {
        guard inlines.contains(where: { if case .text(let s) = $0 { s.contains(bytes: "~~") } else { false } }) else {
            return inlines
        }
        // Split text events at each `~~` into marker placeholders.
        var pieces: [Inline?] = [] // nil = a `~~` marker
        for event in inlines {
            guard case .text(let s) = event, s.contains(bytes: "~~") else {
                pieces.append(event)
                continue
            }
            let parts = s.split(separator: "~~", omittingEmptySubsequences: false)
            for (i, part) in parts.enumerated() {
                if i > 0 { pieces.append(nil) }
                if !part.isEmpty { pieces.append(.text(String(part))) }
            }
        }
        let markerCount = pieces.count { $0 == nil }
        var open = false
        var seen = 0
        var out: [Inline] = []
        for piece in pieces {
            if let piece {
                out.append(piece)
                continue
            }
            seen += 1
            if open {
                out.append(.strikethroughEnd)
                open = false
            } else if seen < markerCount {
                out.append(.strikethroughStart)
                open = true
            } else {
                out.append(.text("~~"))
            }
        }
        return out
    }
}
