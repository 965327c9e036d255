import DocgenDiagnostics
import DocgenMarkdown

/// `MarkdownDocument` → `DocPage`: finds the title, the description and the one schema
/// section, and maps table columns by header name. Purely syntactic; types are resolved later.
public enum PageExtractor {
    public static func extract(_ document: MarkdownDocument, from file: SourceFile,
                               diagnostics: inout Diagnostics) -> DocPage {
        var extractor = Extraction(file: file, blocks: document.blocks)
        let page = extractor.run()
        diagnostics.append(contentsOf: extractor.diagnostics)
        return page
    }
}

/// The known `##` sections. Anything else (`## Example Usage` aside) is prose.
enum SectionName: String {
    case fields = "fields"
    case values = "values"
    case supportedTypes = "supported types"
    case exampleUsage = "example usage"
}

private struct Extraction {
    let file: SourceFile
    let blocks: [Block]
    var diagnostics = Diagnostics()

    init(file: SourceFile, blocks: [Block]) {
        self.file = file
        self.blocks = blocks
    }

    func location(_ line: Int, _ column: Int) -> SourceLocation {
        file.location(line: line, column: column)
    }

    mutating func run() -> DocPage {
        var index = 0
        // Title: the first top-level `#` heading, which must come before any section.
        var title = ""
        var titleLocation = location(1, 1)
        var deprecation: Deprecation?
        if let first = blocks.firstIndex(where: { $0.depth == 0 }),
           case .heading(1, let content) = blocks[first].kind {
            title = content.plainText.trimmingBlanks
            titleLocation = location(blocks[first].span.startLine, blocks[first].span.startColumn)
            if content.contains(.strikethroughStart) { deprecation = Deprecation(message: nil) }
            index = first + 1
        } else {
            title = Self.titleFromPath(file.relativePath)
            diagnostics.warning("page.no-title", "document has no '# Title' on its first line; using '\(title)' from the file name", at: location(1, 1))
        }

        // Description: the top-level blocks up to the first `##`, minus a deprecation notice.
        var proseLines: [(Int, Int)] = []
        while index < blocks.count {
            let block = blocks[index]
            if block.depth == 0, case .heading(let level, _) = block.kind, level <= 2 { break }
            if block.depth == 0 {
                if case .blockQuote = block.kind, let message = deprecationNotice(quoteAt: index) {
                    deprecation = Deprecation(message: message ?? deprecation?.message)
                } else {
                    proseLines.append((block.span.startLine, block.span.endLine))
                }
            }
            index += 1
        }
        let description = proseLines.map { lines($0.0, $0.1) }.joined(separator: "\n\n")

        // Sections.
        var content: DocPage.Content = .none
        var contentLocation: SourceLocation?
        var openEnum = false
        while index < blocks.count {
            let block = blocks[index]
            guard block.depth == 0, case .heading(let level, let heading) = block.kind, level <= 2 else {
                index += 1
                continue
            }
            let headingLocation = location(block.span.startLine, block.span.startColumn)
            let end = blocks[(index + 1)...].firstIndex {
                if $0.depth == 0, case .heading(let l, _) = $0.kind, l <= 2 { true } else { false }
            } ?? blocks.count
            let body = (index + 1)..<end
            let name = SectionName(rawValue: heading.plainText.trimmingBlanks.lowercased())
            var sectionContent: DocPage.Content?
            switch name {
            case .fields: sectionContent = .fields(fieldRows(in: body, heading: headingLocation))
            case .values: sectionContent = .values(valueRows(in: body, heading: headingLocation), open: false)
            case .supportedTypes: sectionContent = .supportedTypes(variants(in: body, heading: headingLocation))
            case .exampleUsage: openEnum = openEnum || hasOpenEnumComment(in: body)
            case nil: break
            }
            if let sectionContent {
                if let contentLocation {
                    diagnostics.error("page.conflicting-sections", "a document describes one type; this second schema section is ignored",
                                      at: headingLocation, notes: [.init("first schema section is here", at: contentLocation)])
                } else {
                    content = sectionContent
                    contentLocation = headingLocation
                }
            }
            index = end
        }
        if case .values(let rows, _) = content { content = .values(rows, open: openEnum) }
        if case .none = content {
            diagnostics.warning("page.no-schema-section", "document has no 'Fields', 'Values' or 'Supported Types' section; it is not a model", at: titleLocation)
        }
        return DocPage(path: file.relativePath, title: title, titleLocation: titleLocation,
                       deprecation: deprecation, description: description, content: content)
    }

    // MARK: - Fields

