#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DocgenDiagnostics
import DocgenDialects
import DocgenMarkdown

/// `MarkdownDocument` → `DocPage`: finds the title, the description and the one schema
/// section, and maps table columns by header name. Purely syntactic; types are resolved later.
/// The dialect says where MDX keeps the title, which pages are not models and what marks an
/// enum open; the sections and their shapes are the same in every language.
public enum PageExtractor {
    public static func extract(_ document: MarkdownDocument, from file: SourceFile, dialect: Dialect,
                               diagnostics: inout Diagnostics) -> DocPage {
        var extractor = Extraction(file: file, blocks: document.blocks, dialect: dialect)
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
    let dialect: Dialect
    var diagnostics = Diagnostics()

    init(file: SourceFile, blocks: [Block], dialect: Dialect) {
        self.file = file
        self.blocks = blocks
        self.dialect = dialect
    }

    func location(_ line: Int, _ column: Int) -> SourceLocation {
        file.location(line: line, column: column)
    }

    mutating func run() -> DocPage {
        var index = 0
        // Title: the first top-level `#` heading, which must come before any section; in MDX,
        // the front matter's `title:` (its lines are not Markdown, so their blocks are skipped).
        var title = ""
        var titleLocation = location(1, 1)
        var deprecation: Deprecation?
        let frontMatter = dialect.frontMatterTitles ? self.frontMatter() : nil
        if let frontMatter {
            index = blocks.firstIndex { $0.span.startLine > frontMatter.endLine } ?? blocks.count
        }
        if let frontMatter, let frontTitle = frontMatter.title {
            title = frontTitle.text
            titleLocation = frontTitle.location
        } else if let first = blocks[index...].firstIndex(where: { $0.depth == 0 }),
           case .heading(1, let content) = blocks[first].kind {
            title = content.plainText.trimmingBlanks
            titleLocation = location(blocks[first].span.startLine, blocks[first].span.startColumn)
            if content.contains(.strikethroughStart) { deprecation = Deprecation(message: nil) }
            index = first + 1
        } else {
            title = titleFromPath(file.relativePath)
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

        // An SDK group's operations page: its own shape, no schema sections.
        if dialect.isOperationPage(file.relativePath) {
            return DocPage(path: file.relativePath, title: title, titleLocation: titleLocation, deprecation: nil,
                           description: description, content: .operations(operationSections(from: index)))
        }

        // Sections.
        var content: DocPage.Content = .none
        var contentLocation: SourceLocation?
        var openEnum = false
        var notAModel = false
        let hasSections = blocks[index...].contains { if $0.depth == 0, case .heading(let level, _) = $0.kind, level <= 2 { true } else { false } }
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
            case .fields:
                if isSettingsTable(in: body) { notAModel = true } else {
                    sectionContent = .fields(fieldRows(in: body, heading: headingLocation))
                }
            case .values:
                let (rows, open) = valueRows(in: body, heading: headingLocation)
                sectionContent = .values(rows, open: open || hasOpenEnumMarker(in: body))
            case .supportedTypes: sectionContent = .supportedTypes(variants(in: body, heading: headingLocation))
            case .exampleUsage: openEnum = openEnum || hasOpenEnumMarker(in: body)
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
        if case .values(let rows, let open) = content { content = .values(rows, open: open || openEnum) }
        if dialect.isNotModel(file.relativePath) {
            content = .none
            diagnostics.note("page.not-a-model", "'\(file.relativePath)' is the SDK's own page, not a model; skipped", at: titleLocation)
        } else if notAModel {
            content = .none
            diagnostics.note("page.not-a-model", "its table has Name and Type columns but no Field or Required: SDK settings, not a model; skipped",
                             at: titleLocation)
        } else if case .none = content, dialect.titleOnlyDocsAreUnions, !hasSections {
            content = .supportedTypes([]) // a union: the links to it spell its members
        } else if case .none = content {
            diagnostics.warning("page.no-schema-section", "document has no 'Fields', 'Values' or 'Supported Types' section; it is not a model", at: titleLocation)
        }
        return DocPage(path: file.relativePath, title: title, titleLocation: titleLocation,
                       deprecation: deprecation, description: description, content: content)
    }

    // MARK: - Fields

    mutating func fieldRows(in body: Range<Int>, heading: SourceLocation, section: String = "Fields", nameColumn: String = "field") -> [FieldRow] {
        guard let table = firstTable(in: body, section: section, heading: heading) else { return [] }
        guard let columns = columnIndex(table, known: [nameColumn, "type", "required", "description", "example"],
                                        required: [nameColumn, "type", "required"]) else { return [] }
        var rows: [FieldRow] = []
        // Column positions looked up once per table, not once per row.
        let fieldColumn = columns[nameColumn]!, typeColumn = columns["type"]!, requiredColumn = columns["required"]!
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

    // MARK: - Operations

    /// `## method` sections from `start` on (`## Overview` is not one), each with its
    /// `### Parameters`, `### Response` and `### Errors`.
    mutating func operationSections(from start: Int) -> [OperationSection] {
        var sections: [OperationSection] = []
        var index = start
        func isHeading(_ block: Block, upTo level: Int) -> Int? {
            if block.depth == 0, case .heading(let l, _) = block.kind, l <= level { l } else { nil }
        }
        while index < blocks.count {
            guard isHeading(blocks[index], upTo: 2) == 2, case .heading(_, let heading) = blocks[index].kind else {
                index += 1
                continue
            }
            let method = heading.plainText.trimmingBlanks
            let methodLocation = location(blocks[index].span.startLine, headingTextColumn(blocks[index].span.startLine))
            let end = blocks[(index + 1)...].firstIndex { isHeading($0, upTo: 2) != nil } ?? blocks.count
            defer { index = end }
            guard method.lowercased() != "overview", !method.isEmpty else { continue }
            var section = OperationSection(method: method, location: methodLocation, parameters: [], response: nil,
                                           responseLocation: nil, errors: [])
            var sub = index + 1
            while sub < end {
                guard isHeading(blocks[sub], upTo: 3) == 3, case .heading(_, let subheading) = blocks[sub].kind else {
                    sub += 1
                    continue
                }
                let subEnd = blocks[(sub + 1)..<end].firstIndex { isHeading($0, upTo: 3) != nil } ?? end
                let body = (sub + 1)..<subEnd
                let subLocation = location(blocks[sub].span.startLine, blocks[sub].span.startColumn)
                let name = subheading.plainText.trimmingBlanks.lowercased()
                if name.hasPrefix("example usage"), section.call.isEmpty,
                   let code = firstCode(in: body) {
                    section.call = UsageSnippet.call(of: method, in: code)
                }
                switch name {
                case "parameters":
                    section.parameters = fieldRows(in: body, heading: subLocation, section: "Parameters", nameColumn: "parameter")
                case "response":
                    if let paragraph = body.first(where: { if case .paragraph = blocks[$0].kind { true } else { false } }),
                       case .paragraph(let content) = blocks[paragraph].kind {
                        section.response = content
                        section.responseLocation = location(blocks[paragraph].span.startLine, blocks[paragraph].span.startColumn)
                    }
                case "errors":
                    let tables = body.compactMap { position -> Table? in if case .table(let table) = blocks[position].kind { table } else { nil } }
                    if let table = tables.first {
                        section.errors = table.rows.compactMap { row in
                            row.cells.first.map { (MarkdownParser.parseInline($0.text).plainText.trimmingBlanks, location(row.line, $0.column)) }
                        }
                    }
                default: break
                }
                sub = subEnd
            }
            sections.append(section)
        }
        return sections
    }

    func firstCode(in body: Range<Int>) -> String? {
        for position in body { if case .codeBlock(_, let literal) = blocks[position].kind { return literal } }
        return nil
    }

    // MARK: - Values

    /// The values, and whether their own notation says the enum is open (a TypeScript union
    /// ending in `Unrecognized<string>`, or a table's `-` row holding it).
    mutating func valueRows(in body: Range<Int>, heading: SourceLocation) -> (rows: [ValueRow], open: Bool) {
        if let first = body.first(where: { blocks[$0].depth == 0 }) {
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
                        diagnostics.error("enum.malformed-value", "'\(word)' is neither a quoted string nor an integer",
                                          at: location(number, start + 1))
                        reportedMalformed = true
                    }
                }
            }
        }
        return (rows, open)
    }

