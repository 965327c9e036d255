
/// The YAML that OpenAPI tools write, read into `LocatedJSON` (every value and key located):
/// block mappings and sequences, plain, quoted and block (`|`, `>`) scalars, flow collections,
/// comments, anchors and aliases. Tags are ignored; complex keys (`? `) and multiple documents
/// are refused with a located error, as are tabs used for indentation. docgen reads YAML for one
/// thing, the wire keys in a vendor's OpenAPI document (`docgen keys learn --openapi`), and this
/// keeps the CLI free of Foundation (which a general YAML library would link).
public enum YAMLReader {
    public static func parse(_ text: String) throws(LocatedJSON.ParseError) -> LocatedJSON {
        var parser = Parser(bytes: Array(text.utf8))
        do {
            parser.skipBlankLines()
            let value = parser.atEnd ? LocatedJSON(value: .null, line: 1, column: 1) : try parser.node(parentIndent: -1, depth: 0)
            parser.skipBlankLines()
            if !parser.atEnd { throw parser.error("unexpected text; is the indentation consistent?") }
            return value
        } catch let error as LocatedJSON.ParseError {
            throw error
        } catch {
            throw LocatedJSON.ParseError(message: "\(error)", line: parser.line, column: parser.column)
        }
    }

    struct Parser {
        let bytes: [UInt8]
        var index = 0
        var line = 1
        var lineStart = 0
        var anchors: [String: LocatedJSON] = [:]

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        var atEnd: Bool { index >= bytes.count }
        var column: Int { index - lineStart + 1 }
        /// The current line's indentation when at its first non-blank character.
        var indent: Int { index - lineStart }
        var current: UInt8 { index < bytes.count ? bytes[index] : 0 }

        func peek(_ offset: Int) -> UInt8 { index + offset < bytes.count ? bytes[index + offset] : 0 }

        func error(_ message: String) -> LocatedJSON.ParseError {
            LocatedJSON.ParseError(message: message, line: line, column: column)
        }

        func isBreak(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D || byte == 0 }
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

