/// A minimal JSON value with ordered keys and a deterministic pretty printer, so the
/// `dump-ir` contract prints keys in the documented order, byte for byte the same every run.
public indirect enum JSONText: Sendable, Equatable {
    case object([(String, JSONText)])
    case array([JSONText])
    case string(String)
    case integer(Int)
    /// A number kept exactly as written (a JSON number literal), e.g. when rewriting a file.
    case number(String)
    case bool(Bool)
    case null

    public static func == (lhs: JSONText, rhs: JSONText) -> Bool { lhs.rendered() == rhs.rendered() }

    /// Two-space indentation, `": "` separators, a final newline left to the caller.
    public func rendered(indent: Int = 0) -> String {
        var out: [UInt8] = []
        write(to: &out, indent: indent)
        return String(decoding: out, as: UTF8.self)
    }

    /// An array whose elements were rendered already (each at `indent + 1`), as `write` would
    /// place them: lets a caller render the elements in parallel.
    static func writeArray(ofRendered elements: [[UInt8]], indent: Int, to out: inout [UInt8]) {
        guard !elements.isEmpty else { return Self.append("[]", to: &out) }
        Self.append("[\n", to: &out)
        for (i, element) in elements.enumerated() {
            Self.indent(indent + 1, into: &out)
            out.append(contentsOf: element)
            Self.append(i == elements.count - 1 ? "\n" : ",\n", to: &out)
        }
        Self.indent(indent, into: &out)
        out.append(UInt8(ascii: "]"))
    }

    func write(to out: inout [UInt8], indent: Int) {
        switch self {
        case .object(let members):
            guard !members.isEmpty else { return Self.append("{}", to: &out) }
            Self.append("{\n", to: &out)
            for i in members.indices {
                Self.indent(indent + 1, into: &out)
                Self.writeString(members[i].0, to: &out)
                Self.append(": ", to: &out)
                members[i].1.write(to: &out, indent: indent + 1)
                Self.append(i == members.count - 1 ? "\n" : ",\n", to: &out)
            }
            Self.indent(indent, into: &out)
            out.append(UInt8(ascii: "}"))
        case .array(let elements):
            guard !elements.isEmpty else { return Self.append("[]", to: &out) }
            Self.append("[\n", to: &out)
            for i in elements.indices {
                Self.indent(indent + 1, into: &out)
                elements[i].write(to: &out, indent: indent + 1)
                Self.append(i == elements.count - 1 ? "\n" : ",\n", to: &out)
            }
            Self.indent(indent, into: &out)
            out.append(UInt8(ascii: "]"))
        case .string(let s): Self.writeString(s, to: &out)
        case .integer(let n): Self.append(String(n), to: &out)
        case .number(let literal): Self.append(literal, to: &out)
        case .bool(let b): Self.append(b ? "true" : "false", to: &out)
        case .null: Self.append("null", to: &out)
        }
    }

    private static func indent(_ level: Int, into out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(0x20, count: 2 * level))
    }

    // Appending a `String.UTF8View` to a byte array goes byte by byte; these copy whole buffers.
    static func append(_ text: StaticString, to out: inout [UInt8]) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { out.append(contentsOf: $0) }
    }

    /// A quoted JSON string; also escapes U+2028 and U+2029 so the text is safe in JavaScript.
    /// On the UTF-8 bytes (valid UTF-8, so each escape is a whole scalar): runs that need no
    /// escape are copied whole; a scalar walk made a String for every character of any text
    /// with a quote, a line end or a `—`.
    static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            func flush() {
                if index > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            }
            while index < bytes.count {
                let byte = bytes[index]
                var length = 1
                let escape: StaticString?
                switch byte {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xA8:
                    escape = "\\u2028"
                    length = 3
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xA9:
                    escape = "\\u2029"
                    length = 3
                default:
                    guard byte < 0x20 else {
                        index += 1
                        continue
                    }
                    escape = nil
                }
                flush()
                if let escape {
                    append(escape, to: &out)
                } else {
                    // Other controls: `\u` and four lower-case hex digits.
                    let hex = String(byte, radix: 16)
                    append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex, to: &out)
                }
                index += length
                runStart = index
            }
            flush()
        }
        out.append(UInt8(ascii: "\""))
    }

    /// `text` as a JSON string literal, quotes included.
    public static func quoted(_ text: String) -> String {
        var out: [UInt8] = []
        writeString(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
