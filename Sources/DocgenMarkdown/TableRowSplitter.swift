/// Splits one GFM table line into cells, by the GFM rules: cells are separated by pipes that
/// are not backslash-escaped; a leading and a trailing pipe are optional; `\|` becomes `|`;
/// cells are trimmed of spaces and tabs. Pipes inside code spans also split, as in GFM.
public enum TableRowSplitter {
    public static func split(_ line: Substring) -> [TableCell] {
        let bytes = Array(line.utf8)
        var cells: [TableCell] = []
        var current: [UInt8] = []
        var cellStart = 0
        var index = 0
        var sawPipe = false

        func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }

        // Skip leading blanks and an optional leading pipe.
        while index < bytes.count, isBlank(bytes[index]) { index += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: "|") {
            index += 1
            sawPipe = true
        }
        cellStart = index

        func finishCell(end: Int) {
            var lead = 0
            while lead < current.count, isBlank(current[lead]) { lead += 1 }
            var trail = current.count
            while trail > lead, isBlank(current[trail - 1]) { trail -= 1 }
            let text = String(decoding: current[lead..<trail], as: UTF8.self)
            // Column of the first non-blank source byte: count source bytes, not unescaped ones.
            var column = cellStart
            while column < end, isBlank(bytes[column]) { column += 1 }
            cells.append(TableCell(text: text, column: (column < end ? column : cellStart) + 1))
            current.removeAll(keepingCapacity: true)
        }

        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\\"), index + 1 < bytes.count {
                // An escape pair is consumed whole, so `\\|` ends a cell as in cmark-gfm.
                if bytes[index + 1] != UInt8(ascii: "|") { current.append(b) }
                current.append(bytes[index + 1])
                index += 2
                continue
            }
            if b == UInt8(ascii: "|") {
                finishCell(end: index)
                sawPipe = true
                index += 1
                cellStart = index
                continue
            }
            current.append(b)
            index += 1
        }
        // A trailing pipe leaves an empty remainder that is not a cell.
        if !current.allSatisfy(isBlank) || cells.isEmpty || !sawPipe {
            finishCell(end: bytes.count)
        }
        return cells
    }

    /// True when the line contains a pipe that is not backslash-escaped.
    public static func hasUnescapedPipe(_ line: Substring) -> Bool {
        var escaped = false
        for b in line.utf8 {
            if escaped { escaped = false; continue }
            if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "|") { return true }
        }
        return false
    }

    /// The alignments of a delimiter row (`| :--- | ---: |`), or `nil` when the line is not one.
    public static func delimiterRow(_ line: Substring) -> [Table.Alignment]? {
        guard line.utf8.contains(UInt8(ascii: "-")) else { return nil }
        let cells = split(line)
        guard !cells.isEmpty else { return nil }
        // Without any pipe a lone `---` is a thematic break or setext underline, not a table.
        guard hasUnescapedPipe(line) else { return nil }
        var result: [Table.Alignment] = []
        for cell in cells {
            var text = Substring(cell.text)
            let left = text.hasPrefix(":")
            if left { text = text.dropFirst() }
            let right = text.hasSuffix(":")
            if right { text = text.dropLast() }
            guard !text.isEmpty, text.allSatisfy({ $0 == "-" }) else { return nil }
            result.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return result
    }
}
