/// The inline Markdown of most table cells — `` `created_at` ``, `*Optional[str]*`,
/// `[Optional[shared.Foo]](../shared/foo.md)`, `List[[shared.Foo](foo.md)]` — read without a
/// cmark parse, which was a tenth of a run.
///
/// It reads exactly what `MarkdownParser.parseInlines` gets from cmark for a cell (a paragraph
/// behind a U+0001 guard), and only a small subset where that is unambiguous: plain text,
/// literal brackets, a literal `<` (one that starts no autolink or HTML), single-`*` emphasis,
/// inline links with a plain destination, or one code span making up the whole cell (or all of
/// it but a `~~` on each side). Anything
/// else (`_`, `**`, `\`, `&`, any other `<`, `!`, `~`, other
/// backticks, control characters, `*` next to non-ASCII, a `](` that is not a plain link)
/// returns `nil`, and the cell goes to cmark. Tests compare the two on generated cells.
public enum CellInlines {
    public static func parse(_ text: String) -> [Inline]? {
        var text = text
        return text.withUTF8(parse)
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> [Inline]? {
        guard let first = bytes.first, let last = bytes.last else { return [] }
        // cmark strips blanks around a paragraph; callers pass trimmed cells, the rest go to cmark.
        guard first != 0x20, last != 0x20 else { return nil }
        for byte in bytes where byte < 0x20 || byte == 0x7F { return nil }
        if first == backtick { return codeSpan(bytes) }
        // A deprecated field's name, ~~`name`~~: cmark reads text, code, text, which
        // `Strikethrough` turns into a struck-through code span.
        let tilde = UInt8(ascii: "~"), count = bytes.count
        if first == tilde, count >= 7, bytes[1] == tilde, bytes[2] == backtick,
           bytes[count - 2] == tilde, last == tilde, bytes[count - 3] == backtick,
           let code = codeSpan(UnsafeBufferPointer(rebasing: bytes[2..<(count - 2)])) {
            return [.strikethroughStart] + code + [.strikethroughEnd]
        }
        var reader = Reader(bytes: bytes)
        return reader.read()
    }

    private static let backtick = UInt8(ascii: "`")

    /// A cell that is one code span: `` `x` `` with no other backtick.
    private static func codeSpan(_ bytes: UnsafeBufferPointer<UInt8>) -> [Inline]? {
        guard bytes.count >= 3, bytes.last == backtick else { return nil }
        var content = bytes[1..<(bytes.count - 1)]
        guard !content.contains(backtick) else { return nil }
        // CommonMark strips one space from each end when both ends have one (and not only spaces).
        if content.first == 0x20, content.last == 0x20, content.contains(where: { $0 != 0x20 }) {
            content = content.dropFirst().dropLast()
        }
        return [.code(String(decoding: UnsafeBufferPointer(rebasing: content), as: UTF8.self))]
    }

    /// Tokens first, then emphasis resolved with CommonMark's delimiter algorithm.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>

        enum Token {
            /// Text, literal brackets included: always a run of the cell's own bytes.
            case text(Range<Int>)
            case star(at: Int, canOpen: Bool, canClose: Bool)
            case emphasis(opens: Bool)
            case linkStart(destination: Range<Int>)
            case linkEnd
        }
        var tokens: [Token] = []
        /// Indices in `tokens` of `*` delimiters still in play, oldest first.
        var delimiters: [Int] = []
        /// Open `[`: token index and whether it can still become a link.
        var brackets: [(token: Int, active: Bool)] = []

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            tokens.reserveCapacity(8)
        }