    mutating func fieldRows(in body: Range<Int>, heading: SourceLocation) -> [FieldRow] {
        guard let table = firstTable(in: body, section: "Fields", heading: heading) else { return [] }
        guard let columns = columnIndex(table, known: ["field", "type", "required", "description", "example"],
                                        required: ["field", "type", "required"]) else { return [] }
        var rows: [FieldRow] = []
        // Column positions looked up once per table, not once per row.
        let fieldColumn = columns["field"]!, typeColumn = columns["type"]!, requiredColumn = columns["required"]!
        let descriptionColumn = columns["description"], exampleColumn = columns["example"]
        let valid = table.rows.compactMap { row in cells(of: row, count: table.header.cells.count).map { (row, $0) } }
        // Every Field and Type cell of the table read together (at most one cmark parse).
        var nameAndTypeCells: [String] = []
        nameAndTypeCells.reserveCapacity(2 * valid.count)
        for (_, cells) in valid {
            nameAndTypeCells.append(cells[fieldColumn].text)
            nameAndTypeCells.append(cells[typeColumn].text)
        }
        let inlines = MarkdownParser.parseInlines(nameAndTypeCells)
        rows.reserveCapacity(valid.count)
        for (index, (row, cells)) in valid.enumerated() {
            let nameCell = cells[fieldColumn]
            let nameInlines = inlines[2 * index]
            let name = nameInlines.plainText.trimmingBlanks
            let nameLocation = location(row.line, nameCell.column)
            if name.isEmpty {
                diagnostics.error("field.empty-name", "field name is empty", at: nameLocation)
                continue
            }
            let typeCell = cells[typeColumn]
            let requiredCell = cells[requiredColumn]
            let description = descriptionColumn.map { Self.cleanText(cells[$0].text) } ?? ""
            var deprecation: Deprecation?
            if nameInlines.contains(.strikethroughStart) { deprecation = Deprecation(message: nil) }
            if let message = Self.deprecationMessage(in: description) {
                deprecation = Deprecation(message: message.isEmpty ? nil : message)
            }
            rows.append(FieldRow(
                name: name,
                nameLocation: nameLocation,
                type: inlines[2 * index + 1],
                typeLocation: location(row.line, typeCell.column),
                required: required(requiredCell, line: row.line),
                description: description == "N/A" ? "" : description,
                deprecation: deprecation,
                example: exampleColumn.map { Self.cleanText(cells[$0].text) }.flatMap { $0.isEmpty ? nil : $0 }))
        }
        return rows
    }

    mutating func required(_ cell: TableCell, line: Int) -> Bool {
        // Speakeasy's own two spellings first: an exact compare, no case folding.
        if cell.text == ":heavy_check_mark:" { return true }
        if cell.text == ":heavy_minus_sign:" { return false }
        switch cell.text.trimmingBlanks.lowercased() {
        case ":heavy_check_mark:", "✔️", "✔", "✓", "yes", "true", "required": return true
        case ":heavy_minus_sign:", "➖", "-", "no", "false", "optional": return false
        default:
            diagnostics.error("field.unknown-required", "Required cell '\(cell.text)' is neither :heavy_check_mark: nor :heavy_minus_sign:",
                              at: location(line, cell.column))
            return false
        }
    }

    // MARK: - Values

