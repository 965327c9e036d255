import DocgenMarkdown

/// One token of a Type cell. The tokenizer is shared by every dialect; what a name means is
/// the vocabulary's business.
public enum TypeToken: Sendable, Equatable {
    /// A name, namespace included: `str`, `shared.Webhook`, `T::Array`, `Shared\Pet`.
    case name(String)
    case open(Character)
    case close(Character)
    case comma
    /// A lone `:` (TypeScript's `{ [k: string]: V }`); `::` belongs to names (`T::Array`, `::String`).
    case colon
    /// `?`: PHP's nullable prefix (`?string`), Java's wildcard (`HttpResponse<?>`).
    case question
    case pipe
    case string(String)
    case number(String)
    /// A Markdown link: its destination and its label's tokens.
    case link(destination: String, label: [TypeToken], labelText: String)
    /// Anything the tokenizer cannot place.
    case unexpected(Character)
}

public enum TypeTokenizer {
    /// Flattens emphasis and code spans; a link becomes one token carrying its label's tokens.
    public static func tokenize(_ inlines: [Inline]) -> [TypeToken] {
        var stack: [(destination: String, tokens: [TypeToken], text: String)] = [("", [], "")]
        for event in inlines {
            switch event {
            case .text(let text), .code(let text):
                stack[stack.count - 1].tokens.append(contentsOf: tokenize(text))
                stack[stack.count - 1].text += text
            case .linkStart(let destination):
                stack.append((destination, [], ""))
            case .linkEnd where stack.count > 1:
                let link = stack.removeLast()
                stack[stack.count - 1].tokens.append(.link(destination: link.destination, label: link.tokens, labelText: link.text))
                stack[stack.count - 1].text += link.text
            case .html(let html):
                // `<Uint8Array>` reads as an HTML tag to Markdown; in a Type cell it is a generic argument.
                stack[stack.count - 1].tokens.append(contentsOf: tokenize(html))
                stack[stack.count - 1].text += html
            default:
                break
            }
        }
        // An unclosed link (cannot come from cmark) would be folded into its parent.
        while stack.count > 1 {
            let link = stack.removeLast()
            stack[stack.count - 1].tokens.append(contentsOf: link.tokens)
        }
        return stack[0].tokens
    }

    public static func tokenize(_ text: String) -> [TypeToken] {
        var text = text
        // Type cells are ASCII nearly always: read bytes by offset, no scalar index checks.
        if let tokens = text.withUTF8({ bytes in bytes.allSatisfy { $0 < 0x80 } ? tokenizeASCII(bytes) : nil }) {
            return tokens
        }
        return tokenizeScalars(text)
    }

