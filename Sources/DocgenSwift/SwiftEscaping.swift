import DocgenDiagnostics

/// The one place where text from specs becomes Swift source text. Descriptions are data
/// written by strangers: nothing in them may end a comment, a string literal or a line.
public enum SwiftEscaping {
    /// Every line terminator Swift (and editors) honour.
    static let lineTerminators: Set<Unicode.Scalar> = ["\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"]

    /// Splits text into comment-safe lines: split on every line terminator, other control
    /// characters replaced by U+FFFD, trailing blanks and blank edge lines removed.
    public static func commentLines(_ text: String) -> [String] {
        // Most descriptions are one plain line: no control bytes, no bytes that start
        // U+0085, U+2028/2029, bidi controls or a BOM (0xC2, 0xE2, 0xEF).
        let needsCare: (UInt8) -> Bool = { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 || $0 == 0xEF }
        if !(text.utf8.withContiguousStorageIfAvailable { $0.contains(where: needsCare) } ?? text.utf8.contains(where: needsCare)) {
            let line = trimmedTrailing(text)
            return line.isEmpty ? [] : [line]
        }
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
        joined(commentLines(text), separator: " ")
    }

    /// `///` doc-comment lines for a description (DocC reads the Markdown as is).
    public static func docComment(_ description: String) -> [String] {
        commentLines(description).map { $0.isEmpty ? "///" : text("/// \($0)") }
    }

    /// A single-line Swift string literal, quotes included: `\`, `"`, controls and every line
    /// terminator escaped, so neither `\(` nor `"""` can do anything.
    public static func stringLiteral(_ value: String) -> String {
        // Most keys and values need no escape: the same bytes test as `commentLines`, plus `\` and `"`.
        let needsEscape: (UInt8) -> Bool = { $0 < 0x20 || $0 == 0x7F || $0 == 0x22 || $0 == 0x5C || $0 == 0xC2 || $0 == 0xE2 || $0 == 0xEF }
        if !(value.utf8.withContiguousStorageIfAvailable { $0.contains(where: needsEscape) } ?? value.utf8.contains(where: needsEscape)) {
            return text("\"\(value)\"")
        }
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
        let needsCare: (UInt8) -> Bool = { $0 < 0x20 || $0 == 0x7F || $0 == 0x7C || $0 == 0xC2 || $0 == 0xE2 || $0 == 0xEF }
        let last = text.utf8.last
        if last != 0x20, last != 0x09,
           !(text.utf8.withContiguousStorageIfAvailable { $0.contains(where: needsCare) } ?? text.utf8.contains(where: needsCare)) {
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