    mutating func valueRows(in body: Range<Int>, heading: SourceLocation) -> [ValueRow] {
        // Newer Python docs list values as bullets of code spans: - `"active"`.
        if let list = body.first(where: { blocks[$0].depth == 0 }), case .list = blocks[list].kind {
            return bulletValues(in: body)
        }
        guard let table = firstTable(in: body, section: "Values", heading: heading) else { return [] }
        guard let columns = columnIndex(table, known: ["name", "value", "description"], required: ["value"]) else { return [] }
        var rows: [ValueRow] = []
        for row in table.rows {
            guard let cells = cells(of: row, count: table.header.cells.count) else { continue }
            let valueCell = cells[columns["value"]!]
            let name = columns["name"].map { MarkdownParser.parseInline(cells[$0].text).plainText.trimmingBlanks }
            rows.append(ValueRow(name: name, value: valueCell.text, location: location(row.line, (columns["name"].map { cells[$0] } ?? valueCell).column)))
        }
        return rows
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

    // MARK: - Supported Types and Example Usage

    mutating func variants(in body: Range<Int>, heading: SourceLocation) -> [VariantHeading] {
        var result: [VariantHeading] = []
        for index in body {
            guard blocks[index].depth == 0, case .heading(3, let content) = blocks[index].kind else { continue }
            let line = blocks[index].span.startLine
            result.append(VariantHeading(type: content, location: location(line, headingTextColumn(line))))
        }
        if result.isEmpty {
            diagnostics.error("union.no-variants", "'Supported Types' lists no '### `Type`' headings", at: heading)
        }
        return result
    }

    /// The column where an ATX heading's text starts: after the `#` run and its blanks (the
    /// line's end + 1 for an empty heading, so the location stays on the line).
    func headingTextColumn(_ line: Int) -> Int {
        let bytes = Array(file.line(line).utf8)
        var index = 0
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        while index < bytes.count, bytes[index] == UInt8(ascii: "#") { index += 1 }
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        return index + 1
    }

    func hasOpenEnumComment(in body: Range<Int>) -> Bool {
        body.contains { index in
            if case .codeBlock(_, let literal) = blocks[index].kind {
                return literal.split(separator: "\n").contains { $0.lowercased().contains("open enum") }
            }
            return false
        }
    }

    // MARK: - Tables

    mutating func firstTable(in body: Range<Int>, section: String, heading: SourceLocation) -> Table? {
        for index in body where blocks[index].depth == 0 {
            if case .table(let table) = blocks[index].kind { return table }
        }
        diagnostics.error("section.no-table", "'\(section)' section has no table", at: heading)
        return nil
    }

    /// Maps lower-cased header names to column indexes; reports missing and duplicated columns.
    mutating func columnIndex(_ table: Table, known: [String], required: [String]) -> [String: Int]? {
        var index: [String: Int] = [:]
        for (position, cell) in table.header.cells.enumerated() {
            let name = cell.text.trimmingBlanks.lowercased()
            let here = location(table.header.line, cell.column)
            if let first = index[name] {
                diagnostics.error("table.duplicate-column", "column '\(cell.text)' appears twice", at: here,
                                  notes: [.init("first appears here", at: location(table.header.line, table.header.cells[first].column))])
            } else if known.contains(name) {
                index[name] = position
            } else {
                diagnostics.warning("table.unknown-column", "column '\(cell.text)' is not one docgen reads; it is ignored", at: here)
                index[name] = position
            }
        }
        let missing = required.filter { index[$0] == nil }
        for name in missing {
            diagnostics.error("table.missing-column", "table has no '\(name.capitalizedFirst)' column",
                              at: location(table.header.line, table.header.cells.first?.column ?? 1))
        }
        return missing.isEmpty ? index : nil
    }

    /// The row's cells when it has exactly as many as the header; otherwise a located error.
    mutating func cells(of row: TableRow, count: Int) -> [TableCell]? {
        if row.cells.count < count {
            diagnostics.error("table.ragged-row", "row has \(row.cells.count) cells but the header has \(count)",
                              at: location(row.line, row.cells.last.map { $0.column + $0.text.utf8.count } ?? 1))
            return nil
        }
        if row.cells.count > count {
            diagnostics.error("table.extra-cells", "row has \(row.cells.count) cells but the header has \(count); escape a '|' inside a cell as '\\|'",
                              at: location(row.line, row.cells[count].column))
            return nil
        }
        return row.cells
    }

    // MARK: - Text

    func lines(_ first: Int, _ last: Int) -> String {
        (first...last).map { file.line($0).trimmingTrailingBlanks }.joined(separator: "\n")
    }

    /// For a top-level block quote at `index`: `.some(message)` when it is a deprecation notice.
    func deprecationNotice(quoteAt index: Int) -> String?? {
        let text = lines(blocks[index].span.startLine, blocks[index].span.endLine)
        guard let message = Self.deprecationMessage(in: text) else { return nil }
        let stripped = message.split(separator: "\n").map { line in
            line.hasPrefix(">") ? String(line.dropFirst().drop(while: { $0 == " " })) : String(line)
        }.joined(separator: " ").trimmingBlanks
        return .some(stripped.isEmpty ? nil : stripped)
    }

    /// `nil` when the text carries no DEPRECATED marker; otherwise the text after it.
    static func deprecationMessage(in text: String) -> String? {
        guard text.contains(bytes: "DEPRECATED"), let range = text.firstRange(of: "DEPRECATED") else { return nil }
        let after = text[range.upperBound...].drop { $0 == "*" || $0 == " " || $0 == ":" }
        return String(after).trimmingBlanks
    }

    /// Cell Markdown as prose: `<br/>` becomes a line break.
    static func cleanText(_ text: String) -> String {
        var out = text
        if text.contains(bytes: "<br") {
            out = out.replacing(bytes: "<br/>", with: "\n").replacing(bytes: "<br />", with: "\n").replacing(bytes: "<br>", with: "\n")
        }
        guard out.contains(bytes: "\n") else { return out.trimmingBlanks }
        return out.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingBlanks }.joined(separator: "\n").trimmingBlanks
    }

    static func titleFromPath(_ path: String) -> String {
        let base = path.split(separator: "/").last.map(String.init) ?? path
        return base.hasSuffix(".md") ? String(base.dropLast(3)) : base
    }
}

extension StringProtocol {
    var trimmingBlanks: String {
        let text = String(self)
        if let first = text.utf8.first, let last = text.utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return text // nothing to trim: the common case
        }
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(text.unicodeScalars[start...end])
    }

    var trimmingTrailingBlanks: String {
        let text = String(self)
        guard let end = text.unicodeScalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(text.unicodeScalars[...end])
    }

    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