    // MARK: - Supported Types and Example Usage

    mutating func variants(in body: Range<Int>, heading: SourceLocation) -> [VariantHeading] {
        var result: [VariantHeading] = []
        for index in body {
            if case .codeBlock(_, let literal) = blocks[index].kind, var last = result.last, last.code == nil {
                last.code = literal
                last.codeLocation = location(blocks[index].span.startLine + 1, 1)
                result[result.count - 1] = last
            }
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

    /// A `Fields` table with Name and Type columns but no Field or Required column: the SDK's
    /// settings (`utils/retryconfig.md`), not a model.
    func isSettingsTable(in body: Range<Int>) -> Bool {
        guard let index = body.first(where: { blocks[$0].depth == 0 }), case .table(let table) = blocks[index].kind else { return false }
        // A handful of columns: an array search, not a Set's hashing.
        let names = table.header.cells.map { $0.text.trimmingBlanks.lowercased() }
        return names.contains("name") && names.contains("type") && !names.contains("field") && !names.contains("required")
    }

    /// YAML front matter (`---` … `---` from line 1): its last line and its `title:`.
    func frontMatter() -> (endLine: Int, title: (text: String, location: SourceLocation)?)? {
        guard file.lineCount >= 2, file.line(1).trimmingBlanks == "---" else { return nil }
        var title: (String, SourceLocation)?
        for number in 2...file.lineCount {
            let line = file.line(number)
            if line.trimmingBlanks == "---" { return (number, title) }
            guard line.hasPrefix("title:") else { continue }
            var value = line.dropFirst("title:".count).trimmingBlanks
            if value.count >= 2, let quote = value.first, quote == "\"" || quote == "'", value.last == quote {
                value = String(value.dropFirst().dropLast())
            }
            title = (value, location(number, 1))
        }
        return nil
    }

    // MARK: - Tables

    mutating func firstTable(in body: Range<Int>, section: String, heading: SourceLocation) -> Table? {
        for index in body where blocks[index].depth == 0 {
            if case .table(let table) = blocks[index].kind { return table }
        }
        diagnostics.error("section.no-table", "'\(section)' section has no table", at: heading)
        return nil
    }

    /// Lower-cased header names and their column indexes, in header order. A table has a
    /// handful of columns: a linear search beats hashing each name.
    struct Columns {
        private(set) var entries: [(name: String, position: Int)] = []

        init(capacity: Int) { entries.reserveCapacity(capacity) }

        subscript(name: String) -> Int? { entries.first { $0.name == name }?.position }

        /// `name` must not be present yet.
        mutating func add(_ name: String, at position: Int) { entries.append((name, position)) }
    }

    /// Maps lower-cased header names to column indexes; reports missing and duplicated columns.
    mutating func columnIndex(_ table: Table, known: [String], required: [String]) -> Columns? {
        var index = Columns(capacity: table.header.cells.count)
        for (position, cell) in table.header.cells.enumerated() {
            let name = cell.text.trimmingBlanks.lowercased()
            if let first = index[name] {
                diagnostics.error("table.duplicate-column", "column '\(cell.text)' appears twice", at: location(table.header.line, cell.column),
                                  notes: [.init("first appears here", at: location(table.header.line, table.header.cells[first].column))])
            } else if known.contains(name) {
                index.add(name, at: position)
            } else {
                diagnostics.warning("table.unknown-column", "column '\(cell.text)' is not one docgen reads; it is ignored",
                                    at: location(table.header.line, cell.column))
                index.add(name, at: position)
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
        guard text.contains(bytes: "DEPRECATED"), let range = asciiBoundedRange(of: "DEPRECATED", in: text) ?? text.firstRange(of: "DEPRECATED") else { return nil }
        let after = text[range.upperBound...].drop { $0 == "*" || $0 == " " || $0 == ":" }
        return String(after).trimmingBlanks
    }

    /// The first occurrence of the ASCII `needle` in the bytes, when its neighbours are ASCII:
    /// then it is also the first Character match (no combining mark or prepended character can
    /// join it), found by memchr instead of `firstRange`'s Character walk (~30k instructions a
    /// description). `nil` otherwise, and `firstRange` decides.
    static func asciiBoundedRange(of needle: StaticString, in text: String) -> Range<String.Index>? {
        var text = text
        let found: Int? = text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, bytes.count >= needle.utf8CodeUnitCount else { return nil }
            let count = needle.utf8CodeUnitCount
            var index = 0
            while index <= bytes.count - count, let hit = memchr(base + index, Int32(needle.utf8Start[0]), bytes.count - count - index + 1) {
                index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + index, needle.utf8Start, count) == 0 {
                    let asciiBefore = index == 0 || bytes[index - 1] < 0x80
                    let asciiAfter = index + count == bytes.count || bytes[index + count] < 0x80
                    return asciiBefore && asciiAfter ? index : nil
                }
                index += 1
            }
            return nil
        }
        guard let found else { return nil }
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: found)
        return lower..<utf8.index(lower, offsetBy: needle.utf8CodeUnitCount)
    }

    /// Cell Markdown as prose: `<br/>` becomes a line break.
    static func cleanText(_ text: String) -> String {
        // Most cells have neither: no copy at all, as below.
        if !text.contains(bytes: "<br"), !text.contains(bytes: "\n") { return text.trimmingBlanks }
        if let clean = asciiEdgedCleanText(text) { return clean }
        var out = text
        if text.contains(bytes: "<br") {
            out = out.replacing(bytes: "<br/>", with: "\n").replacing(bytes: "<br />", with: "\n").replacing(bytes: "<br>", with: "\n")
        }
        guard out.contains(bytes: "\n") else { return out.trimmingBlanks }
        return out.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingBlanks }.joined(separator: "\n").trimmingBlanks
    }

