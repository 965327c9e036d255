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
        let chars = Array(text)
        var i = 0
        func isLetter(_ c: Character) -> Bool {
            c.isASCII ? ("a"..."z").contains(c) || ("A"..."Z").contains(c) : c.isLetter
        }
        func isNameStart(_ c: Character) -> Bool { isLetter(c) || c == "_" }
        func isNamePart(_ c: Character) -> Bool { isLetter(c) || ("0"..."9").contains(c) || c == "_" || c == "." || c == ":" || c == "\\" }
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace {
                i += 1
            } else if isNameStart(c) || (c == "\\" && i + 1 < chars.count && isNameStart(chars[i + 1])) {
                let start = i
                i += 1
                while i < chars.count, isNamePart(chars[i]) { i += 1 }
                tokens.append(.name(String(chars[start..<i])))
            } else if c.isNumber || (c == "-" && i + 1 < chars.count && chars[i + 1].isNumber) {
                let start = i
                i += 1
                while i < chars.count, chars[i].isNumber || chars[i] == "." { i += 1 }
                tokens.append(.number(String(chars[start..<i])))
            } else if c == "\"" || c == "'" {
                var value = ""
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
                tokens.append(closed ? .string(value) : .unexpected(c))
            } else if "[<(".contains(c) {
                tokens.append(.open(c)); i += 1
            } else if "]>)".contains(c) {
                tokens.append(.close(c)); i += 1
            } else if c == "," {
                tokens.append(.comma); i += 1
            } else if c == "|" {
                tokens.append(.pipe); i += 1
            } else {
                tokens.append(.unexpected(c)); i += 1
            }
        }
        return tokens
    }
}
