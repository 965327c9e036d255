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

/// Writes JSON as `JSONText.write` lays it out, straight to bytes: for the large documents
/// (`dump-ir`'s models) building a `JSONText` tree first, and freeing it, cost more than the
/// writing. Members and elements are separated as they come, so no count is needed up front.
struct JSONWriter {
    var out: [UInt8] = []
    /// The indentation level of the innermost open container's members.
    private var level: Int
    /// Members or elements written so far in each open container, innermost last.
    private var written: [Int] = []

    /// `level` is the indentation of the first container's brackets (`JSONText.write`'s `indent`).
    init(level: Int = 0, capacity: Int = 0) {
        self.level = level
        out.reserveCapacity(capacity)
    }

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Starts a member of the open object; its value is written next.
    mutating func key(_ name: StaticString) {
        separate()
        out.append(UInt8(ascii: "\""))
        JSONText.append(name, to: &out) // member names are plain ASCII, needing no escapes
        out.append(UInt8(ascii: "\""))
        out.append(UInt8(ascii: ":"))
        out.append(0x20)
    }

    /// Starts an element of the open array; its value is written next.
    mutating func element() { separate() }

    mutating func string(_ value: String) { JSONText.writeString(value, to: &out) }
    /// Decimal digits written in place (no `String` for each line number).
    mutating func integer(_ value: Int) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0) // 24 bytes: room for the 19 digits of any Int
        withUnsafeMutableBytes(of: &digits) { buffer in
            var start = buffer.count
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[start...]))
        }
    }

    /// JSON text written as it is (a scalar already serialised).
    mutating func raw(_ text: String) { out.append(contentsOf: text.utf8) }

    mutating func bool(_ value: Bool) {
        let text: StaticString = value ? "true" : "false"
        JSONText.append(text, to: &out)
    }

    mutating func null() {
        let text: StaticString = "null"
        JSONText.append(text, to: &out)
    }

    private mutating func open(_ bracket: UInt8) {
        out.append(bracket)
        written.append(0)
        level += 1
    }

    private mutating func separate() {
        if written[written.count - 1] > 0 { out.append(UInt8(ascii: ",")) }
        written[written.count - 1] += 1
        newline()
    }

    private mutating func close(_ bracket: UInt8) {
        level -= 1
        if written.removeLast() > 0 { newline() }
        out.append(bracket)
    }

    /// A line end and the current indentation, copied from a run of spaces.
    private mutating func newline() {
        out.append(UInt8(ascii: "\n"))
        var count = 2 * level
        while count > 0 {
            let chunk = min(count, Self.spaces.utf8CodeUnitCount)
            Self.spaces.withUTF8Buffer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<chunk])) }
            count -= chunk
        }
    }

    private static let spaces: StaticString = "                                                                "
}
