import DocgenDiagnostics
import DocgenDialects
import DocgenMarkdown

/// `docs/sdks/<group>/README.md`: one section an operation.
extension Extraction {

    /// `## method` sections from `start` on (`## Overview` is not one), each with its
    /// `### Parameters`, `### Response` and `### Errors`. When the page lists its operations
    /// (`* [getArticleById](#getarticlebyid) - …`), only the listed headings are methods: eGain's
    /// method descriptions hold `## Overview`, `## Prerequisites` and even `#` headings of their own.
    mutating func operationSections(from start: Int) -> [OperationSection] {
        var sections: [OperationSection] = []
        var index = start
        func isHeading(_ block: Block, upTo level: Int) -> Int? {
            if block.depth == 0, case .heading(let l, _) = block.kind, l <= level { l } else { nil }
        }
        let listed = listedAnchors(from: start)
        func isMethod(_ block: Block) -> Bool {
            guard isHeading(block, upTo: 2) != nil else { return false }
            guard !listed.isEmpty else { return true }
            // (eGain writes `# Import Content` inside a method's description too.)
            guard case .heading(2, let heading) = block.kind else { return false }
            return listed.contains(Self.anchor(heading.plainText.trimmingBlanks))
        }
        while index < blocks.count {
            guard isHeading(blocks[index], upTo: 2) == 2, isMethod(blocks[index]), case .heading(_, let heading) = blocks[index].kind else {
                index += 1
                continue
            }
            let method = heading.plainText.trimmingBlanks
            let methodLocation = location(blocks[index].span.startLine, headingTextColumn(blocks[index].span.startLine))
            let end = blocks[(index + 1)...].firstIndex(where: isMethod) ?? blocks.count
            defer { index = end }
            guard method.lowercased() != "overview", !method.isEmpty else { continue }
            var section = OperationSection(method: method, location: methodLocation, parameters: [], response: nil,
                                           responseLocation: nil, errors: [])
            // Deprecated as a model is: the heading struck, or a notice before the first `###`.
            if heading.contains(.strikethroughStart) { section.deprecation = Deprecation(message: nil) }
            for position in (index + 1)..<end {
                if isHeading(blocks[position], upTo: 3) != nil { break }
                if blocks[position].depth == 0, case .blockQuote = blocks[position].kind, let message = deprecationNotice(quoteAt: position) {
                    section.deprecation = Deprecation(message: message ?? section.deprecation?.message)
                }
            }
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
                    section.call = UsageSnippet.call(of: method, in: code, notation: dialect.usage)
                    section.package = UsageSnippet.package(in: code, notation: dialect.usage)
                }
                if name.hasPrefix("example usage"), section.endpoint == nil {
                    section.endpoint = endpointComment(in: body)
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
                        section.errors = errorRows(table)
                    }
                default: break
                }
                sub = subEnd
            }
            sections.append(section)
        }
        return sections
    }

    /// The Errors table's rows, cells by column name (`Error Type`, `Status Code`,
    /// `Content Type`; the first three columns when the header names none of them).
    func errorRows(_ table: Table) -> [ErrorRow] {
        let header = table.header.cells.map { MarkdownParser.parseInline($0.text).plainText.trimmingBlanks.lowercased() }
        func column(_ words: [String], else position: Int) -> Int {
            header.firstIndex { cell in words.contains { cell.hasPrefix($0) } } ?? position
        }
        let (name, status, contentType) = (column(["error"], else: 0), column(["status"], else: 1), column(["content"], else: 2))
        return table.rows.compactMap { row in
            guard name < row.cells.count else { return nil }
            // Status and content type as written, escapes dropped: `*/*` is no emphasis (2024
            // generations print it bare, later ones `\*/\*`).
            func raw(_ index: Int) -> String {
                index < row.cells.count ? row.cells[index].text.replacing("\\", with: "").trimmingBlanks : ""
            }
            return ErrorRow(name: MarkdownParser.parseInline(row.cells[name].text).plainText.trimmingBlanks,
                            location: location(row.line, row.cells[name].column), statuses: raw(status), contentType: raw(contentType))
        }
    }

    /// The `#anchor` links of the page's list items (its Available Operations), as anchors.
    func listedAnchors(from start: Int) -> Set<String> {
        var anchors: Set<String> = []
        var insideItem = false
        for block in blocks[start...] {
            if case .listItem = block.kind { insideItem = true; continue }
            guard insideItem, case .paragraph(let content) = block.kind else { continue }
            for case .linkStart(let destination) in content where destination.hasPrefix("#") {
                anchors.insert(Self.anchor(String(destination.dropFirst())))
            }
        }
        return anchors
    }

    /// A heading's anchor as GitHub makes it, enough to compare method names: lower-cased,
    /// letters, digits, `-` and `_` only.
    static func anchor(_ text: String) -> String {
        String(String.UnicodeScalarView(text.lowercased().unicodeScalars.filter {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }))
    }

    /// Speakeasy's `<!-- UsageSnippet … -->` comment over the example, when there is one.
    func endpointComment(in body: Range<Int>) -> EndpointComment? {
        for position in body {
            if case .htmlBlock(let literal) = blocks[position].kind,
               let comment = EndpointComment.parse(literal, at: location(blocks[position].span.startLine, blocks[position].span.startColumn)) {
                return comment
            }
        }
        return nil
    }

    func firstCode(in body: Range<Int>) -> String? {
        for position in body { if case .codeBlock(_, let literal) = blocks[position].kind { return literal } }
        return nil
    }
}

