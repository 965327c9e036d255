import DocgenDiagnostics

/// The one place where text from specs becomes Swift source text. Descriptions are data
/// written by strangers: nothing in them may end a comment, a string literal or a line.
public enum SwiftEscaping {
    /// Every line terminator Swift (and editors) honour.
    static let lineTerminators: Set<Unicode.Scalar> = ["\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"]

    /// Splits text into comment-safe lines: split on every line terminator, other control
    /// characters replaced by U+FFFD, trailing blanks and blank edge lines removed.
    public static func commentLines(_ text: String) -> [String] {
        // Most descriptions are one line with nothing unsafe (curly quotes and other
        // non-ASCII included): no scalar walk.
        if !containsUnsafe(text, tabIsSafe: true) {
            let line = trimmedTrailing(text)
            return line.isEmpty ? [] : [line]
        }
        var text = text
        return text.withUTF8(byteCommentLines)
    }

    /// `commentLines` on the UTF-8 bytes: the scalars `containsUnsafe` looks for are found by
    /// the same byte patterns, so the rest is copied as bytes (appending scalar by scalar to a
    /// `String.UnicodeScalarView` cost some 400 instructions a scalar). Tests pin it to `scalarCommentLines`.
    static func byteCommentLines(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var lines: [String] = []
        var current: [UInt8] = []
        current.reserveCapacity(min(bytes.count, 256))
        func endLine() {
            while let last = current.last, last == 0x20 || last == 0x09 { current.removeLast() }
            lines.append(String(decoding: current, as: UTF8.self))
            current.removeAll(keepingCapacity: true)
        }
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD] // U+FFFD
        let count = bytes.count
        var previousWasCR = false
        var index = 0
        while index < count {
            let byte = bytes[index]
            // The scalar starting here is a terminator, an unsafe control (`length` bytes), or neither.
            var terminator = false, unsafe = false, length = 1
            if byte < 0x80 {
                if byte == 0x0A, previousWasCR {
                    previousWasCR = false
                    index += 1
                    continue
                }
                terminator = byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
                unsafe = !terminator && ((byte < 0x20 && byte != 0x09) || byte == 0x7F)
            } else if byte == 0xC2, index + 1 < count, bytes[index + 1] <= 0x9F {
                length = 2
                terminator = bytes[index + 1] == 0x85
                unsafe = !terminator
            } else if byte == 0xE2, index + 2 < count {
                let second = bytes[index + 1], third = bytes[index + 2]
                if second == 0x80, third >= 0xA8, third <= 0xAE {
                    length = 3
                    terminator = third <= 0xA9
                    unsafe = !terminator
                } else if second == 0x81, third >= 0xA6, third <= 0xA9 {
                    length = 3
                    unsafe = true
                }
            } else if byte == 0xEF, index + 2 < count, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF {
                length = 3
                unsafe = true
            }
            previousWasCR = byte == 0x0D
            if terminator {
                endLine()
            } else if unsafe {
                current.append(contentsOf: replacement)
            } else {
                current.append(byte)
            }
            index += length
        }
        endLine()
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// The general path `byteCommentLines` must agree with (kept for tests).
    static func scalarCommentLines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n", previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = scalar == "\r"
            if lineTerminators.contains(scalar) {
                lines.append(trimmedTrailing(String(current)))
                current = String.UnicodeScalarView()
            } else {
                current.append(isUnsafeControl(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        lines.append(trimmedTrailing(String(current)))
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// One comment-safe line (terminators become spaces).
    public static func commentText(_ text: String) -> String {
        // One safe line is its own text (trimmed): no array of lines.
        if !containsUnsafe(text, tabIsSafe: true) { return trimmedTrailing(text) }
        return joined(commentLines(text), separator: " ")
    }

    /// `///` doc-comment lines for a description (DocC reads the Markdown as is).
    public static func docComment(_ description: String) -> [String] {
        commentLines(description).map { $0.isEmpty ? "///" : text("/// \($0)") }
    }

    /// A single-line Swift string literal, quotes included: `\`, `"`, controls and every line
    /// terminator escaped, so neither `\(` nor `"""` can do anything.
    public static func stringLiteral(_ value: String) -> String {
        // Most keys and values need no escape: the same bytes test as `commentLines`, plus `\` and `"`.
        if !containsUnsafe(value, tabIsSafe: false, orByte: 0x22, 0x5C) {
            return text("\"\(value)\"")
        }
        var value = value
        return value.withUTF8(byteStringLiteral)
    }

    /// `stringLiteral` on the UTF-8 bytes (the scalars to escape found by `containsUnsafe`'s byte
    /// patterns); tests pin it to `scalarStringLiteral`.
    static func byteStringLiteral(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = [0x22]
        out.reserveCapacity(bytes.count + 16)
        func escape(_ scalar: UInt32) {
            out.append(contentsOf: "\\u{".utf8)
            out.append(contentsOf: String(scalar, radix: 16).utf8)
            out.append(0x7D)
        }
        let count = bytes.count
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                switch byte {
                case 0x5C: out.append(contentsOf: "\\\\".utf8)
                case 0x22: out.append(contentsOf: "\\\"".utf8)
                case 0x0A: out.append(contentsOf: "\\n".utf8)
                case 0x0D: out.append(contentsOf: "\\r".utf8)
                case 0x09: out.append(contentsOf: "\\t".utf8)
                case 0x00: out.append(contentsOf: "\\0".utf8)
                default:
                    if byte < 0x20 || byte == 0x7F { escape(UInt32(byte)) } else { out.append(byte) }
                }
                index += 1
                continue
            }
            // U+0080–U+009F, U+2028–U+202E, U+2066–U+2069, U+FEFF: escaped; anything else copied.
            if byte == 0xC2, index + 1 < count, bytes[index + 1] <= 0x9F {
                escape(UInt32(bytes[index + 1]))
                index += 2
            } else if byte == 0xE2, index + 2 < count, (bytes[index + 1] == 0x80 && bytes[index + 2] >= 0xA8 && bytes[index + 2] <= 0xAE)
                        || (bytes[index + 1] == 0x81 && bytes[index + 2] >= 0xA6 && bytes[index + 2] <= 0xA9) {
                escape(0x2000 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F))
                index += 3
            } else if byte == 0xEF, index + 2 < count, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF {
                escape(0xFEFF)
                index += 3
            } else {
                out.append(byte)
                index += 1
            }
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    /// The general path `byteStringLiteral` must agree with (kept for tests).
    static func scalarStringLiteral(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\0": out += "\\0"
            default:
                if isUnsafeControl(scalar) || lineTerminators.contains(scalar) {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Markdown table cell text: pipes escaped, line breaks as `<br/>`.
    public static func markdownCell(_ text: String) -> String {
        // Most cells (names, values, one-line descriptions) are already safe: one look at the bytes.
        let last = text.utf8.last
        if last != 0x20, last != 0x09, !containsUnsafe(text, tabIsSafe: true, orByte: 0x7C) {
            return text
        }
        return joined(commentLines(text), separator: "<br/>").replacing(bytes: "|", with: "\\|")
    }

    /// `joined`, without building anything for the usual none or one line.
    private static func joined(_ lines: [String], separator: String) -> String {
        lines.count <= 1 ? lines.first ?? "" : lines.joined(separator: separator)
    }

    /// A scalar that must never appear in a comment line: a line terminator or an unsafe control.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        lineTerminators.contains(scalar) || isUnsafeControl(scalar)
    }

    /// Whether the text holds a scalar `isUnsafe` names (a tab only unless `tabIsSafe`) or one of
    /// the ASCII bytes given, read from the UTF-8 bytes. The ASCII ones are the bytes below 0x20
    /// and 0x7F; the others are U+0080–U+009F (0xC2 0x80–0x9F), U+2028–U+202E (0xE2 0x80 0xA8–0xAE),
    /// U+2066–U+2069 (0xE2 0x81 0xA6–0xA9) and U+FEFF (0xEF 0xBB 0xBF), so other non-ASCII text
    /// (curly quotes, accents) needs no scalar walk.
    static func containsUnsafe(_ text: String, tabIsSafe: Bool, orByte special: UInt8 = 0, _ special2: UInt8 = 0) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let count = bytes.count
            var index = 0
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if byte < 0x20 ? !(tabIsSafe && byte == 0x09) : (byte == 0x7F || byte == special || byte == special2) { return true }
                } else if byte == 0xC2 {
                    if index + 1 < count, bytes[index + 1] <= 0x9F { return true }
                } else if byte == 0xE2 {
                    if index + 2 < count {
                        let second = bytes[index + 1], third = bytes[index + 2]
                        if second == 0x80, third >= 0xA8, third <= 0xAE { return true }
                        if second == 0x81, third >= 0xA6, third <= 0xA9 { return true }
                    }
                } else if byte == 0xEF {
                    if index + 2 < count, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF { return true }
                }
                index += 1
            }
            return false
        }
    }

    static func isUnsafeControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
            || scalar == "\u{FEFF}" || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    static func trimmedTrailing(_ text: String) -> String {
        guard let last = text.utf8.last, last == 0x20 || last == 0x09 else { return text }
        var scalars = text.unicodeScalars[...]
        while let last = scalars.last, last == " " || last == "\t" { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
