import DocgenMarkdown

/// One token of a Type cell. The tokenizer is shared by every dialect; what a name means is
/// the vocabulary's business.
public enum TypeToken: Sendable, Equatable {
    /// A name, namespace included: `str`, `shared.Webhook`, `T::Array`, `Shared\Pet`.
    case name(String)
    case open(Character)
    case close(Character)
    case comma
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
                stack[stack.count - 1].tokens.append(contentsOf: html.map { .unexpected($0) }.prefix(1))
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
        var tokens: [TypeToken] = []
        // Unicode scalars, not Characters: grapheme breaking costs more than everything else here.
        let chars = Array(text.unicodeScalars)
        var i = 0
        func isLetter(_ c: Unicode.Scalar) -> Bool {
            c.isASCII ? ("a"..."z").contains(c) || ("A"..."Z").contains(c) : c.properties.isAlphabetic
        }
        func isNumber(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
        func isNameStart(_ c: Unicode.Scalar) -> Bool { isLetter(c) || c == "_" }
        func isNamePart(_ c: Unicode.Scalar) -> Bool { isLetter(c) || isNumber(c) || c == "_" || c == "." || c == ":" || c == "\\" }
        func slice(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(chars[range])) }
        while i < chars.count {
            let c = chars[i]
            if c.isASCII ? (c == " " || c == "\t" || c == "\n" || c == "\r") : c.properties.isWhitespace {
                i += 1
            } else if isNameStart(c) || (c == "\\" && i + 1 < chars.count && isNameStart(chars[i + 1])) {
                let start = i
                i += 1
                while i < chars.count, isNamePart(chars[i]) { i += 1 }
                tokens.append(.name(slice(start..<i)))
            } else if isNumber(c) || (c == "-" && i + 1 < chars.count && isNumber(chars[i + 1])) {
                let start = i
                i += 1
                while i < chars.count, isNumber(chars[i]) || chars[i] == "." { i += 1 }
                tokens.append(.number(slice(start..<i)))
            } else if c == "\"" || c == "'" {
                var value = String.UnicodeScalarView()
                i += 1
                var closed = false
                while i < chars.count {
                    if chars[i] == "\\", i + 1 < chars.count {
                        value.append(chars[i + 1])
                        i += 2
                        continue
                    }
                    if chars[i] == c { closed = true; i += 1; break }
                    value.append(chars[i])
                    i += 1
                }
                tokens.append(closed ? .string(String(value)) : .unexpected(Character(c)))
            } else if c == "[" || c == "<" || c == "(" {
                tokens.append(.open(Character(c))); i += 1
            } else if c == "]" || c == ">" || c == ")" {
                tokens.append(.close(Character(c))); i += 1
            } else if c == "," {
                tokens.append(.comma); i += 1
            } else if c == "|" {
                tokens.append(.pipe); i += 1
            } else {
                tokens.append(.unexpected(Character(c))); i += 1
            }
        }
        return tokens
    }
}
