import DocgenDiagnostics
import DocgenDialects
import DocgenMarkdown

/// The tables of a section: the first one, its columns by header name, its rows' cells.
extension Extraction {

    mutating func firstTable(in body: Range<Int>, section: String, heading: SourceLocation) -> Table? {
        for index in body where blocks[index].depth == 0 {
            if case .table(let table) = blocks[index].kind { return table }
        }
        diagnostics.error(.sectionNoTable, "'\(section)' section has no table", at: heading)
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
                diagnostics.error(.tableDuplicateColumn, "column '\(cell.text)' appears twice", at: location(table.header.line, cell.column),
                                  notes: [.init("first appears here", at: location(table.header.line, table.header.cells[first].column))])
            } else if known.contains(name) {
                index.add(name, at: position)
            } else {
                diagnostics.warning(.tableUnknownColumn, "column '\(cell.text)' is not one docgen reads; it is ignored",
                                    at: location(table.header.line, cell.column))
                index.add(name, at: position)
            }
        }
        let missing = required.filter { index[$0] == nil }
        for name in missing {
            diagnostics.error(.tableMissingColumn, "table has no '\(name.capitalizedFirst)' column",
                              at: location(table.header.line, table.header.cells.first?.column ?? 1))
        }
        return missing.isEmpty ? index : nil
    }

    /// The row's cells when it has exactly as many as the header; otherwise a located error.
    mutating func cells(of row: TableRow, count: Int) -> [TableCell]? {
        if row.cells.count < count {
            diagnostics.error(.tableRaggedRow, "row has \(row.cells.count) cells but the header has \(count)",
                              at: location(row.line, row.cells.last.map { $0.column + $0.text.utf8.count } ?? 1))
            return nil
        }
        if row.cells.count > count {
            diagnostics.error(.tableExtraCells, "row has \(row.cells.count) cells but the header has \(count); escape a '|' inside a cell as '\\|'",
                              at: location(row.line, row.cells[count].column))
            return nil
        }
        return row.cells
    }


    /// A `Fields` table with Name and Type columns but no Field or Required column: the SDK's
    /// settings (`utils/retryconfig.md`), not a model.
    func isSettingsTable(in body: Range<Int>) -> Bool {
        guard let index = body.first(where: { blocks[$0].depth == 0 }), case .table(let table) = blocks[index].kind else { return false }
        // A handful of columns: an array search, not a Set's hashing.
        let names = table.header.cells.map { $0.text.trimmingBlanks.lowercased() }
        return names.contains("name") && names.contains("type") && !names.contains("field") && !names.contains("required")
    }
}