        mutating func advance() {
            if current == 0x0A {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }

        mutating func skipSpaces() {
            while current == 0x20 || current == 0x09 { index += 1 }
        }

        /// Skips spaces, a comment and the line end; true when the line had nothing else.
        mutating func restOfLineIsEmpty() -> Bool {
            skipSpaces()
            if current == UInt8(ascii: "#") { while !isBreak(current) { index += 1 } }
            return isBreak(current)
        }

        /// Moves to the first character of the next line holding content (blank lines, comment
        /// lines, `---` and `%` directives skipped).
        mutating func skipBlankLines() {
            while !atEnd {
                if index == lineStart {
                    if matches("---"), isBreak(peek(3)) || isBlank(peek(3)) { index += 3 } else if current == UInt8(ascii: "%") {
                        while !isBreak(current) { index += 1 }
                    }
                }
                skipSpaces()
                if current == UInt8(ascii: "#") { while !isBreak(current) { index += 1 } }
                if current == 0x0D { index += 1 }
                guard current == 0x0A else { return }
                advance()
            }
        }

        func matches(_ text: StaticString) -> Bool {
            text.withUTF8Buffer { needle in
                index + needle.count <= bytes.count && needle.indices.allSatisfy { bytes[index + $0] == needle[$0] }
            }
        }

        var atSequenceEntry: Bool { current == UInt8(ascii: "-") && (isBlank(peek(1)) || isBreak(peek(1))) }

        // MARK: Block structure

        /// The node that starts here, at this line's indentation, inside a parent at `parentIndent`.
        mutating func node(parentIndent: Int, depth: Int) throws -> LocatedJSON {
            guard depth < LocatedJSON.maximumDepth else { throw error("nesting is deeper than \(LocatedJSON.maximumDepth) levels") }
            if atSequenceEntry { return try sequence(depth: depth) }
            if current == UInt8(ascii: "?"), isBlank(peek(1)) { throw error("complex mapping keys ('? ') are not supported; convert the document to JSON") }
            if lineHoldsKey() { return try mapping(depth: depth) }
            return try value(parentIndent: parentIndent, depth: depth)
        }

        /// The block node under a key or `-` whose line ended: more indented than `parentIndent`
        /// (a sequence may sit at the key's own indentation), or null when there is none.
        mutating func nested(parentIndent: Int, allowSequenceAtParent: Bool, depth: Int) throws -> LocatedJSON {
            let (line, column) = (self.line, self.column)
            skipBlankLines()
            if !atEnd, indent > parentIndent || (allowSequenceAtParent && indent == parentIndent && atSequenceEntry) {
                return try node(parentIndent: parentIndent, depth: depth + 1)
            }
            return LocatedJSON(value: .null, line: line, column: column)
        }

        mutating func sequence(depth: Int) throws -> LocatedJSON {
            let (at, startLine, startColumn) = (indent, line, column)
            var items: [LocatedJSON] = []
            while !atEnd, indent == at, atSequenceEntry {
                index += 1
                if restOfLineIsEmpty() {
                    items.append(try nested(parentIndent: at, allowSequenceAtParent: false, depth: depth))
                } else {
                    // "- key: value" is a mapping at the column after "- ".
                    items.append(try node(parentIndent: at, depth: depth + 1))
                }
                skipBlankLines()
            }
            if !atEnd, indent > at { throw error("this line is indented more than the sequence it follows") }
            return LocatedJSON(value: .array(items), line: startLine, column: startColumn)
        }

        mutating func mapping(depth: Int) throws -> LocatedJSON {
            let (at, startLine, startColumn) = (indent, line, column)
            var members: [LocatedJSON.Member] = []
            while !atEnd, indent == at, !atSequenceEntry {
                guard lineHoldsKey() else { throw error("expected 'key: value' in this mapping") }
                let (keyLine, keyColumn) = (line, column)
                let key = try keyText()
                skipSpaces()
                guard current == UInt8(ascii: ":") else { throw error("expected ':' after the key") }
                index += 1
                let value: LocatedJSON
                if restOfLineIsEmpty() {
                    value = try nested(parentIndent: at, allowSequenceAtParent: true, depth: depth)
                } else {
                    value = try self.value(parentIndent: at, depth: depth + 1)
                }
                members.append(LocatedJSON.Member(key: key, line: keyLine, column: keyColumn, value: value))
                skipBlankLines()
            }
            if !atEnd, indent > at { throw error("this line is indented more than the mapping it follows") }
            return LocatedJSON(value: .object(members), line: startLine, column: startColumn)
        }

        /// Whether the line from here is `key: …` (a plain or quoted key, then `:` and a blank).
        func lineHoldsKey() -> Bool {
            var probe = index
            let first = probe < bytes.count ? bytes[probe] : 0
            if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
                probe += 1
                while probe < bytes.count, !isBreak(bytes[probe]) {
                    if first == UInt8(ascii: "\"") && bytes[probe] == UInt8(ascii: "\\") { probe += 2; continue }
                    if bytes[probe] == first {
                        if first == UInt8(ascii: "'"), probe + 1 < bytes.count, bytes[probe + 1] == first { probe += 2; continue }
                        break
                    }
                    probe += 1
                }
                probe += 1
                while probe < bytes.count, isBlank(bytes[probe]) { probe += 1 }
                return probe < bytes.count && bytes[probe] == UInt8(ascii: ":") && (probe + 1 >= bytes.count || isBlank(bytes[probe + 1]) || isBreak(bytes[probe + 1]))
            }
            if [UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
                UInt8(ascii: ">"), UInt8(ascii: "#")].contains(first) { return false }
            while probe < bytes.count, !isBreak(bytes[probe]) {
                if bytes[probe] == UInt8(ascii: ":"), probe + 1 >= bytes.count || isBlank(bytes[probe + 1]) || isBreak(bytes[probe + 1]) { return true }
                if bytes[probe] == UInt8(ascii: "#"), probe > index, isBlank(bytes[probe - 1]) { return false }
                probe += 1
            }
            return false
        }

        mutating func keyText() throws -> String {
            if current == UInt8(ascii: "\"") { return try doubleQuoted(parentIndent: Int.max) }
            if current == UInt8(ascii: "'") { return try singleQuoted(parentIndent: Int.max) }
            let start = index
            while !(current == UInt8(ascii: ":") && (isBlank(peek(1)) || isBreak(peek(1)))) { index += 1 }
            var end = index
            while end > start, isBlank(bytes[end - 1]) { end -= 1 }
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }

        // MARK: Values

