/// A value a template can place. Contexts are trees of these, built by a translator
/// (DocgenSwift) with names from its own vocabulary; the renderer knows no language.
public enum TemplateValue: Sendable {
    case text(String)
    case flag(Bool)
    case list([TemplateValue])
    /// Lines of text, the most common list: a section over them places each line as `{{.}}`
    /// (kept as strings, not wrapped one by one on every lookup).
    case lines([String])
    case object(TemplateObject)
    case null
}

extension TemplateValue {
    /// The value an object holds under `name` (nil for other values), read in place: binding
    /// the object in the caller copied both of its arrays for every level of every lookup.
    @inline(__always)
    func child(_ name: Int) -> TemplateValue? {
        guard case .object(let object) = self else { return nil }
        var index = 0
        while index < object.names.count {
            if object.names[index] == name { return object.values[index] }
            index += 1
        }
        return nil
    }
}

/// A context object: values by name. Names are positions in the translator's
/// `TemplateVocabulary`, so a lookup compares integers, and an object holds the dozen or so
/// names it answers in a short array (searched in order; faster than hashing at this size).
public struct TemplateObject: Sendable {
    public var names: [Int]
    public var values: [TemplateValue]

    public init(names: [Int], values: [TemplateValue]) {
        self.names = names
        self.values = values
    }

    /// An object from a translator's names (an `Int`-backed enum over its vocabulary), in order.
    /// Inlinable, so each translator gets a copy specialised for its own names: unspecialised,
    /// this generic initializer looked up tuple metadata for every pair of every context object
    /// and took half of `generate`'s time (3.5× the run).
    @inlinable
    public init<Name: RawRepresentable<Int>>(_ pairs: KeyValuePairs<Name, TemplateValue>) {
        var names: [Int] = []
        var values: [TemplateValue] = []
        // One more than given: a list adds whether the object is its last (`last`) in place.
        names.reserveCapacity(pairs.count + 1)
        values.reserveCapacity(pairs.count + 1)
        for (name, value) in pairs {
            names.append(name.rawValue)
            values.append(value)
        }
        self.init(names: names, values: values)
    }

    public subscript(name: Int) -> TemplateValue? {
        var index = 0
        while index < names.count {
            if names[index] == name { return values[index] }
            index += 1
        }
        return nil
    }
}

/// Every name a template can look up, by position. A name outside it is a template error,
/// found when the template is parsed.
public struct TemplateVocabulary: Sendable {
    public let names: [String]
    private let positions: [String: Int]

    public init(_ names: [String]) {
        self.names = names
        self.positions = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($0.element, $0.offset) })
    }

    public func position(of name: String) -> Int? { positions[name] }
}

/// A compiled Mustache template (the subset docgen's templates use): `{{name}}` and
/// `{{{name}}}` (never escaped: text is escaped for Swift or Markdown before it gets here),
/// `{{#name}}…{{/name}}` sections over flags, lists, objects and text, `{{^name}}` inverted
/// sections, `{{>partial}}`, `{{! comments}}`, `{{% pragmas}}` (ignored), and `{{.}}`.
/// Tags that stand alone on a line remove that line, as the Mustache spec says.
public struct Template: Sendable {
    /// Not `indirect`: a section's children are an array already, and boxing every node cost
    /// a retain and a release of its box for each node rendered.
    enum Node: Sendable, Equatable {
        case text(String)
        case variable(Lookup)
        case section(Lookup, [Node], inverted: Bool)
        /// A partial; a standalone one is indented by the blanks before its tag (every
        /// non-empty line of its output).
        case partial(String, indent: String)
    }

    /// What a tag names: the innermost value (`.`) or a name looked up through the stack.
    enum Lookup: Sendable, Equatable {
        case current
        case name(Int)
    }

