import DocgenDiagnostics
import DocgenDialects
import DocgenMarkdown

/// `## Values`: an enum's values as a table, bullets or a code-block union, and whether it is open.
extension Extraction {

    /// The values, and whether their own notation says the enum is open (a TypeScript union
    /// ending in `Unrecognized<string>`, or a table's `-` row holding it).
    mutating func valueRows(in body: Range<Int>, heading: SourceLocation) -> (rows: [ValueRow], open: Bool) {
        // Prose may come first (TypeScript 2025–26: "This is an open enum. Unrecognized values
        // will be captured as …", then the code block): the notation is the first other block.
        if let first = body.first(where: { blocks[$0].depth == 0 && !blocks[$0].isParagraph }) {
            switch blocks[first].kind {
            // Newer Python docs list values as bullets of code spans: - `"active"`.
            case .list: return (bulletValues(in: body), false)
            // TypeScript: "A" | "B" | Unrecognized<string> in a code block.
            case .codeBlock(_, let literal): return literalUnion(literal, block: blocks[first].span)
            default: break
            }
        }
        guard let table = firstTable(in: body, section: "Values", heading: heading) else { return ([], false) }
        guard let columns = columnIndex(table, known: ["name", "value", "description"], required: ["value"]) else { return ([], false) }
        var rows: [ValueRow] = []
        rows.reserveCapacity(table.rows.count)
        var open = false
        // Column positions looked up once per table, not three times per row.
        let valueColumn = columns["value"]!, nameColumn = columns["name"]
        for row in table.rows {
            guard let cells = cells(of: row, count: table.header.cells.count) else { continue }
            let valueCell = cells[valueColumn]
            let name = nameColumn.map { MarkdownParser.parseInline(cells[$0].text).plainText.trimmingBlanks }
            // A `-` row that holds "any other value" (TypeScript's `enumFormat: enum`:
            // | - | `Unrecognized<number>` |) makes the enum open.
            if nameColumn.map({ cells[$0].text.trimmingBlanks == "-" }) == true,
               dialect.otherValueMarkers.contains(where: { valueCell.text.contains($0) }) {
                open = true
                continue
            }
            rows.append(ValueRow(name: name, value: valueCell.text, location: location(row.line, (nameColumn.map { cells[$0] } ?? valueCell).column)))
        }
        return (rows, open)
    }

    func bulletValues(in body: Range<Int>) -> [ValueRow] {
        var rows: [ValueRow] = []
        for index in body {
            guard case .paragraph(let content) = blocks[index].kind, blocks[index].depth == 2 else { continue }
            var text = content.plainText.trimmingBlanks
            let quoted = text.count >= 2 && text.first == "\"" && text.last == "\""
            if quoted { text = String(text.dropFirst().dropLast()) }
            rows.append(ValueRow(name: nil, value: text, quoted: quoted,
                                 location: location(blocks[index].span.startLine, blocks[index].span.startColumn)))
        }
        return rows
    }

    /// `"A" | "B" | 0 | Unrecognized<string>`: quoted strings and integers, each located on
    /// its line; `Unrecognized<…>` makes the enum open.
    mutating func literalUnion(_ literal: String, block: LineSpan) -> (rows: [ValueRow], open: Bool) {
        var rows: [ValueRow] = []
        var open = false
        var reportedMalformed = false
        // A fenced block's text starts on the line after the fence; cmark strips each line's
        // indentation, which the columns add back.
        let fence = file.line(block.startLine).drop { $0 == " " }
        let firstLine = fence.hasPrefix("```") || fence.hasPrefix("~~~") ? block.startLine + 1 : block.startLine
        for (offset, line) in literal.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let bytes = Array(line.utf8)
            let number = min(firstLine + offset, max(1, file.lineCount))
            let indent = max(0, file.line(number).utf8.count - bytes.count)
            func location(_ line: Int, _ column: Int) -> SourceLocation { self.location(line, min(column + indent, file.line(line).utf8.count + 1)) }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "|") || byte == UInt8(ascii: "\t") {
                    index += 1
                } else if byte == UInt8(ascii: "\"") {
                    // A JSON-style string: `\"` and `\\` are escapes.
                    let start = index
                    var value: [UInt8] = []
                    index += 1
                    while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                        if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count { index += 1 }
                        value.append(bytes[index])
                        index += 1
                    }
                    index += 1
                    rows.append(ValueRow(name: nil, value: String(decoding: value, as: UTF8.self), quoted: true,
                                         location: location(number, start + 1)))
                } else {
                    let start = index
                    while index < bytes.count, bytes[index] != UInt8(ascii: " "), bytes[index] != UInt8(ascii: "|") { index += 1 }
                    let word = String(decoding: bytes[start..<index], as: UTF8.self)
                    if dialect.otherValueMarkers.contains(where: { word.hasPrefix($0) }) {
                        open = true
                        while index < bytes.count, bytes[index] != UInt8(ascii: "|") { index += 1 }
                    } else if Int(word) != nil {
                        rows.append(ValueRow(name: nil, value: word, location: location(number, start + 1)))
                    } else if !reportedMalformed {
                        // Once per block: a block of something else would otherwise be an error a word.
                        diagnostics.error(.enumMalformedValue, "'\(word)' is neither a quoted string nor an integer",
                                          at: location(number, start + 1))
                        reportedMalformed = true
                    }
                }
            }
        }
        return (rows, open)
    }


    /// The raw type a code block names in the dialect's words (`UnrecognizedInt`), if any.
    func rawTypeMarker(in body: Range<Int>) -> EnumRawTypeWord? {
        guard !dialect.enumRawTypeMarkers.isEmpty else { return nil }
        for index in body {
            guard case .codeBlock(_, let literal) = blocks[index].kind else { continue }
            for marker in dialect.enumRawTypeMarkers.keys.sorted() where literal.contains(marker) {
                return dialect.enumRawTypeMarkers[marker]
            }
        }
        return nil
    }

    /// A code block or a paragraph saying the enum is open, in the dialect's words.
    func hasOpenEnumMarker(in body: Range<Int>) -> Bool {
        body.contains { index in
            let text: String
            switch blocks[index].kind {
            case .codeBlock(_, let literal): text = literal
            case .paragraph(let content): text = content.plainText
            default: return false
            }
            let lower = text.lowercased()
            return dialect.openEnumMarkers.contains { lower.contains($0) }
        }
    }
}
