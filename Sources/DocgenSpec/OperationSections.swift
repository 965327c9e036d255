import DocgenDiagnostics
import DocgenDialects
import DocgenMarkdown

/// `docs/sdks/<group>/README.md`: one section an operation.
extension Extraction {

    /// `## method` sections from `start` on (`## Overview` is not one), each with its
    /// `### Parameters`, `### Response` and `### Errors`.
    mutating func operationSections(from start: Int) -> [OperationSection] {
        var sections: [OperationSection] = []
        var index = start
        func isHeading(_ block: Block, upTo level: Int) -> Int? {
            if block.depth == 0, case .heading(let l, _) = block.kind, l <= level { l } else { nil }
        }
        while index < blocks.count {
            guard isHeading(blocks[index], upTo: 2) == 2, case .heading(_, let heading) = blocks[index].kind else {
                index += 1
                continue
            }
            let method = heading.plainText.trimmingBlanks
            let methodLocation = location(blocks[index].span.startLine, headingTextColumn(blocks[index].span.startLine))
            let end = blocks[(index + 1)...].firstIndex { isHeading($0, upTo: 2) != nil } ?? blocks.count
            defer { index = end }
            guard method.lowercased() != "overview", !method.isEmpty else { continue }
            var section = OperationSection(method: method, location: methodLocation, parameters: [], response: nil,
                                           responseLocation: nil, errors: [])
            var sub = index + 1
            while sub < end {
                guard isHeading(blocks[sub], upTo: 3) == 3, case .heading(_, let subheading) = blocks[sub].kind else {
                    sub += 1
                    continue
                }
                let subEnd = blocks[(sub + 1)..<end].firstIndex { isHeading($0, upTo: 3) != nil } ?? end
                let body = (sub + 1)..<subEnd
                let subLocation = location(blocks[sub].span.startLine, blocks[sub].span.startColumn)
                let name = subheading.plainText.trimmingBlanks.lowercased()
                if name.hasPrefix("example usage"), section.call.isEmpty,
                   let code = firstCode(in: body) {
                    section.call = UsageSnippet.call(of: method, in: code, constructors: dialect.usageConstructors)
                }
                switch name {
                case "parameters":
                    section.parameters = fieldRows(in: body, heading: subLocation, section: "Parameters", nameColumn: "parameter")
                case "response":
                    if let paragraph = body.first(where: { if case .paragraph = blocks[$0].kind { true } else { false } }),
                       case .paragraph(let content) = blocks[paragraph].kind {
                        section.response = content
                        section.responseLocation = location(blocks[paragraph].span.startLine, blocks[paragraph].span.startColumn)
                    }
                case "errors":
                    let tables = body.compactMap { position -> Table? in if case .table(let table) = blocks[position].kind { table } else { nil } }
                    if let table = tables.first {
                        section.errors = table.rows.compactMap { row in
                            row.cells.first.map { (MarkdownParser.parseInline($0.text).plainText.trimmingBlanks, location(row.line, $0.column)) }
                        }
                    }
                default: break
                }
                sub = subEnd
            }
            sections.append(section)
        }
        return sections
    }

    func firstCode(in body: Range<Int>) -> String? {
        for position in body { if case .codeBlock(_, let literal) = blocks[position].kind { return literal } }
        return nil
    }
}

/// What an operation's usage snippet says about the call, in any SDK language: the client
/// class is the first capitalised name called without a receiver (`Meitner(`, `new Unkey(`)
/// or followed by one of the dialect's `constructors` (Ruby's `::Clerk::OpenAPIClient.new(`),
/// the accessors the dotted chain that ends in the method (`m_client.units.list(`, less the
/// client variable; Java's `sdk.units().list()` too).
enum UsageSnippet {
    static func call(of method: String, in code: String, constructors: [String]) -> [String] {
        let bytes = Array(code.utf8)
        func isIdentifier(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "_") || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
        }
        // Identifier runs with what follows and precedes them.
        var client: String?
        var chain: [String] = []
        var index = 0
        while index < bytes.count {
            guard isIdentifier(bytes[index]) else { index += 1; continue }
            let start = index
            while index < bytes.count, isIdentifier(bytes[index]) { index += 1 }
            let name = String(decoding: bytes[start..<index], as: UTF8.self)
            let calls = index < bytes.count && bytes[index] == UInt8(ascii: "(")
            let hasReceiver = start > 0 && bytes[start - 1] == UInt8(ascii: ".")
            if client == nil, let first = name.unicodeScalars.first, ("A"..."Z").contains(first),
               (calls && !hasReceiver) || constructors.contains(where: { bytes[index...].starts(with: $0.utf8) }) {
                client = name
            }
            if calls, hasReceiver, name == method, chain.isEmpty {
                // Walk back over `a.b().c.` to the chain's start.
                var parts = [name]
                var cursor = start - 1 // at the dot
                while cursor > 0, bytes[cursor] == UInt8(ascii: ".") {
                    var end = cursor
                    if end >= 2, bytes[end - 1] == UInt8(ascii: ")"), bytes[end - 2] == UInt8(ascii: "(") { end -= 2 }
                    var begin = end
                    while begin > 0, isIdentifier(bytes[begin - 1]) { begin -= 1 }
                    guard begin < end else { break }
                    parts.insert(String(decoding: bytes[begin..<end], as: UTF8.self), at: 0)
                    cursor = begin - 1
                    if cursor < 0 { break }
                }
                chain = Array(parts.dropFirst()) // the client variable
            }
        }
        guard let client, !chain.isEmpty else { return [] }
        return [client] + chain
    }
}