    let nodes: [Node]

    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public var message: String
        public var line: Int
        public var description: String { "line \(line): \(message)" }
    }

    public init(_ text: String, vocabulary: TemplateVocabulary) throws(ParseError) {
        nodes = try TemplateParser(text, vocabulary: vocabulary).parse()
    }

    /// Appends the rendering of `context` to `output`; partials come from `library`.
    /// Renders into UTF-8 bytes: appending bytes is a copy, appending to a `String` also
    /// re-derives its ASCII and NFC flags every time.
    func render(_ nodes: [Node], stack: inout [TemplateValue], library: [String: Template], into output: inout ByteWriter, depth: Int) {
        guard depth < 64 else { return } // partials that include themselves stop here
        for node in nodes {
            switch node {
            case .text(let text):
                output.append(text)
            case .variable(let lookup):
                switch Self.lookup(lookup, in: stack) {
                case .text(let text)?: output.append(text)
                case .flag(let flag)?: output.append(flag ? "true" : "false")
                default: break
                }
            case .section(let lookup, let children, let inverted):
                let value = Self.lookup(lookup, in: stack)
                if inverted {
                    if !Self.isTruthy(value) { render(children, stack: &stack, library: library, into: &output, depth: depth) }
                    continue
                }
                switch value {
                case .list(let items)?:
                    for item in items {
                        stack.append(item)
                        render(children, stack: &stack, library: library, into: &output, depth: depth)
                        stack.removeLast()
                    }
                case .lines(let lines)?:
                    // The usual `{{#lines}}    {{.}}\n{{/lines}}`: place each line directly.
                    if children.allSatisfy({ if case .text = $0 { true } else { $0 == .variable(.current) } }) {
                        for line in lines {
                            for child in children {
                                if case .text(let text) = child { output.append(text) } else { output.append(line) }
                            }
                        }
                        continue
                    }
                    for line in lines {
                        stack.append(.text(line))
                        render(children, stack: &stack, library: library, into: &output, depth: depth)
                        stack.removeLast()
                    }
                case .flag(true)?:
                    render(children, stack: &stack, library: library, into: &output, depth: depth)
                case .object?, .text?:
                    guard Self.isTruthy(value) else { continue }
                    stack.append(value!)
                    render(children, stack: &stack, library: library, into: &output, depth: depth)
                    stack.removeLast()
                default:
                    break
                }
            case .partial(let name, let indent):
                guard let partial = library[name] else { continue }
                if indent.isEmpty {
                    render(partial.nodes, stack: &stack, library: library, into: &output, depth: depth + 1)
                    continue
                }
                var inner = ByteWriter(capacity: 4096)
                render(partial.nodes, stack: &stack, library: library, into: &inner, depth: depth + 1)
                inner.withBytes { bytes in
                    var atLineStart = true
                    for byte in bytes {
                        if atLineStart, byte != 0x0A { output.append(indent) }
                        output.append(byte: byte)
                        atLineStart = byte == 0x0A
                    }
                }
            }
        }
    }

    static func lookup(_ lookup: Lookup, in stack: [TemplateValue]) -> TemplateValue? {
        guard case .name(let name) = lookup else { return stack.last }
        var index = stack.count
        while index > 0 {
            index -= 1
            if let child = stack[index].child(name) { return child }
        }
        return nil
    }

    static func isTruthy(_ value: TemplateValue?) -> Bool {
        switch value {
        case .text(let text)?: !text.isEmpty
        case .flag(let flag)?: flag
        case .list(let items)?: !items.isEmpty
        case .lines(let lines)?: !lines.isEmpty
        case .object?: true
        case .null?, nil: false
        }
    }
}

/// Template text → nodes, one line at a time so standalone tags can drop their line.
struct TemplateParser {
    let lines: [Substring]
    let vocabulary: TemplateVocabulary

    init(_ text: String, vocabulary: TemplateVocabulary) {
        self.vocabulary = vocabulary
        lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
    }

    enum Piece {
        case text(String)
        case tag(kind: Character?, name: String)
    }