        mutating func read() -> [Inline]? {
            var index = 0
            var textStart = 0
            func flushText(_ end: Int, into tokens: inout [Token]) {
                if end > textStart { tokens.append(.text(textStart..<end)) }
            }
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "<"):
                    // C#'s `List<*string*>`, `Dictionary<String, X>`: a `<` that can start no
                    // autolink or HTML is text, as in cmark.
                    guard literalAngle(at: index) else { return nil }
                    index += 1
                case UInt8(ascii: "_"), UInt8(ascii: "\\"), UInt8(ascii: "&"), UInt8(ascii: "!"),
                     UInt8(ascii: "~"), UInt8(ascii: "`"), UInt8(ascii: "("), UInt8(ascii: ")"):
                    return nil
                case UInt8(ascii: "*"):
                    flushText(index, into: &tokens)
                    guard let star = flanking(at: index) else { return nil }
                    delimiters.append(tokens.count)
                    tokens.append(.star(at: index, canOpen: star.left, canClose: star.right))
                    index += 1
                    textStart = index
                case UInt8(ascii: "["):
                    flushText(index, into: &tokens)
                    brackets.append((tokens.count, true))
                    tokens.append(.text(index..<index + 1))
                    index += 1
                    textStart = index
                case UInt8(ascii: "]"):
                    flushText(index, into: &tokens)
                    let closing = index..<index + 1
                    index += 1
                    textStart = index
                    guard let opener = brackets.popLast(), opener.active else {
                        tokens.append(.text(closing))
                        continue
                    }
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "(") else {
                        tokens.append(.text(closing)) // no link definitions exist in a cell
                        continue
                    }
                    guard let destination = plainDestination(from: index + 1) else { return nil }
                    tokens[opener.token] = .linkStart(destination: destination)
                    resolveEmphasis(after: opener.token)
                    tokens.append(.linkEnd)
                    // Links do not nest: no earlier `[` can become one now.
                    for b in brackets.indices { brackets[b].active = false }
                    index = destination.upperBound + 1
                    textStart = index
                default:
                    index += 1
                }
            }
            flushText(bytes.count, into: &tokens)
            resolveEmphasis(after: -1)
            return inlines()
        }

        /// Whether cmark reads the `<` at `index` as a literal `<`: it starts no URI autolink
        /// (`scheme:`), email autolink (`local@`), closing tag, comment, declaration or
        /// processing instruction (`</`, `<!`, `<?`), nor an open tag (a tag name followed by a
        /// blank, `/` or `>`). Decided conservatively: anything that might be one is `false`.
        func literalAngle(at index: Int) -> Bool {
            func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
            func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
            func isEmailLocal(_ b: UInt8) -> Bool {
                switch b {
                case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
                     UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "?"),
                     UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: "}"),
                     UInt8(ascii: "~"), UInt8(ascii: "-"): true
                default: isLetter(b) || isDigit(b)
                }
            }
            func byte(_ i: Int) -> UInt8? { i < bytes.count ? bytes[i] : nil }
            let start = index + 1
            guard let first = byte(start) else { return true }
            if first == UInt8(ascii: "/") || first == UInt8(ascii: "!") || first == UInt8(ascii: "?") { return false }
            // Email: the longest run of local-part characters, then `@`.
            var end = start
            while let b = byte(end), isEmailLocal(b) { end += 1 }
            if byte(end) == UInt8(ascii: "@") { return false }
            guard isLetter(first) else { return true } // no tag name or scheme starts here
            // URI scheme: letters, digits, `+`, `.`, `-`, then `:`.
            end = start
            while let b = byte(end), isLetter(b) || isDigit(b) || b == UInt8(ascii: "+") || b == UInt8(ascii: ".") || b == UInt8(ascii: "-") { end += 1 }
            if byte(end) == UInt8(ascii: ":") { return false }
            // Open tag: the name (letters, digits, `-`), then a blank, `/` or `>`.
            end = start
            while let b = byte(end), isLetter(b) || isDigit(b) || b == UInt8(ascii: "-") { end += 1 }
            if let b = byte(end), b == 0x20 || b == UInt8(ascii: "/") || b == UInt8(ascii: ">") { return false }
            return true
        }

        /// Whether the `*` at `index` is left- and right-flanking. The cell's start behaves like
        /// the blank of the guard before it, its end like a line end.
        /// Runs of more than one `*`, and non-ASCII neighbours, are not handled.
        func flanking(at index: Int) -> (left: Bool, right: Bool)? {
            let before: UInt8? = index > 0 ? bytes[index - 1] : nil
            let after: UInt8? = index + 1 < bytes.count ? bytes[index + 1] : nil
            guard before != UInt8(ascii: "*"), after != UInt8(ascii: "*") else { return nil }
            if let before, before >= 0x80 { return nil }
            if let after, after >= 0x80 { return nil }
            let beforeBlank = before == nil || before == 0x20
            let beforePunctuation = before.map(Self.isPunctuation) ?? false
            let afterBlank = after == nil || after == 0x20
            let afterPunctuation = after.map(Self.isPunctuation) ?? false
            let left = !afterBlank && (!afterPunctuation || beforeBlank || beforePunctuation)
            let right = !beforeBlank && (!beforePunctuation || afterBlank || afterPunctuation)
            return (left, right)
        }

        static func isPunctuation(_ byte: UInt8) -> Bool {
            (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
        }

        /// `(dest)` with a non-empty destination of plain characters, ending at `)`; the range
        /// of the destination. `nil` for anything cmark might read differently (titles, spaces,
        /// angle brackets, nested parentheses, escapes, entities).
        func plainDestination(from start: Int) -> Range<Int>? {
            var index = start
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: ")"):
                    return index > start ? start..<index : nil
                case 0x20, UInt8(ascii: "("), UInt8(ascii: "<"), UInt8(ascii: "\\"), UInt8(ascii: "&"), UInt8(ascii: "\""), UInt8(ascii: "'"):
                    return nil
                default:
                    index += 1
                }
            }
            return nil
        }

        /// cmark's `process_emphasis` for single `*` delimiters above `bottom` (a token index):
        /// each closer takes the nearest opener before it (nothing can remain between them);
        /// delimiters left unmatched become literal text.
        mutating func resolveEmphasis(after bottom: Int) {
            var firstInScope = delimiters.count
            while firstInScope > 0, delimiters[firstInScope - 1] > bottom { firstInScope -= 1 }
            var openers: [Int] = [] // token indices of `*` that may still open, innermost last
            for token in delimiters[firstInScope...] {
                guard case .star(_, let canOpen, let canClose) = tokens[token] else { continue }
                if canClose, let opener = openers.popLast() {
                    tokens[opener] = .emphasis(opens: true)
                    tokens[token] = .emphasis(opens: false)
                } else if canOpen {
                    openers.append(token)
                }
            }
            delimiters.removeSubrange(firstInScope...)
        }

        /// The tokens as inline events. Adjacent text (cmark consolidates text nodes) is always
        /// one run of the cell's bytes, so each text event is made from a slice, never built up.
        func inlines() -> [Inline] {
            var result: [Inline] = []
            result.reserveCapacity(tokens.count)
            var run: Range<Int>?
            func flush() {
                if let text = run { result.append(.text(String(decoding: UnsafeBufferPointer(rebasing: bytes[text]), as: UTF8.self))) }
                run = nil
            }
            func extend(_ range: Range<Int>) {
                if let current = run, current.upperBound == range.lowerBound {
                    run = current.lowerBound..<range.upperBound
                } else {
                    flush()
                    run = range
                }
            }
            for token in tokens {
                switch token {
                case .text(let range):
                    extend(range)
                case .star(let at, _, _):
                    extend(at..<at + 1) // unmatched
                case .emphasis(let opens):
                    flush()
                    result.append(opens ? .emphasisStart : .emphasisEnd)
                case .linkStart(let destination):
                    flush()
                    result.append(.linkStart(destination: String(decoding: UnsafeBufferPointer(rebasing: bytes[destination]), as: UTF8.self)))
                case .linkEnd:
                    flush()
                    result.append(.linkEnd)
                }
            }
            flush()
            return result
        }
    }
}