        /// A value that starts on the current line: anchored or aliased, a block scalar, a quoted
        /// or flow scalar, or a plain scalar (which may go on over more-indented lines).
        mutating func value(parentIndent: Int, depth: Int) throws -> LocatedJSON {
            let (startLine, startColumn) = (line, column)
            if current == UInt8(ascii: "*") {
                index += 1
                let name = anchorName()
                guard let value = anchors[name] else { throw error("alias '*\(name)' names no anchor") }
                _ = restOfLineIsEmpty()
                return value
            }
            if current == UInt8(ascii: "&") {
                index += 1
                let name = anchorName()
                let value = restOfLineIsEmpty()
                    ? try nested(parentIndent: parentIndent, allowSequenceAtParent: true, depth: depth)
                    : try node(parentIndent: parentIndent, depth: depth)
                anchors[name] = value
                return value
            }
            if current == UInt8(ascii: "!") {
                while !isBlank(current), !isBreak(current) { index += 1 } // a tag: the value is read as written
                if restOfLineIsEmpty() { return try nested(parentIndent: parentIndent, allowSequenceAtParent: true, depth: depth) }
                return try value(parentIndent: parentIndent, depth: depth)
            }
            let text: LocatedJSON.Value
            switch current {
            case UInt8(ascii: "|"), UInt8(ascii: ">"): text = .string(try blockScalar(parentIndent: parentIndent))
            case UInt8(ascii: "\""): text = .string(try doubleQuoted(parentIndent: parentIndent))
            case UInt8(ascii: "'"): text = .string(try singleQuoted(parentIndent: parentIndent))
            case UInt8(ascii: "["), UInt8(ascii: "{"): return try flow(depth: depth)
            default: text = plainValue(plain(parentIndent: parentIndent, inFlow: false))
            }
            if case .string = text, !restOfLineIsEmpty(), current != 0 {
                // Only a comment may follow a quoted or block scalar on its line.
                throw error("unexpected text after the value")
            }
            return LocatedJSON(value: text, line: startLine, column: startColumn)
        }