    /// `cleanText` in one pass over the bytes, for the usual cell: replacing, splitting and
    /// trimming through `String` walked Characters and cost ~8k instructions a cell. Bytes
    /// agree with Characters here only when every `<br…>` and every trimmed line edge has ASCII
    /// neighbours (no combining mark can join them) and there is no CR (`\r\n` is one
    /// Character); otherwise `nil`, and the String path decides.
    static func asciiEdgedCleanText(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            let lt = UInt8(ascii: "<"), newline = UInt8(ascii: "\n")
            func isASCIIBlank(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
            func matches(_ pattern: StaticString, at index: Int) -> Bool {
                let count = pattern.utf8CodeUnitCount
                guard index + count <= bytes.count else { return false }
                let start = pattern.utf8Start
                for offset in 0..<count where bytes[index + offset] != start[offset] { return false }
                return true
            }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            // `<br/>`, `<br />`, `<br>` → a line end. Each starts at its only `<`, so matches never
            // overlap and one scan does what the three replacements in turn do.
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0D { return nil }
                if byte == lt {
                    var length = 0
                    if matches("<br/>", at: index) { length = 5 } else if matches("<br />", at: index) { length = 6 } else if matches("<br>", at: index) { length = 4 }
                    if length > 0 {
                        if index > 0, bytes[index - 1] >= 0x80 { return nil }
                        if index + length < bytes.count, bytes[index + length] >= 0x80 { return nil }
                        out.append(newline)
                        index += length
                        continue
                    }
                }
                out.append(byte)
                index += 1
            }
            // Each line trimmed, then the whole: lines whose edges are ASCII after trimming (a
            // non-ASCII edge may be Unicode white space). Lines left empty drop off the ends.
            var result: [UInt8] = []
            result.reserveCapacity(out.count)
            var pendingNewlines = 0
            var lineStart = 0
            while lineStart <= out.count {
                var lineEnd = lineStart
                while lineEnd < out.count, out[lineEnd] != newline { lineEnd += 1 }
                var lower = lineStart, upper = lineEnd
                while lower < upper, isASCIIBlank(out[lower]) { lower += 1 }
                while upper > lower, isASCIIBlank(out[upper - 1]) { upper -= 1 }
                if lower < upper {
                    if out[lower] >= 0x80 || out[upper - 1] >= 0x80 { return nil }
                    if !result.isEmpty { result.append(contentsOf: repeatElement(newline, count: pendingNewlines)) }
                    result.append(contentsOf: out[lower..<upper])
                    pendingNewlines = 0
                }
                pendingNewlines += 1
                lineStart = lineEnd + 1
            }
            return String(decoding: result, as: UTF8.self)
        }
    }

    func titleFromPath(_ path: String) -> String {
        String(dialect.stem(path.split(separator: "/").last.map(String.init) ?? path))
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

/// What an operation's usage snippet says about the call, in any SDK language: the client
/// class is the first capitalised name called without a receiver (`Meitner(`, `new Unkey(`),
/// the accessors the dotted chain that ends in the method (`m_client.units.list(`, less the
/// client variable; Java's `sdk.units().list()` too).
enum UsageSnippet {
    static func call(of method: String, in code: String) -> [String] {
        let bytes = Array(code.utf8)
        func isIdentifier(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "_") || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
        }
        // Identifier runs with what follows and precedes them.
        var client: String?
        var chain: [String] = []
        var index = 0
        while index < bytes.count {
            guard isIdentifier(bytes[index]) else { index += 1; continue }
            let start = index
            while index < bytes.count, isIdentifier(bytes[index]) { index += 1 }
            let name = String(decoding: bytes[start..<index], as: UTF8.self)
            let calls = index < bytes.count && bytes[index] == UInt8(ascii: "(")
            let hasReceiver = start > 0 && bytes[start - 1] == UInt8(ascii: ".")
            if client == nil, calls, !hasReceiver, let first = name.unicodeScalars.first, ("A"..."Z").contains(first) {
                client = name
            }
            if calls, hasReceiver, name == method, chain.isEmpty {
                // Walk back over `a.b().c.` to the chain's start.
                var parts = [name]
                var cursor = start - 1 // at the dot
                while cursor > 0, bytes[cursor] == UInt8(ascii: ".") {
                    var end = cursor
                    if end >= 2, bytes[end - 1] == UInt8(ascii: ")"), bytes[end - 2] == UInt8(ascii: "(") { end -= 2 }
                    var begin = end
                    while begin > 0, isIdentifier(bytes[begin - 1]) { begin -= 1 }
                    guard begin < end else { break }
                    parts.insert(String(decoding: bytes[begin..<end], as: UTF8.self), at: 0)
                    cursor = begin - 1
                    if cursor < 0 { break }
                }
                chain = Array(parts.dropFirst()) // the client variable
            }
        }
        guard let client, !chain.isEmpty else { return [] }
        return [client] + chain
    }
}
