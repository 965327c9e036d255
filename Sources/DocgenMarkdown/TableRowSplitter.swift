#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits one GFM table line into cells, by the GFM rules: cells are separated by pipes that
/// are not backslash-escaped; a leading and a trailing pipe are optional; `\|` becomes `|`;
/// cells are trimmed of spaces and tabs. Pipes inside code spans also split, as in GFM.
public enum TableRowSplitter {
    public static func split(_ line: Substring) -> [TableCell] {
        if let cells = line.utf8.withContiguousStorageIfAvailable(split) { return cells }
        return Array(line.utf8).withUnsafeBufferPointer(split)
    }

    static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> [TableCell] {
        func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
        let pipe = UInt8(ascii: "|"), backslash = UInt8(ascii: "\\")
        var cells: [TableCell] = []
        cells.reserveCapacity(8) // one allocation for a usual row, not four growing ones
        var index = 0
        var sawPipe = false
        // Skip leading blanks and an optional leading pipe.
        while index < bytes.count, isBlank(bytes[index]) { index += 1 }
        if index < bytes.count, bytes[index] == pipe {
            index += 1
            sawPipe = true
        }
        var cellStart = index
        var hasEscapedPipe = false

        /// The cell `cellStart..<end`: trimmed, `\\|` unescaped, columns counted in source bytes.
        func finishCell(end: Int) {
            var lead = cellStart
            while lead < end, isBlank(bytes[lead]) { lead += 1 }
            var trail = droppingTrailingSpaces(bytes, lower: lead, upper: end)
            while trail > lead, isBlank(bytes[trail - 1]) { trail -= 1 }
            var text: String
            if hasEscapedPipe {
                var unescaped: [UInt8] = []
                var i = lead
                while i < trail {
                    if bytes[i] == backslash, i + 1 < trail, bytes[i + 1] == pipe { i += 1 }
                    unescaped.append(bytes[i])
                    i += 1
                }
                text = String(decoding: unescaped, as: UTF8.self)
            } else {
                text = String(decoding: UnsafeBufferPointer(rebasing: bytes[lead..<trail]), as: UTF8.self)
            }
            cells.append(TableCell(text: text, column: (lead < end ? lead : cellStart) + 1))
            hasEscapedPipe = false
        }

        if let base = bytes.baseAddress, memchr(base, Int32(backslash), bytes.count) == nil {
            // No escapes (the usual row): jump from pipe to pipe.
            while index < bytes.count, let hit = memchr(base + index, Int32(pipe), bytes.count - index) {
                index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                finishCell(end: index)
                sawPipe = true
                index += 1
                cellStart = index
            }
            index = bytes.count
        }
        while index < bytes.count {
            let b = bytes[index]
            if b == backslash, index + 1 < bytes.count {
                // An escape pair is consumed whole, so `\\\\|` ends a cell as in cmark-gfm.
                if bytes[index + 1] == pipe { hasEscapedPipe = true }
                index += 2
                continue
            }
            if b == pipe {
                finishCell(end: index)
                sawPipe = true
                index += 1
                cellStart = index
                continue
            }
            index += 1
        }
        // A trailing pipe leaves a blank remainder that is not a cell.
        let remainderIsBlank = (cellStart..<bytes.count).allSatisfy { isBlank(bytes[$0]) }
        if !remainderIsBlank || cells.isEmpty || !sawPipe {
            finishCell(end: bytes.count)
        }
        return cells
    }

    /// `upper` moved down over whole eight-byte runs of spaces above `lower`: generated tables
    /// pad every cell to its column's width, often with dozens of spaces, which a byte loop
    /// walked one at a time. What remains (under eight blanks, tabs) is left to the caller.
    @inline(__always)
    static func droppingTrailingSpaces(_ bytes: UnsafeBufferPointer<UInt8>, lower: Int, upper: Int) -> Int {
        guard let base = bytes.baseAddress else { return upper }
        var upper = upper
        while upper - lower >= 8, UnsafeRawPointer(base + upper - 8).loadUnaligned(as: UInt64.self) == eightSpaces { upper -= 8 }
        return upper
    }

    static let eightSpaces = UInt64(0x2020_2020_2020_2020)
    static let eightDashes = UInt64(0x2D2D_2D2D_2D2D_2D2D)

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
        if let row = line.utf8.withContiguousStorageIfAvailable(delimiterRow) { return row }
        return Array(line.utf8).withUnsafeBufferPointer(delimiterRow)
    }

    static func delimiterRow(_ bytes: UnsafeBufferPointer<UInt8>) -> [Table.Alignment]? {
        let pipe = UInt8(ascii: "|"), colon = UInt8(ascii: ":"), dash = UInt8(ascii: "-")
        // Only `|`, `:`, `-` and blanks, with at least one `-` and one pipe: without a pipe a
        // lone `---` is a thematic break or setext underline, not a table.
        var sawDash = false, sawPipe = false
        var position = 0
        while position < bytes.count {
            // Delimiter rows are long runs of dashes and spaces: eight bytes at a time where they are.
            if position + 8 <= bytes.count, let base = bytes.baseAddress {
                let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
                if word == eightDashes { sawDash = true; position += 8; continue }
                if word == eightSpaces { position += 8; continue }
            }
            switch bytes[position] {
            case dash: sawDash = true
            case pipe: sawPipe = true
            case colon, 0x20, 0x09: break
            default: return nil
            }
            position += 1
        }
        guard sawDash, sawPipe else { return nil }
        // Cells as trimmed byte ranges, split as `split` does (no escapes can occur here):
        // an optional leading pipe, and a blank remainder after the last pipe is no cell.
        func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
        func trimmed(_ range: Range<Int>) -> Range<Int> {
            var lower = range.lowerBound
            while lower < range.upperBound, isBlank(bytes[lower]) { lower += 1 }
            var upper = droppingTrailingSpaces(bytes, lower: lower, upper: range.upperBound)
            while upper > lower, isBlank(bytes[upper - 1]) { upper -= 1 }
            return lower..<upper
        }
        var index = 0
        while index < bytes.count, isBlank(bytes[index]) { index += 1 }
        if index < bytes.count, bytes[index] == pipe { index += 1 }
        var cells: [Range<Int>] = []
        var cellStart = index
        // Pipe to pipe with memchr, the cells between being long.
        while index < bytes.count, let base = bytes.baseAddress, let hit = memchr(base + index, Int32(pipe), bytes.count - index) {
            index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            cells.append(trimmed(cellStart..<index))
            index += 1
            cellStart = index
        }
        index = bytes.count
        let remainder = trimmed(cellStart..<bytes.count)
        if !remainder.isEmpty || cells.isEmpty { cells.append(remainder) }
        var result: [Table.Alignment] = []
        result.reserveCapacity(cells.count)
        for cell in cells {
            var lower = cell.lowerBound, upper = cell.upperBound
            let left = lower < upper && bytes[lower] == colon
            if left { lower += 1 }
            let right = lower < upper && bytes[upper - 1] == colon
            if right { upper -= 1 }
            guard lower < upper else { return nil }
            // All dashes: eight at a time, then the rest.
            if let base = bytes.baseAddress {
                while upper - lower >= 8, UnsafeRawPointer(base + lower).loadUnaligned(as: UInt64.self) == eightDashes { lower += 8 }
            }
            guard (lower..<upper).allSatisfy({ bytes[$0] == dash }) else { return nil }
            result.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return result
    }
}
