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
        guard !elements.isEmpty else { return out.append(contentsOf: "[]".utf8) }
        out.append(contentsOf: "[\n".utf8)
        for (i, element) in elements.enumerated() {
            Self.indent(indent + 1, into: &out)
            out.append(contentsOf: element)
            out.append(contentsOf: (i == elements.count - 1 ? "\n" : ",\n").utf8)
        }
        Self.indent(indent, into: &out)
        out.append(UInt8(ascii: "]"))
    }

    func write(to out: inout [UInt8], indent: Int) {
        switch self {
        case .object(let members):
            guard !members.isEmpty else { return out.append(contentsOf: "{}".utf8) }
            out.append(contentsOf: "{\n".utf8)
            for (i, (key, value)) in members.enumerated() {
                Self.indent(indent + 1, into: &out)
                Self.writeString(key, to: &out)
                out.append(contentsOf: ": ".utf8)
                value.write(to: &out, indent: indent + 1)
                out.append(contentsOf: (i == members.count - 1 ? "\n" : ",\n").utf8)
            }
            Self.indent(indent, into: &out)
            out.append(UInt8(ascii: "}"))
        case .array(let elements):
            guard !elements.isEmpty else { return out.append(contentsOf: "[]".utf8) }
            out.append(contentsOf: "[\n".utf8)
            for (i, element) in elements.enumerated() {
                Self.indent(indent + 1, into: &out)
                element.write(to: &out, indent: indent + 1)
                out.append(contentsOf: (i == elements.count - 1 ? "\n" : ",\n").utf8)
            }
            Self.indent(indent, into: &out)
            out.append(UInt8(ascii: "]"))
        case .string(let s): Self.writeString(s, to: &out)
        case .integer(let n): out.append(contentsOf: String(n).utf8)
        case .number(let literal): out.append(contentsOf: literal.utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        }
    }

    private static func indent(_ level: Int, into out: inout [UInt8]) {
        for _ in 0..<level { out.append(0x20); out.append(0x20) }
    }

    /// A quoted JSON string; also escapes U+2028 and U+2029 so the text is safe in JavaScript.
    static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most strings need no escape: copy their bytes whole (one copy from contiguous UTF-8;
        // appending a `String.UTF8View` goes byte by byte).
        var s = s
        let copied = s.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if copied {
            out.append(UInt8(ascii: "\""))
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out.append(contentsOf: "\\\"".utf8)
            case "\\": out.append(contentsOf: "\\\\".utf8)
            case "\n": out.append(contentsOf: "\\n".utf8)
            case "\r": out.append(contentsOf: "\\r".utf8)
            case "\t": out.append(contentsOf: "\\t".utf8)
            case "\u{2028}": out.append(contentsOf: "\\u2028".utf8)
            case "\u{2029}": out.append(contentsOf: "\\u2029".utf8)
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                } else {
                    out.append(contentsOf: String(scalar).utf8)
                }
            }
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