    func parse() throws(Template.ParseError) -> [Template.Node] {
        // A stack of open sections: (name, what it looks up, inverted, nodes so far).
        var open: [(name: String, lookup: Template.Lookup, inverted: Bool, nodes: [Template.Node], line: Int)] =
            [("", .current, false, [], 0)]
        for (index, line) in lines.enumerated() {
            let pieces = try split(line, lineNumber: index + 1)
            let isLast = index == lines.count - 1
            // A line holding one non-variable tag and blanks is standalone: it leaves no trace.
            let tags = pieces.filter { if case .tag = $0 { true } else { false } }
            let blanks = pieces.allSatisfy {
                if case .text(let t) = $0 { return t.allSatisfy { $0 == " " || $0 == "\t" } }
                return true
            }
            var standalone = false
            if tags.count == 1, blanks, case .tag(let kind?, _) = tags[0], "#^/>!%".contains(kind) { standalone = true }
            for piece in pieces {
                switch piece {
                case .text(let text):
                    if !standalone, !text.isEmpty { open[open.count - 1].nodes.append(.text(text)) }
                case .tag(let kind, let name):
                    switch kind {
                    case "#", "^":
                        open.append((name, try lookup(name, line: index + 1), kind == "^", [], index + 1))
                    case "/":
                        guard open.count > 1, open.last!.name == name else {
                            throw Template.ParseError(message: "'{{/\(name)}}' closes no open '{{#\(name)}}'", line: index + 1)
                        }
                        let section = open.removeLast()
                        open[open.count - 1].nodes.append(.section(section.lookup, section.nodes, inverted: section.inverted))
                    case ">":
                        var indent = ""
                        if standalone, case .text(let blanks)? = pieces.first { indent = blanks }
                        open[open.count - 1].nodes.append(.partial(name, indent: indent))
                    case "!", "%":
                        break
                    default:
                        open[open.count - 1].nodes.append(.variable(try lookup(name, line: index + 1)))
                    }
                }
            }
            if !standalone, !isLast { open[open.count - 1].nodes.append(.text("\n")) }
        }
        guard open.count == 1 else {
            throw Template.ParseError(message: "'{{#\(open.last!.name)}}' is never closed", line: open.last!.line)
        }
        return open[0].nodes
    }

    func lookup(_ name: String, line: Int) throws(Template.ParseError) -> Template.Lookup {
        if name == "." { return .current }
        guard let known = vocabulary.position(of: name) else {
            throw Template.ParseError(message: "'\(name)' is not a name docgen provides (README: Writing your own templates)", line: line)
        }
        return .name(known)
    }

    /// One line into text and tags.
    func split(_ line: Substring, lineNumber: Int) throws(Template.ParseError) -> [Piece] {
        var pieces: [Piece] = []
        var rest = line
        while let start = Self.firstRange(of: "{{", in: rest) {
            if start.lowerBound > rest.startIndex { pieces.append(.text(String(rest[..<start.lowerBound]))) }
            var inner = rest[start.upperBound...]
            let triple = inner.hasPrefix("{")
            if triple { inner = inner.dropFirst() }
            guard let end = Self.firstRange(of: triple ? "}}}" : "}}", in: inner) else {
                throw Template.ParseError(message: "'{{' is never closed", line: lineNumber)
            }
            var body = inner[..<end.lowerBound].trimmingBlanks
            var kind: Character?
            if let first = body.first, "#^/>!%&".contains(first) {
                kind = first == "&" ? nil : first
                body = body.dropFirst().trimmingBlanks
            }
            pieces.append(.tag(kind: kind, name: String(body)))
            rest = inner[end.upperBound...]
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        return pieces
    }

    /// Where an ASCII delimiter first occurs, found on UTF-8 bytes (`Substring.firstRange(of:)`
    /// compares Characters, which made template parsing a visible serial step).
    static func firstRange(of delimiter: StaticString, in text: Substring) -> Range<String.Index>? {
        let bytes = text.utf8
        return delimiter.withUTF8Buffer { needle -> Range<String.Index>? in
            var index = bytes.startIndex
            while index != bytes.endIndex {
                if bytes[index] == needle[0], bytes[index...].starts(with: needle) {
                    return index..<bytes.index(index, offsetBy: needle.count)
                }
                bytes.formIndex(after: &index)
            }
            return nil
        }
    }
}

extension Substring {
    var trimmingBlanks: Substring {
        var result = self
        while result.first == " " || result.first == "\t" { result = result.dropFirst() }
        while result.last == " " || result.last == "\t" { result = result.dropLast() }
        return result
    }
}
