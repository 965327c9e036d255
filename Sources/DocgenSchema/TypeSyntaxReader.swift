import DocgenMarkdown

/// The shape of a Type cell, before meaning.
indirect enum TypeSyntax: Equatable {
    case name(String)
    /// `List[X]`, `Record<string, X>`, `T.nilable(X)`, Go's `map[string]X` (key, then value).
    case generic(String, [TypeSyntax])
    /// `X[]` (TypeScript) or `[]X` (Go).
    case list(TypeSyntax)
    /// TypeScript's object type `{ [k: K]: V }`.
    case object(key: TypeSyntax, value: TypeSyntax)
    case string(String)
    case number(String)
    case link(destination: String, label: TypeSyntax?, text: String)
    /// `A | B`.
    case alternatives([TypeSyntax])

    /// The syntax written back, for labels and messages.
    var text: String {
        switch self {
        case .name(let name): name
        case .generic(let name, let arguments): "\(name)[\(arguments.map(\.text).joined(separator: ", "))]"
        case .list(let element): "\(element.text)[]"
        case .object(let key, let value): "{ [k: \(key.text)]: \(value.text) }"
        case .string(let value): "\"\(value)\""
        case .number(let value): value
        case .link(_, _, let text): text
        case .alternatives(let members): members.map(\.text).joined(separator: " | ")
        }
    }
}

/// Reads the shape of a Type cell. One grammar serves every dialect (their notations do not
/// collide); what the names mean is the vocabulary's business:
///
///     alternatives := term ("|" term)*
///     term         := ("[]" | "*" | "?")* core "[]"*    // Go []X and *X, TypeScript X[], PHP ?X
///     core         := name (open arguments close)? | string | number | link
///                   | "{" "[" name ":" term "]" ":" term "}"        // TypeScript object
///     open/close   := "[" "]" | "<" ">" | "(" ")"
///
/// A map generic with one argument takes the term after it as its value (Go's `map[string]X`).
struct SyntaxReader {
    let tokens: [TypeToken]
    let vocabulary: TypeVocabulary
    var index = 0

    init(tokens: [TypeToken], vocabulary: TypeVocabulary) {
        self.tokens = tokens
        self.vocabulary = vocabulary
    }

    mutating func readWhole(depth: Int) throws -> TypeSyntax {
        let syntax = try readAlternatives(depth: depth)
        if index < tokens.count {
            throw TypeProblem(.typeMalformed, "unexpected \(describe(tokens[index])) after the type")
        }
        return syntax
    }

    mutating func readAlternatives(depth: Int) throws -> TypeSyntax {
        var terms = [try readTerm(depth: depth)]
        while index < tokens.count, tokens[index] == .pipe {
            index += 1
            terms.append(try readTerm(depth: depth))
        }
        return terms.count == 1 ? terms[0] : .alternatives(terms)
    }

    /// `[]` here (an empty pair of brackets).
    func atEmptyBrackets() -> Bool {
        index + 1 < tokens.count && tokens[index] == .open("[") && tokens[index + 1] == .close("]")
    }

    mutating func readTerm(depth: Int) throws -> TypeSyntax {
        guard depth <= TypeParser.maximumDepth else {
            throw TypeProblem(.typeTooDeep, "type nests deeper than \(TypeParser.maximumDepth) levels")
        }
        guard index < tokens.count else { throw TypeProblem(.typeMalformed, "type ends where a type was expected") }
        if atEmptyBrackets() {
            index += 2
            return .list(try readTerm(depth: depth + 1))
        }
        if vocabulary.pointers, tokens[index] == .unexpected("*") {
            index += 1
            // A field's own pointer says it may be nil: absent, or null where it is required
            // (the wrapper the notation names `*`). Deeper ones carry no meaning.
            let pointee = try readTerm(depth: depth + 1)
            return depth == 0 && vocabulary.wrappers["*"] != nil ? .generic("*", [pointee]) : pointee
        }
        if tokens[index] == .question {
            index += 1
            // PHP's `?X` is a wrapper the vocabulary names `?`; Java's lone `?` is a wildcard.
            guard index < tokens.count, startsTerm(tokens[index]) else { return .name("?") }
            return .generic("?", [try readTerm(depth: depth + 1)])
        }
        var term = try readCore(depth: depth)
        while atEmptyBrackets() {
            index += 2
            term = .list(term)
        }
        return term
    }

    mutating func readCore(depth: Int) throws -> TypeSyntax {
        let token = tokens[index]
        index += 1
        switch token {
        case .name(let name):
            guard index < tokens.count, case .open(let open) = tokens[index], open != "{", !atEmptyBrackets() else { return .name(name) }
            index += 1
            let close = Self.closing(open)
            var arguments: [TypeSyntax] = []
            while true {
                arguments.append(try readAlternatives(depth: depth + 1))
                guard index < tokens.count else {
                    throw TypeProblem(.typeMalformed, "'\(name)\(open)' is never closed with '\(close)'")
                }
                let next = tokens[index]
                index += 1
                if next == .comma { continue }
                if next == .close(close) { break }
                throw TypeProblem(.typeMalformed, "expected ',' or '\(close)' but found \(describe(next))")
            }
            // Go's map[K]V: the value follows the brackets.
            if vocabulary.maps.contains(name), arguments.count == 1, index < tokens.count, startsTerm(tokens[index]) {
                arguments.append(try readTerm(depth: depth + 1))
            }
            return .generic(name, arguments)
        case .open("{"):
            // { [k: K]: V }
            try expect(.open("["))
            guard index < tokens.count, case .name = tokens[index] else { throw TypeProblem(.typeMalformed, "expected a key name in '{ [k: K]: V }'") }
            index += 1
            try expect(.colon)
            let key = try readTerm(depth: depth + 1)
            try expect(.close("]"))
            try expect(.colon)
            let value = try readAlternatives(depth: depth + 1)
            try expect(.close("}"))
            return .object(key: key, value: value)
        case .link(let destination, let label, let text):
            if label.isEmpty { return .link(destination: destination, label: nil, text: text) }
            var inner = SyntaxReader(tokens: label, vocabulary: vocabulary)
            return .link(destination: destination, label: try inner.readWhole(depth: depth + 1), text: text)
        case .string(let value):
            return .string(value)
        case .number(let value):
            return .number(value)
        default:
            throw TypeProblem(.typeMalformed, "unexpected \(describe(token)) where a type was expected")
        }
    }

    mutating func expect(_ token: TypeToken) throws {
        guard index < tokens.count, tokens[index] == token else {
            throw TypeProblem(.typeMalformed, "expected \(describe(token))" + (index < tokens.count ? " but found \(describe(tokens[index]))" : " at the end"))
        }
        index += 1
    }

    func startsTerm(_ token: TypeToken) -> Bool {
        switch token {
        case .name, .link, .open("["), .open("{"): true
        case .unexpected("*"): vocabulary.pointers
        default: false
        }
    }

    static func closing(_ open: Character) -> Character {
        switch open {
        case "<": ">"
        case "(": ")"
        case "{": "}"
        default: "]"
        }
    }

    func describe(_ token: TypeToken) -> String {
        switch token {
        case .name(let n): "'\(n)'"
        case .open(let c), .close(let c), .unexpected(let c): "'\(c)'"
        case .comma: "','"
        case .colon: "':'"
        case .question: "'?'"
        case .pipe: "'|'"
        case .string(let s): "string \"\(s)\""
        case .number(let n): "number \(n)"
        case .link(_, _, let text): "link '\(text)'"
        }
    }
}
