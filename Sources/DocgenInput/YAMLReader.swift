
/// The YAML that OpenAPI tools write, read into `LocatedJSON` (every value and key located):
/// one document (`---` and `%` directives before it, `...` after it), block mappings and
/// sequences, plain, quoted and block (`|`, `>`) scalars, flow collections (with `? key` and
/// single-pair mappings such as `[a: 1]`), comments, anchors and aliases (in flow collections
/// too). Plain scalars are typed by YAML 1.2's core schema, as OpenAPI 3.1 expects: `yes`, `on`
/// and timestamps stay strings; `+12`, `0x1F` and `0o17` are integers, written in decimal; floats
/// are written as JSON writes them (`+.5` is `0.5`). The core tags `!!str`, `!!int`, `!!float`,
/// `!!bool`, `!!null`, `!!map` and `!!seq` are applied (`!!str 123` is the string "123").
///
/// Refused with a located error, never read as something else: a second document, any other tag
/// (`!custom`, `!!binary`), `.inf` and `.nan` (floats JSON cannot hold), complex keys (`? `) in
/// block mappings, and tabs used for indentation. A plain key is its text (`200:` is the key
/// "200"), as JSON's keys are strings. docgen reads YAML for one thing, the wire keys in a
/// vendor's OpenAPI document (`docgen keys learn --openapi`), and this keeps the CLI free of
/// Foundation (which a general YAML library would link).
public enum YAMLReader {
    public static func parse(_ text: String) throws(LocatedJSON.ParseError) -> LocatedJSON {
        var parser = Parser(bytes: Array(text.utf8))
        do {
            try parser.skipBlankLines()
            parser.inDocument = true
            let value = parser.atEnd ? LocatedJSON(value: .null, line: 1, column: 1) : try parser.node(parentIndent: -1, depth: 0)
            try parser.skipBlankLines()
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
        /// Whether the document's content has begun (a `---` after it starts a second document;
        /// set once the lines before it are skipped), and whether `...` has ended it.
        var inDocument = false
        var documentEnded = false
        /// The text of the plain scalar read last, for a tag (`!!str true` is "true", not `true`).
        var lastPlain: String?

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

        /// Moves to the first character of the next line holding content (blank lines and comment
        /// lines skipped; `---` and `%` directives before the content, `...` after it).
        mutating func skipBlankLines() throws {
            while !atEnd {
                if index == lineStart {
                    if atDocumentMarker {
                        if current == UInt8(ascii: ".") {
                            documentEnded = true
                        } else if inDocument || documentEnded {
                            throw error("multiple documents: a second document starts here ('---'); docgen reads one")
                        }
                        index += 3
                    } else if current == UInt8(ascii: "%") {
                        if inDocument && !documentEnded { throw error("a directive ('%') inside the document; directives come before '---'") }
                        while !isBreak(current) { index += 1 }
                    }
                }
                skipSpaces()
                if current == UInt8(ascii: "#") { while !isBreak(current) { index += 1 } }
                if current == 0x0D { index += 1 }
                guard current == 0x0A else {
                    if documentEnded, !atEnd { throw error("multiple documents: text after the end of the document ('...'); docgen reads one") }
                    return
                }
                advance()
            }
        }

        /// `---` or `...` then a blank or the line end (a document marker when at a line's start).
        @inline(__always) var atDocumentMarker: Bool {
            let byte = current
            guard byte == UInt8(ascii: "-") || byte == UInt8(ascii: "."), peek(1) == byte, peek(2) == byte else { return false }
            return isBreak(peek(3)) || isBlank(peek(3))
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
            if current == UInt8(ascii: "?"), isBlank(peek(1)) || isBreak(peek(1)) { throw error("complex mapping keys ('? ') are not supported; convert the document to JSON") }
            if lineHoldsKey() { return try mapping(depth: depth) }
            return try value(parentIndent: parentIndent, depth: depth)
        }

        /// The block node under a key or `-` whose line ended: more indented than `parentIndent`
        /// (a sequence may sit at the key's own indentation), or null when there is none.
        mutating func nested(parentIndent: Int, allowSequenceAtParent: Bool, depth: Int) throws -> LocatedJSON {
            let (line, column) = (self.line, self.column)
            try skipBlankLines()
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
                try skipBlankLines()
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
                try skipBlankLines()
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

        /// A value that starts on the current line: anchored, tagged or aliased, a block scalar, a
        /// quoted or flow scalar, or a plain scalar (which may go on over more-indented lines).
        mutating func value(parentIndent: Int, depth: Int) throws -> LocatedJSON {
            let (startLine, startColumn) = (line, column)
            if current == UInt8(ascii: "*") {
                let value = try alias()
                guard restOfLineIsEmpty() else { throw error("unexpected text after the alias") }
                return value
            }
            if current == UInt8(ascii: "&") || current == UInt8(ascii: "!") {
                // Properties, then the node they belong to (on the lines below when the line ends).
                let (anchor, tag, lineEnded) = try properties(inFlow: false)
                var value = lineEnded
                    ? try nested(parentIndent: parentIndent, allowSequenceAtParent: true, depth: depth)
                    : try node(parentIndent: parentIndent, depth: depth)
                if let tag { value = try tagged(value, tag.0, line: tag.line, column: tag.column) }
                if let anchor { anchors[anchor] = value }
                return value
            }
            let text: LocatedJSON.Value
            switch current {
            case UInt8(ascii: "|"), UInt8(ascii: ">"): text = .string(try blockScalar(parentIndent: parentIndent))
            case UInt8(ascii: "\""): text = .string(try doubleQuoted(parentIndent: parentIndent))
            case UInt8(ascii: "'"): text = .string(try singleQuoted(parentIndent: parentIndent))
            case UInt8(ascii: "["), UInt8(ascii: "{"): return try flow(depth: depth)
            default:
                let plain = plain(parentIndent: parentIndent, inFlow: false)
                lastPlain = plain
                guard let value = plainValue(plain) else { throw notJSON(plain, line: startLine, column: startColumn) }
                text = value
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

        /// A node's properties: an anchor, a tag or both, in either order, each followed by blanks
        /// (in a flow collection, by any space); whether the line ended after them (in a block).
        mutating func properties(inFlow: Bool) throws -> (anchor: String?, tag: (CoreTag, line: Int, column: Int)?, lineEnded: Bool) {
            var anchor: String?
            var tag: (CoreTag, line: Int, column: Int)?
            var lineEnded = false
            while !lineEnded, current == UInt8(ascii: "&") || current == UInt8(ascii: "!") {
                if current == UInt8(ascii: "&") {
                    guard anchor == nil else { throw error("a node has one anchor") }
                    index += 1
                    anchor = anchorName()
                } else {
                    guard tag == nil else { throw error("a node has one tag") }
                    let (tagLine, tagColumn) = (line, column)
                    tag = (try coreTag(), tagLine, tagColumn)
                }
                if inFlow { try skipFlowSpace() } else { lineEnded = restOfLineIsEmpty() }
            }
            if !lineEnded, current == UInt8(ascii: "*") { throw error("an alias cannot have an anchor or a tag") }
            lastPlain = nil
            return (anchor, tag, lineEnded)
        }

        /// `*name`: the value anchored under that name.
        mutating func alias() throws -> LocatedJSON {
            index += 1
            let name = anchorName()
            guard let value = anchors[name] else { throw error("alias '*\(name)' names no anchor") }
            return value
        }

        // MARK: Scalars' types

        /// `null`, `true`, numbers and the rest, as a plain scalar means them in YAML 1.2's core
        /// schema; nil for `.inf` and `.nan`, which JSON cannot hold.
        func plainValue(_ text: String) -> LocatedJSON.Value? {
            switch text {
            case "", "~", "null", "Null", "NULL": return .null
            case "true", "True", "TRUE": return .bool(true)
            case "false", "False", "FALSE": return .bool(false)
            default:
                if text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return .number(text, isInteger: true) }
                guard let first = text.utf8.first, (first >= 0x30 && first <= 0x39) || first == 0x2D || first == 0x2B || first == 0x2E else { return .string(text) }
                switch Self.coreNumber(text) {
                case .integer(let decimal)?: return .number(decimal, isInteger: true)
                case .float(let json)?: return .number(json, isInteger: false)
                case .notJSON?: return nil
                case nil: return .string(text)
                }
            }
        }

        func notJSON(_ text: String, line: Int, column: Int) -> LocatedJSON.ParseError {
            LocatedJSON.ParseError(message: "'\(text)' is a float JSON cannot hold (infinity or NaN); quote it to keep it as a string", line: line, column: column)
        }

        enum CoreNumber: Equatable {
            /// Decimal digits, `-` before them when negative.
            case integer(String)
            /// As JSON writes it: no `+`, a digit each side of the point.
            case float(String)
            /// `.inf`, `-.inf`, `.nan`.
            case notJSON
        }

        /// The number YAML 1.2's core schema reads `text` as: `[-+]?[0-9]+`, `0o[0-7]+` and
        /// `0x[0-9a-fA-F]+` integers, `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?` floats,
        /// `[-+]?.inf` and `.nan` (any of their three spellings); nil when it is none of them.
        static func coreNumber(_ text: String) -> CoreNumber? {
            let bytes = Array(text.utf8)
            func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
            var start = 0
            if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") { start = 1 }
            let body = bytes[start...]
            guard !body.isEmpty else { return nil }
            if start == 0, body.count > 2, body[0] == UInt8(ascii: "0"), body[1] == UInt8(ascii: "x") || body[1] == UInt8(ascii: "o") {
                let radix = body[1] == UInt8(ascii: "x") ? 16 : 8
                var digits: [Int] = []
                for byte in body.dropFirst(2) {
                    let digit: Int
                    switch byte {
                    case 0x30...0x39: digit = Int(byte - 0x30)
                    case 0x61...0x66: digit = Int(byte - 0x61) + 10
                    case 0x41...0x46: digit = Int(byte - 0x41) + 10
                    default: return nil
                    }
                    guard digit < radix else { return nil }
                    digits.append(digit)
                }
                return .integer(decimal(digits, radix: radix))
            }
            let name = String(decoding: body, as: UTF8.self)
            if name == ".inf" || name == ".Inf" || name == ".INF" { return .notJSON }
            if start == 0, name == ".nan" || name == ".NaN" || name == ".NAN" { return .notJSON }
            let sign = bytes[0] == UInt8(ascii: "-") ? "-" : ""
            if body.allSatisfy(isDigit) { return .integer(start == 0 || sign == "-" ? text : String(name)) }
            // A float: digits, a point, digits (one side at least), then an exponent.
            var position = body.startIndex
            while position < body.endIndex, isDigit(body[position]) { position += 1 }
            let whole = body[body.startIndex..<position]
            var fraction: ArraySlice<UInt8> = []
            var point = false
            if position < body.endIndex, body[position] == UInt8(ascii: ".") {
                point = true
                position += 1
                let fractionStart = position
                while position < body.endIndex, isDigit(body[position]) { position += 1 }
                fraction = body[fractionStart..<position]
            }
            guard !whole.isEmpty || !fraction.isEmpty else { return nil }
            let exponent = body[position...]
            if !exponent.isEmpty {
                guard exponent.first == UInt8(ascii: "e") || exponent.first == UInt8(ascii: "E") else { return nil }
                var digits = exponent.dropFirst()
                if digits.first == UInt8(ascii: "-") || digits.first == UInt8(ascii: "+") { digits = digits.dropFirst() }
                guard !digits.isEmpty, digits.allSatisfy(isDigit) else { return nil }
            }
            if bytes[0] != UInt8(ascii: "+"), !whole.isEmpty, !point || !fraction.isEmpty { return .float(text) }
            let json = sign + (whole.isEmpty ? "0" : String(decoding: whole, as: UTF8.self))
                + (point ? "." + (fraction.isEmpty ? "0" : String(decoding: fraction, as: UTF8.self)) : "")
                + String(decoding: exponent, as: UTF8.self)
            return .float(json)
        }

        /// `digits` (most significant first, in `radix`) written in decimal, of any length.
        static func decimal(_ digits: [Int], radix: Int) -> String {
            var decimal: [Int] = [0] // least significant first
            for digit in digits {
                var carry = digit
                for position in decimal.indices {
                    let product = decimal[position] * radix + carry
                    decimal[position] = product % 10
                    carry = product / 10
                }
                while carry > 0 {
                    decimal.append(carry % 10)
                    carry /= 10
                }
            }
            while decimal.count > 1, decimal.last == 0 { decimal.removeLast() }
            return String(decimal.reversed().map { Character(Unicode.Scalar(UInt8(0x30 + $0))) })
        }

        enum CoreTag: String {
            case str, int, float, bool, null, map, seq
        }

        /// `!!name` or `!<tag:yaml.org,2002:name>` for a core tag; any other tag is refused, as
        /// docgen would otherwise read its value as something it is not.
        mutating func coreTag() throws -> CoreTag {
            let (startIndex, startColumn) = (index, column)
            if peek(1) == UInt8(ascii: "<") {
                while !isBlank(current), !isBreak(current), current != UInt8(ascii: ">") { index += 1 }
                if current == UInt8(ascii: ">") { index += 1 }
            } else {
                // A tag ends at a blank, and in a flow collection at an indicator.
                while !isBlank(current), !isBreak(current), current != UInt8(ascii: ","), current != UInt8(ascii: "]"), current != UInt8(ascii: "}"),
                      current != UInt8(ascii: "["), current != UInt8(ascii: "{") { index += 1 }
            }
            let text = String(decoding: bytes[startIndex..<index], as: UTF8.self)
            var name: Substring?
            if text.hasPrefix("!!") { name = text.dropFirst(2) } else if text.hasPrefix("!<tag:yaml.org,2002:"), text.hasSuffix(">") {
                name = text.dropFirst(20).dropLast()
            }
            guard let name, let tag = CoreTag(rawValue: String(name)) else {
                throw LocatedJSON.ParseError(message: "the tag '\(text)' is not one docgen reads (only !!str, !!int, !!float, !!bool, !!null, !!map and !!seq)", line: line, column: startColumn)
            }
            return tag
        }

        /// `value` as `tag` says: a scalar retyped from its text (`lastPlain` when it was plain),
        /// a collection checked; a located error when the text is not of that type.
        func tagged(_ value: LocatedJSON, _ tag: CoreTag, line: Int, column: Int) throws -> LocatedJSON {
            func refused(_ what: String) -> LocatedJSON.ParseError {
                LocatedJSON.ParseError(message: "the tag '!!\(tag.rawValue)' is on \(what)", line: line, column: column)
            }
            let text: String
            switch value.value {
            case .object: if tag == .map { return value }; throw refused("a mapping")
            case .array: if tag == .seq { return value }; throw refused("a sequence")
            case .string(let string): text = string
            case .number(let number, _): text = lastPlain ?? number
            case .bool(let flag): text = lastPlain ?? (flag ? "true" : "false")
            case .null: text = lastPlain ?? "" // nothing after the tag: the empty scalar
            }
            var retyped = value
            switch tag {
            case .map, .seq: throw refused("the scalar '\(text)'")
            case .str: retyped.value = .string(text)
            case .int:
                guard case .integer(let decimal)? = Self.coreNumber(text) else { throw refused("'\(text)', which is not an integer") }
                retyped.value = .number(decimal, isInteger: true)
            case .float:
                switch Self.coreNumber(text) {
                case .float(let json)?: retyped.value = .number(json, isInteger: false)
                case .integer(let decimal)? where text.utf8.allSatisfy({ $0 != UInt8(ascii: "x") && $0 != UInt8(ascii: "o") }):
                    retyped.value = .number(decimal + ".0", isInteger: false)
                case .notJSON?: throw notJSON(text, line: line, column: column)
                default: throw refused("'\(text)', which is not a float")
                }
            case .bool:
                guard case .bool? = plainValue(text) else { throw refused("'\(text)', which is not true or false") }
                retyped.value = plainValue(text)!
            case .null:
                guard case .null? = plainValue(text) else { throw refused("'\(text)', which is not null") }
                retyped.value = .null
            }
            return retyped
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
                if atEnd || indent <= parentIndent || current == UInt8(ascii: "#") || (atSequenceEntry && indent <= parentIndent + 1) || lineHoldsKey()
                    || (index == lineStart && atDocumentMarker) {
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
                // The bytes up to the next quote, escape or line break, as one run: most strings
                // are one run, and then the string is made from the run directly.
                let run = index
                while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\"), !isBreak(bytes[index]) {
                    index += 1
                }
                if out.isEmpty, index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                    index += 1
                    return String(decoding: bytes[run..<index - 1], as: UTF8.self)
                }
                out.append(contentsOf: bytes[run..<index])
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
                    default:
                        guard let scalar = Self.rareEscapes[escaped] else { throw error("unknown escape '\\\(Character(Unicode.Scalar(escaped)))'") }
                        out.append(contentsOf: Array(String(Character(scalar)).utf8))
                    }
                    continue
                }
                // What is left after a run is a line break.
                try fold(into: &out)
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
                    try fold(into: &out)
                    continue
                }
                out.append(current)
                index += 1
            }
            return String(decoding: out, as: UTF8.self)
        }

        /// YAML's other escapes: `\a`, `\b`, `\v`, `\f`, `\e` (ESC), `\N`, `\_`, `\L`, `\P`.
        static let rareEscapes: [UInt8: Unicode.Scalar] = [
            UInt8(ascii: "a"): "\u{07}", UInt8(ascii: "b"): "\u{08}", UInt8(ascii: "v"): "\u{0B}", UInt8(ascii: "f"): "\u{0C}",
            UInt8(ascii: "e"): "\u{1B}", UInt8(ascii: "N"): "\u{85}", UInt8(ascii: "_"): "\u{A0}", UInt8(ascii: "L"): "\u{2028}",
            UInt8(ascii: "P"): "\u{2029}",
        ]

        /// A line break inside a quoted scalar: trailing blanks dropped, one break becomes a
        /// space, each further (empty) line a newline; the next line's indentation is skipped.
        mutating func fold(into out: inout [UInt8]) throws {
            while let last = out.last, isBlank(last) { out.removeLast() }
            var breaks = 0
            while !atEnd, isBreak(current) {
                if current == 0x0D { index += 1; continue }
                advance()
                breaks += 1
                if atDocumentMarker { throw error("a quoted string is never closed before this document marker") }
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
                if atDocumentMarker {
                    (index, line, lineStart) = saved
                    break
                }
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
                // Empty lines before the first text are one break each. Between two text lines,
                // the break folds to a space, or is dropped when empty lines follow it (each of
                // them a break); a more-indented line (one starting with a blank) keeps the
                // breaks on both its sides.
                var previous: String?
                var empty = 0
                for content in lines {
                    if content.isEmpty {
                        empty += 1
                        continue
                    }
                    if let previous {
                        let spaced = content.first == " " || content.first == "\t" || previous.first == " " || previous.first == "\t"
                        if spaced { text += String(repeating: "\n", count: empty + 1) } else { text += empty == 0 ? " " : String(repeating: "\n", count: empty) }
                    } else {
                        text += String(repeating: "\n", count: empty)
                    }
                    text += content
                    previous = content
                    empty = 0
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

        mutating func skipFlowSpace() throws {
            while !atEnd {
                if isBlank(current) || current == 0x0D { index += 1 } else if current == 0x0A {
                    advance()
                    if atDocumentMarker { throw error("a flow collection is never closed before this document marker") }
                } else if current == UInt8(ascii: "#") {
                    while !isBreak(current) { index += 1 }
                } else { return }
            }
        }

        /// `[a, b]` or `{a: b, c: d}`, across lines; in a sequence, `a: b` (or `? a : b`) is a
        /// mapping of that one pair, and `? a` alone is a key whose value is null.
        mutating func flow(depth: Int) throws -> LocatedJSON {
            guard depth < LocatedJSON.maximumDepth else { throw error("nesting is deeper than \(LocatedJSON.maximumDepth) levels") }
            let (startLine, startColumn) = (line, column)
            let isMap = current == UInt8(ascii: "{")
            let close = isMap ? UInt8(ascii: "}") : UInt8(ascii: "]")
            index += 1
            var items: [LocatedJSON] = []
            var members: [LocatedJSON.Member] = []
            while true {
                try skipFlowSpace()
                guard !atEnd else { throw error("'\(isMap ? "{" : "[")' is never closed") }
                if current == close { index += 1; break }
                var (itemLine, itemColumn) = (line, column)
                // `? key`: an explicit key, located at the key itself.
                let explicitKey = current == UInt8(ascii: "?") && (isBlank(peek(1)) || isBreak(peek(1)))
                if explicitKey {
                    index += 1
                    try skipFlowSpace()
                    (itemLine, itemColumn) = (line, column)
                }
                // An empty key (`[: v]`, `{? }`) is YAML's null, which no JSON key spells.
                if current == UInt8(ascii: ":") || (explicitKey && (current == UInt8(ascii: ",") || current == close)) {
                    throw error("an empty key in a flow collection; docgen reads keys that have text")
                }
                lastPlain = nil
                let item = try flowScalarOrCollection(depth: depth)
                let key = flowKey(item) // before a value's plain text replaces `lastPlain`
                try skipFlowSpace()
                if current == UInt8(ascii: ":") || explicitKey {
                    var value = LocatedJSON(value: .null, line: line, column: column)
                    if current == UInt8(ascii: ":") {
                        index += 1
                        try skipFlowSpace()
                        (value.line, value.column) = (line, column)
                        if current != UInt8(ascii: ","), current != close { value = try flowScalarOrCollection(depth: depth) }
                    }
                    guard let key else { throw LocatedJSON.ParseError(message: "flow keys must be scalars", line: itemLine, column: itemColumn) }
                    let member = LocatedJSON.Member(key: key, line: itemLine, column: itemColumn, value: value)
                    if isMap { members.append(member) } else { items.append(LocatedJSON(value: .object([member]), line: itemLine, column: itemColumn)) }
                } else if isMap {
                    guard let key else { throw error("expected ':' in a flow mapping") }
                    members.append(LocatedJSON.Member(key: key, line: itemLine, column: itemColumn, value: LocatedJSON(value: .null, line: itemLine, column: itemColumn)))
                } else {
                    items.append(item)
                }
                try skipFlowSpace()
                if current == UInt8(ascii: ",") { index += 1; continue }
                guard current == close else { throw error("expected ',' or '\(Character(Unicode.Scalar(close)))'") }
            }
            return LocatedJSON(value: isMap ? .object(members) : .array(items), line: startLine, column: startColumn)
        }

        /// A flow key's text: a scalar's as written (`{1: a}` has the key "1", as in a block mapping).
        func flowKey(_ item: LocatedJSON) -> String? {
            switch item.value {
            case .string(let text): text
            case .number(let text, _): lastPlain ?? text
            case .bool(let flag): lastPlain ?? (flag ? "true" : "false")
            case .null: lastPlain // an alias to null has no text
            case .object, .array: nil
            }
        }

        mutating func flowScalarOrCollection(depth: Int) throws -> LocatedJSON {
            if current == UInt8(ascii: "*") { return try alias() }
            if current == UInt8(ascii: "&") || current == UInt8(ascii: "!") {
                // Properties, then their node, which may be empty (`[!!str , &a ]`).
                let (anchor, tag, _) = try properties(inFlow: true)
                var value = current == UInt8(ascii: ",") || current == UInt8(ascii: "]") || current == UInt8(ascii: "}") || current == UInt8(ascii: ":")
                    ? LocatedJSON(value: .null, line: line, column: column) : try flowScalarOrCollection(depth: depth)
                if let tag { value = try tagged(value, tag.0, line: tag.line, column: tag.column) }
                if let anchor { anchors[anchor] = value }
                return value
            }
            let (startLine, startColumn) = (line, column)
            switch current {
            case UInt8(ascii: "["), UInt8(ascii: "{"): return try flow(depth: depth + 1)
            case UInt8(ascii: "\""): return LocatedJSON(value: .string(try doubleQuoted(parentIndent: -1)), line: startLine, column: startColumn)
            case UInt8(ascii: "'"): return LocatedJSON(value: .string(try singleQuoted(parentIndent: -1)), line: startLine, column: startColumn)
            default:
                let text = plain(parentIndent: -1, inFlow: true)
                lastPlain = text
                // A plain key keeps its text even when it reads as a number or a word like `null`.
                if current == UInt8(ascii: ":") { return LocatedJSON(value: .string(text), line: startLine, column: startColumn) }
                guard let value = plainValue(text) else { throw notJSON(text, line: startLine, column: startColumn) }
                return LocatedJSON(value: value, line: startLine, column: startColumn)
            }
        }
    }
}
