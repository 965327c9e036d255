#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DocgenDiagnostics
import DocgenDialects
import DocgenMarkdown

/// Text of the page: lines, deprecation notices, cells cleaned of `<br>` and padding.
extension Extraction {

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
