import DocgenDiagnostics
import DocgenDialects
import DocgenMarkdown

/// `## Fields`: one row a field.
extension Extraction {

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
                diagnostics.error(.fieldEmptyName, "field name is empty", at: nameLocation)
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
            diagnostics.error(.fieldUnknownRequired, "Required cell '\(cell.text)' is neither :heavy_check_mark: nor :heavy_minus_sign:",
                              at: location(line, cell.column))
            return false
        }
    }
}