    /// `tokenizeScalars` for ASCII text, on bytes.
    static func tokenizeASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> [TypeToken] {
        var tokens: [TypeToken] = []
        tokens.reserveCapacity(8)
        func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z") }
        func isNumber(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
        func isNameStart(_ c: UInt8) -> Bool { isLetter(c) || c == UInt8(ascii: "_") }
        func isNamePart(_ c: UInt8) -> Bool {
            isLetter(c) || isNumber(c) || c == UInt8(ascii: "_") || c == UInt8(ascii: ".")
        }
        let colon = UInt8(ascii: ":")
        func next(after index: Int) -> UInt8? { index + 1 < bytes.count ? bytes[index + 1] : nil }
        func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D {
                i += 1
            } else if isNameStart(c) || (c == UInt8(ascii: "\\") && next(after: i).map(isNameStart) == true)
                        || (c == colon && next(after: i) == colon && i + 2 < bytes.count && isNameStart(bytes[i + 2])) {
                let start = i
                i += c == colon ? 2 : 1
                while i < bytes.count {
                    if isNamePart(bytes[i]) {
                        i += 1
                    } else if bytes[i] == UInt8(ascii: "\\"), next(after: i).map(isNameStart) == true {
                        i += 1 // PHP's namespace separator: `Shared\\Pet`
                    } else if bytes[i] == colon, next(after: i) == colon {
                        i += 2
                    } else {
                        break
                    }
                }
                tokens.append(.name(text(start..<i)))
            } else if isNumber(c) || (c == UInt8(ascii: "-") && next(after: i).map(isNumber) == true) {
                let start = i
                i += 1
                while i < bytes.count, isNumber(bytes[i]) || bytes[i] == UInt8(ascii: ".") { i += 1 }
                tokens.append(.number(text(start..<i)))
            } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                var value: [UInt8] = []
                i += 1
                var closed = false
                while i < bytes.count {
                    if bytes[i] == UInt8(ascii: "\\"), let escaped = next(after: i) {
                        value.append(escaped)
                        i += 2
                        continue
                    }
                    if bytes[i] == c { closed = true; i += 1; break }
                    value.append(bytes[i])
                    i += 1
                }
                tokens.append(closed ? .string(String(decoding: value, as: UTF8.self)) : .unexpected(Character(Unicode.Scalar(c))))
            } else {
                switch c {
                case UInt8(ascii: "["), UInt8(ascii: "<"), UInt8(ascii: "("), UInt8(ascii: "{"): tokens.append(.open(Character(Unicode.Scalar(c))))
                case UInt8(ascii: "]"), UInt8(ascii: ">"), UInt8(ascii: ")"), UInt8(ascii: "}"): tokens.append(.close(Character(Unicode.Scalar(c))))
                case UInt8(ascii: ","): tokens.append(.comma)
                case colon: tokens.append(.colon)
                case UInt8(ascii: "|"): tokens.append(.pipe)
                case UInt8(ascii: "?"): tokens.append(.question)
                // What is left of an escape Markdown did not take (Java's `\\<`): nothing.
                case UInt8(ascii: "\\"): break
                default: tokens.append(.unexpected(Character(Unicode.Scalar(c))))
                }
                i += 1
            }
        }
        return tokens
    }

    static func tokenizeScalars(_ text: String) -> [TypeToken] {
        var tokens: [TypeToken] = []
        // Unicode scalars, not Characters: grapheme breaking costs more than everything else here.
        // Tokens are sliced from the text by index, which copies bytes instead of scalars.
        let scalars = text.unicodeScalars
        var i = scalars.startIndex
        func isLetter(_ c: Unicode.Scalar) -> Bool {
            c.isASCII ? ("a"..."z").contains(c) || ("A"..."Z").contains(c) : c.properties.isAlphabetic
        }
        func isNumber(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
        func isNameStart(_ c: Unicode.Scalar) -> Bool { isLetter(c) || c == "_" }
        func isNamePart(_ c: Unicode.Scalar) -> Bool { isLetter(c) || isNumber(c) || c == "_" || c == "." }
        func next(after index: String.UnicodeScalarView.Index) -> Unicode.Scalar? {
            let following = scalars.index(after: index)
            return following < scalars.endIndex ? scalars[following] : nil
        }
        while i < scalars.endIndex {
            let c = scalars[i]
            if c.isASCII ? (c == " " || c == "\t" || c == "\n" || c == "\r") : c.properties.isWhitespace {
                i = scalars.index(after: i)
            } else if isNameStart(c) || (c == "\\" && next(after: i).map(isNameStart) == true)
                        || (c == ":" && next(after: i) == ":" && scalars.index(i, offsetBy: 2) < scalars.endIndex
                            && isNameStart(scalars[scalars.index(i, offsetBy: 2)])) {
                let start = i
                i = scalars.index(i, offsetBy: c == ":" ? 2 : 1)
                while i < scalars.endIndex {
                    if isNamePart(scalars[i]) {
                        i = scalars.index(after: i)
                    } else if scalars[i] == "\\", next(after: i).map(isNameStart) == true {
                        i = scalars.index(after: i)
                    } else if scalars[i] == ":", next(after: i) == ":" {
                        i = scalars.index(i, offsetBy: 2)
                    } else {
                        break
                    }
                }
                tokens.append(.name(String(scalars[start..<i])))
            } else if isNumber(c) || (c == "-" && next(after: i).map(isNumber) == true) {
                let start = i
                i = scalars.index(after: i)
                while i < scalars.endIndex, isNumber(scalars[i]) || scalars[i] == "." { i = scalars.index(after: i) }
                tokens.append(.number(String(scalars[start..<i])))
            } else if c == "\"" || c == "'" {
                var value = String.UnicodeScalarView()
                i = scalars.index(after: i)
                var closed = false
                while i < scalars.endIndex {
                    if scalars[i] == "\\", let escaped = next(after: i) {
                        value.append(escaped)
                        i = scalars.index(i, offsetBy: 2)
                        continue
                    }
                    if scalars[i] == c { closed = true; i = scalars.index(after: i); break }
                    value.append(scalars[i])
                    i = scalars.index(after: i)
                }
                tokens.append(closed ? .string(String(value)) : .unexpected(Character(c)))
            } else {
                switch c {
                case "[", "<", "(", "{": tokens.append(.open(Character(c)))
                case "]", ">", ")", "}": tokens.append(.close(Character(c)))
                case ",": tokens.append(.comma)
                case ":": tokens.append(.colon)
                case "|": tokens.append(.pipe)
                case "?": tokens.append(.question)
                case "\\": break
                default: tokens.append(.unexpected(Character(c)))
                }
                i = scalars.index(after: i)
            }
        }
        return tokens
    }
}