        mutating func anchorName() -> String {
            let start = index
            while !isBlank(current), !isBreak(current), current != UInt8(ascii: ","), current != UInt8(ascii: "]"), current != UInt8(ascii: "}") { index += 1 }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        /// `null`, `true`, numbers and the rest, as a plain scalar means them.
        func plainValue(_ text: String) -> LocatedJSON.Value {
            switch text {
            case "", "~", "null", "Null", "NULL": return .null
            case "true", "True", "TRUE": return .bool(true)
            case "false", "False", "FALSE": return .bool(false)
            default:
                let integer = text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) } || (text.hasPrefix("-") && text.count > 1 && text.dropFirst().utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 })
                if integer { return .number(text, isInteger: true) }
                if Double(text) != nil, text.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D || $0 == 0x2B || $0 == 0x65 || $0 == 0x45 }) {
                    return .number(text, isInteger: false)
                }
                return .string(text)
            }
        }

        /// A plain scalar: up to ` #` or the line end (in a flow, also `,`, `]`, `}` and `: `),
        /// folded with the lines after it that are indented more than `parentIndent`.
        mutating func plain(parentIndent: Int, inFlow: Bool) -> String {
            var parts: [String] = []
            var pendingBreaks = 0
            while true {
                let start = index
                while !isBreak(current) {
                    if current == UInt8(ascii: "#"), index > start, isBlank(bytes[index - 1]) { break }
                    if inFlow, current == UInt8(ascii: ",") || current == UInt8(ascii: "]") || current == UInt8(ascii: "}") { break }
                    if current == UInt8(ascii: ":"), isBlank(peek(1)) || isBreak(peek(1)) || (inFlow && (peek(1) == UInt8(ascii: ",") || peek(1) == UInt8(ascii: "}"))) { break }
                    index += 1
                }
                var end = index
                while end > start, isBlank(bytes[end - 1]) { end -= 1 }
                if end > start {
                    if !parts.isEmpty { parts.append(pendingBreaks > 0 ? String(repeating: "\n", count: pendingBreaks) : " ") }
                    parts.append(String(decoding: bytes[start..<end], as: UTF8.self))
                }
                guard !inFlow, isBreak(current), !atEnd else { break }
                // Continuation: the next content line, indented more than the parent.
                let saved = (index, line, lineStart)
                pendingBreaks = 0
                if current == 0x0D { index += 1 }
                advance()
                while !atEnd {
                    skipSpaces()
                    guard isBreak(current), !atEnd else { break }
                    pendingBreaks += 1
                    if current == 0x0D { index += 1 }
                    advance()
                }
                if atEnd || indent <= parentIndent || current == UInt8(ascii: "#") || (atSequenceEntry && indent <= parentIndent + 1) || lineHoldsKey() {
                    (index, line, lineStart) = saved
                    break
                }
            }
            return parts.joined()
        }

        mutating func doubleQuoted(parentIndent: Int) throws -> String {
            index += 1
            var out: [UInt8] = []
            while true {
                guard !atEnd else { throw error("a double-quoted string is never closed") }
                let byte = current
                if byte == UInt8(ascii: "\"") { index += 1; break }
                if byte == UInt8(ascii: "\\") {
                    index += 1
                    let escaped = current
                    index += 1
                    switch escaped {
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "t"), 0x09: out.append(0x09)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "0"): out.append(0)
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: " "): out.append(escaped)
                    case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
                        let count = escaped == UInt8(ascii: "x") ? 2 : escaped == UInt8(ascii: "u") ? 4 : 8
                        guard index + count <= bytes.count, let scalar = UInt32(String(decoding: bytes[index..<index + count], as: UTF8.self), radix: 16),
                              let unicode = Unicode.Scalar(scalar) else { throw error("a bad \\\(Character(Unicode.Scalar(escaped))) escape") }
                        out.append(contentsOf: Array(String(Character(unicode)).utf8))
                        index += count
                    case 0x0A, 0x0D:
                        // An escaped line break joins the lines without a space.
                        index -= 1
                        if current == 0x0D { index += 1 }
                        advance()
                        skipSpaces()
                    default: throw error("unknown escape '\\\(Character(Unicode.Scalar(escaped)))'")
                    }
                    continue
                }
                if isBreak(byte) {
                    fold(into: &out)
                    continue
                }
                out.append(byte)
                index += 1
            }
            return String(decoding: out, as: UTF8.self)
        }

        mutating func singleQuoted(parentIndent: Int) throws -> String {
            index += 1
            var out: [UInt8] = []
            while true {
                guard !atEnd else { throw error("a single-quoted string is never closed") }
                if current == UInt8(ascii: "'") {
                    if peek(1) == UInt8(ascii: "'") {
                        out.append(UInt8(ascii: "'"))
                        index += 2
                        continue
                    }
                    index += 1
                    break
                }
                if isBreak(current) {
                    fold(into: &out)
                    continue
                }
                out.append(current)
                index += 1
            }
            return String(decoding: out, as: UTF8.self)
        }

        /// A line break inside a quoted scalar: trailing blanks dropped, one break becomes a
        /// space, each further (empty) line a newline; the next line's indentation is skipped.
        mutating func fold(into out: inout [UInt8]) {
            while let last = out.last, isBlank(last) { out.removeLast() }
            var breaks = 0
            while !atEnd, isBreak(current) {
                if current == 0x0D { index += 1; continue }
                advance()
                breaks += 1
                skipSpaces()
            }
            if breaks == 1 { out.append(0x20) } else { out.append(contentsOf: [UInt8](repeating: 0x0A, count: breaks - 1)) }
        }

        /// `|` (lines kept) or `>` (lines folded), with an optional chomping indicator (`-`, `+`)
        /// and indentation digit.
        mutating func blockScalar(parentIndent: Int) throws -> String {
            let literal = current == UInt8(ascii: "|")
            index += 1
            var chomping: UInt8 = 0
            var explicitIndent: Int?
            while !isBlank(current), !isBreak(current) {
                if current == UInt8(ascii: "-") || current == UInt8(ascii: "+") { chomping = current } else if current >= 0x31, current <= 0x39 {
                    explicitIndent = Int(current - 0x30)
                } else {
                    throw error("unexpected '\(Character(Unicode.Scalar(current)))' in a block scalar header")
                }
                index += 1
            }
            guard restOfLineIsEmpty() else { throw error("unexpected text after a block scalar header") }
            var lines: [String] = []
            var contentIndent = explicitIndent.map { max(0, parentIndent) + $0 }
            while !atEnd {
                // Past the header's line break, then one line at a time.
                if current == 0x0D { index += 1 }
                guard current == 0x0A else { break }
                let saved = (index, line, lineStart)
                advance()
                var spaces = 0
                while current == 0x20 { index += 1; spaces += 1 }
                if isBreak(current) {
                    lines.append("")
                    continue
                }
                if contentIndent == nil { contentIndent = spaces }
                guard let required = contentIndent, spaces >= required, spaces > parentIndent else {
                    (index, line, lineStart) = saved
                    break
                }
                let start = index - (spaces - required)
                while !isBreak(current) { index += 1 }
                lines.append(String(decoding: bytes[start..<index], as: UTF8.self))
            }
            // Trailing empty lines belong to the chomping, not the content.
            var trailing = 0
            while lines.last == "" {
                lines.removeLast()
                trailing += 1
            }
            var text: String
            if literal {
                text = lines.joined(separator: "\n")
            } else {
                text = ""
                // A break between two lines folds to a space; an empty line stands for one
                // break (the one before it is dropped); more-indented lines keep their breaks.
                for (position, content) in lines.enumerated() {
                    if position > 0 {
                        let previous = lines[position - 1]
                        if content.isEmpty {
                            text += "\n"
                        } else if !previous.isEmpty {
                            text += content.hasPrefix(" ") || previous.hasPrefix(" ") ? "\n" : " "
                        }
                    }
                    text += content
                }
            }
            switch chomping {
            case UInt8(ascii: "-"): break
            case UInt8(ascii: "+"): text += String(repeating: "\n", count: 1 + trailing)
            default: if !lines.isEmpty { text += "\n" }
            }
            return text
        }

        // MARK: Flow collections

        mutating func skipFlowSpace() {
            while !atEnd {
                if isBlank(current) || current == 0x0D { index += 1 } else if current == 0x0A { advance() } else if current == UInt8(ascii: "#") {
                    while !isBreak(current) { index += 1 }
                } else { return }
            }
        }

        /// `[a, b]` or `{a: b, c: d}`, across lines.
        mutating func flow(depth: Int) throws -> LocatedJSON {
            guard depth < LocatedJSON.maximumDepth else { throw error("nesting is deeper than \(LocatedJSON.maximumDepth) levels") }
            let (startLine, startColumn) = (line, column)
            let isMap = current == UInt8(ascii: "{")
            let close = isMap ? UInt8(ascii: "}") : UInt8(ascii: "]")
            index += 1
            var items: [LocatedJSON] = []
            var members: [LocatedJSON.Member] = []
            while true {
                skipFlowSpace()
                guard !atEnd else { throw error("'\(isMap ? "{" : "[")' is never closed") }
                if current == close { index += 1; break }
                let (itemLine, itemColumn) = (line, column)
                let item = try flowScalarOrCollection(depth: depth)
                skipFlowSpace()
                if current == UInt8(ascii: ":") {
                    index += 1
                    skipFlowSpace()
                    let value = current == UInt8(ascii: ",") || current == close
                        ? LocatedJSON(value: .null, line: line, column: column) : try flowScalarOrCollection(depth: depth)
                    guard case .string(let key) = item.value else { throw LocatedJSON.ParseError(message: "flow keys must be scalars", line: itemLine, column: itemColumn) }
                    members.append(LocatedJSON.Member(key: key, line: itemLine, column: itemColumn, value: value))
                } else if isMap {
                    guard case .string(let key) = item.value else { throw error("expected ':' in a flow mapping") }
                    members.append(LocatedJSON.Member(key: key, line: itemLine, column: itemColumn, value: LocatedJSON(value: .null, line: itemLine, column: itemColumn)))
                } else {
                    items.append(item)
                }
                skipFlowSpace()
                if current == UInt8(ascii: ",") { index += 1; continue }
                guard current == close else { throw error("expected ',' or '\(Character(Unicode.Scalar(close)))'") }
            }
            return LocatedJSON(value: isMap ? .object(members) : .array(items), line: startLine, column: startColumn)
        }

        mutating func flowScalarOrCollection(depth: Int) throws -> LocatedJSON {
            let (startLine, startColumn) = (line, column)
            switch current {
            case UInt8(ascii: "["), UInt8(ascii: "{"): return try flow(depth: depth + 1)
            case UInt8(ascii: "\""): return LocatedJSON(value: .string(try doubleQuoted(parentIndent: -1)), line: startLine, column: startColumn)
            case UInt8(ascii: "'"): return LocatedJSON(value: .string(try singleQuoted(parentIndent: -1)), line: startLine, column: startColumn)
            default:
                let text = plain(parentIndent: -1, inFlow: true)
                // A plain key keeps its text even when it reads as a number or a word like `null`.
                let value = current == UInt8(ascii: ":") ? LocatedJSON.Value.string(text) : plainValue(text)
                return LocatedJSON(value: value, line: startLine, column: startColumn)
            }
        }
    }
}