/// What an operation's usage snippet says about the call, in any SDK language: the client
/// class is the first capitalised name called without a receiver (`Meitner(`, `new Unkey(`)
/// or followed by one of the dialect's constructors (Ruby's `::Clerk::OpenAPIClient.new(`,
/// Java's `Egain.builder(`; Go's package in `openrouter.New(`), the accessors the member chain
/// that ends in the method (`m_client.units.list(`, less the client variable; Java's
/// `sdk.units().list()`, PHP's `$sdk->units->list(`, Ruby's `s.users.list` without
/// arguments or parentheses), the method as documented (C#'s `ListAsync(` is `List`).
enum UsageSnippet {
    /// The first package the snippet imports (`using StackOneHQ.Client;` → `StackOneHQ.Client`).
    static func package(in code: String, notation: UsageNotation) -> String? {
        guard !notation.packageImport.isEmpty else { return nil }
        for line in code.split(separator: "\n") {
            let line = line.drop { $0 == " " || $0 == "\t" }
            guard line.hasPrefix(notation.packageImport) else { continue }
            let name = line.dropFirst(notation.packageImport.count).prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
            if !name.isEmpty { return String(name) }
        }
        return nil
    }

    static func call(of method: String, in code: String, notation: UsageNotation) -> [String] {
        let bytes = Array(code.utf8)
        let access = Array(notation.memberAccess.utf8)
        let called = Array((method + notation.methodSuffix).utf8)
        func isIdentifier(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "_") || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
        }
        /// Whether the member access ends just before `position`.
        func accessEnds(at position: Int) -> Bool {
            position >= access.count && bytes[(position - access.count)..<position].elementsEqual(access)
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
            let hasReceiver = accessEnds(at: start)
            if client == nil, let first = name.unicodeScalars.first,
               (("A"..."Z").contains(first) && calls && !hasReceiver) || notation.constructors.contains(where: { bytes[index...].starts(with: $0.utf8) }) {
                // Capitalised: Go's package (`openrouter.New(`) stands for the client.
                client = name.prefix(1).uppercased() + name.dropFirst()
            }
            // Ruby's `s.users.list` calls `list`: nothing but the end of the expression follows it.
            let callsBare = notation.callsWithoutParentheses && !calls && !bytes[index...].starts(with: access)
            if calls || callsBare, hasReceiver, bytes[start..<index].elementsEqual(called), chain.isEmpty {
                // Walk back over `a.b().c.` to the chain's start.
                var parts = [method]
                var cursor = start - access.count // at the member access
                while cursor > 0, accessEnds(at: cursor + access.count) {
                    var end = cursor
                    if end >= 2, bytes[end - 1] == UInt8(ascii: ")"), bytes[end - 2] == UInt8(ascii: "(") { end -= 2 }
                    var begin = end
                    while begin > 0, isIdentifier(bytes[begin - 1]) { begin -= 1 }
                    guard begin < end else { break }
                    parts.insert(String(decoding: bytes[begin..<end], as: UTF8.self), at: 0)
                    cursor = begin - access.count
                    if cursor < 0 { break }
                }
                chain = Array(parts.dropFirst()) // the client variable
            }
        }
        guard let client, !chain.isEmpty else { return [] }
        return [client] + chain
    }
}
