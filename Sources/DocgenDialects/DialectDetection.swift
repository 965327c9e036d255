import DocgenDiagnostics

/// Which dialect a tree is written in (`--dialect auto`): each doc votes for the dialect whose
/// traces it carries most, then the tree takes the majority. The traces are code fence
/// languages (```` ```typescript ````, worth a table full of type cells) and the type-cell
/// signatures of table rows; only dialects that read the doc's extension count.
///
/// A doc is scanned until its first fence or its first few table rows, so detection costs a
/// look at each file's head, not a second read of the tree.
public enum DialectDetection {
    /// One doc's vote and where its strongest evidence is.
    public struct Vote: Sendable, Equatable {
        public var dialect: Dialect
        public var evidence: String
        public var location: SourceLocation
    }

    /// What one doc says about its dialect.
    public enum Trace: Sendable, Equatable {
        case vote(Vote)
        /// Nothing language-specific (an enum table, prose): it reads alike in every dialect.
        case silent
        /// Type cells no dialect writes: the first such row.
        case foreign(SourceLocation)

        public var vote: Vote? {
            if case .vote(let vote) = self { vote } else { nil }
        }
    }

    public enum Outcome: Sendable, Equatable {
        case chosen(Dialect, votes: Int)
        /// Several dialects won a real share of the docs: each with its votes, largest first.
        case mixed([(dialect: Dialect, votes: [Vote])])
        /// Docs have type cells, but no doc carries a trace of any dialect: where the first is.
        case unknown(SourceLocation?)
        /// No doc says anything language-specific: every dialect reads the tree alike.
        case silent

        public static func == (a: Outcome, b: Outcome) -> Bool {
            switch (a, b) {
            case let (.chosen(x, m), .chosen(y, n)): x == y && m == n
            case let (.mixed(x), .mixed(y)): x.map(\.dialect) == y.map(\.dialect) && x.map(\.votes) == y.map(\.votes)
            case let (.unknown(x), .unknown(y)): x == y
            case (.silent, .silent): true
            default: false
            }
        }
    }

    static let fenceWeight = 10
    static let tableRowsScanned = 6

    /// One dialect's traces as bytes, made once: the scan compares bytes, never Characters
    /// (grapheme breaking over 9,000-byte table rows cost more than reading the tree).
    struct Patterns {
        let dialect: Dialect
        let fences: [[UInt8]]
        let signatures: [[UInt8]]

        init(_ dialect: Dialect) {
            self.dialect = dialect
            fences = dialect.fenceLanguages.map { Array($0.utf8) }
            signatures = dialect.signatures.map { Array($0.utf8) }
        }
    }

    static let allPatterns = Dialect.all.map(Patterns.init)

    /// The patterns of every dialect that reads a file with this extension, made once per extension.
    static let patternsByExtension: [Substring: [Patterns]] = {
        let extensions = Set(Dialect.all.flatMap(\.extensions))
        return Dictionary(uniqueKeysWithValues: extensions.map { ext in
            (Substring(ext), allPatterns.filter { $0.dialect.isDoc("x." + ext) })
        })
    }()

    /// No extension holds a dot, so the text after a path's last dot names its extension.
    static let extensionsAreSimple = Dialect.all.allSatisfy { $0.extensions.allSatisfy { !$0.contains(".") } }

    /// `allPatterns` of the dialects that read `path`.
    static func patterns(forDocAt path: String) -> [Patterns] {
        guard extensionsAreSimple, let dot = path.utf8.lastIndex(of: UInt8(ascii: ".")) else {
            return allPatterns.filter { $0.dialect.isDoc(path) }
        }
        return patternsByExtension[path[path.index(after: dot)...]] ?? []
    }

    /// The most blanks any signature starts or ends with.
    static let blanksAround: (leading: Int, trailing: Int) = {
        let signatures = Dialect.all.flatMap(\.signatures).map { Array($0.utf8) }
        func blank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        return (signatures.map { $0.prefix(while: blank).count }.max() ?? 0,
                signatures.map { $0.reversed().prefix(while: blank).count }.max() ?? 0)
    }()

    /// The dialect `file` is written in, when it carries a trace of one (and not of two alike).
    /// Signatures are looked for in the Type cells of tables only, never in descriptions.
    public static func trace(_ file: SourceFile, among dialects: [Dialect]? = nil) -> Trace {
        let patterns = dialects == nil ? patterns(forDocAt: file.relativePath)
                                       : dialects!.map(Patterns.init).filter { $0.dialect.isDoc(file.relativePath) }
        guard !patterns.isEmpty else { return .silent }
        var text = file.text
        return text.withUTF8 { bytes in trace(bytes, lineStarts: file.lineStarts, path: file.relativePath, patterns: patterns) }
    }

    /// One pass over the lines of the head of a doc. Only a table's header row is split into
    /// cells (to find its Type column); in a row below it only that one cell is located, and a
    /// table without a Type column is passed over row by row without a look inside.
    private static func trace(_ bytes: UnsafeBufferPointer<UInt8>, lineStarts: [Int], path: String, patterns: [Patterns]) -> Trace {
        let pipe = UInt8(ascii: "|"), backtick = UInt8(ascii: "`")
        var scores = [Int](repeating: 0, count: patterns.count)
        var evidence = [(String, SourceLocation)?](repeating: nil, count: patterns.count)
        var rows = 0
        /// In a table: its Type column, or -1 when it has none.
        var typeColumn: Int?
        var foreign: SourceLocation?
        lines: for (lineIndex, start) in lineStarts.enumerated() {
            var end = lineIndex + 1 < lineStarts.count ? lineStarts[lineIndex + 1] - 1 : bytes.count
            if end > start, end <= bytes.count, end > 0, bytes[end - 1] == 0x0A { end -= 1 }
            guard start < end else { typeColumn = nil; continue }
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if line[0] == pipe {
                guard let column = typeColumn else {
                    typeColumn = typeColumnOf(header: line) ?? -1
                    continue
                }
                guard column >= 0, !isDelimiterRow(line), let cell = cell(column, of: line) else { continue }
                // Signatures are looked for in the cell's text (Speakeasy pads cells to a common
                // width), with as many blanks either side as a signature itself holds.
                let text = trimmed(cell, in: line)
                let searched = max(cell.lowerBound, text.lowerBound - blanksAround.leading)..<min(cell.upperBound, text.upperBound + blanksAround.trailing)
                let cellBytes = UnsafeBufferPointer(rebasing: line[searched])
                // Which bytes the cell holds: most signatures are ruled out by their first byte.
                var present: [UInt64] = [0, 0, 0, 0]
                for byte in cellBytes { present[Int(byte >> 6)] |= 1 << (byte & 63) }
                var matched = false
                for index in patterns.indices { // by index: a `Patterns` copy retains a whole `Dialect`
                    let signatures = patterns[index].signatures
                    for signatureIndex in signatures.indices {
                        guard let first = signatures[signatureIndex].first, present[Int(first >> 6)] >> (first & 63) & 1 == 1,
                              let offset = firstOffset(of: signatures[signatureIndex], in: cellBytes) else { continue }
                        matched = true
                        scores[index] += 1
                        if evidence[index] == nil {
                            evidence[index] = (patterns[index].dialect.signatures[signatureIndex],
                                               SourceLocation(file: path, line: lineIndex + 1, column: searched.lowerBound + offset + 1))
                        }
                    }
                }
                if !matched, foreign == nil, !isCommonToAll(UnsafeBufferPointer(rebasing: line[text])) {
                    foreign = SourceLocation(file: path, line: lineIndex + 1, column: cell.lowerBound + 1)
                }
                rows += 1
                if rows >= tableRowsScanned { break }
                continue
            }
            typeColumn = nil
            guard line.count >= 3, line[0] == backtick, line[1] == backtick, line[2] == backtick else { continue }
            var languageEnd = 3
            while languageEnd < line.count, line[languageEnd] != 0x20, line[languageEnd] != UInt8(ascii: "{") { languageEnd += 1 }
            let language = UnsafeBufferPointer(rebasing: line[3..<languageEnd])
            guard !language.isEmpty else { continue }
            for index in patterns.indices where patterns[index].fences.contains(where: { $0.elementsEqual(language) }) {
                scores[index] += fenceWeight
                if evidence[index] == nil {
                    evidence[index] = ("```" + String(decoding: language, as: UTF8.self), SourceLocation(file: path, line: lineIndex + 1, column: 1))
                }
                break lines // a fence settles it
            }
        }
        guard let best = scores.indices.max(by: { scores[$0] < scores[$1] }), scores[best] > 0,
              scores.filter({ $0 == scores[best] }).count == 1, let (text, location) = evidence[best] else {
            return foreign.map(Trace.foreign) ?? .silent
        }
        return .vote(Vote(dialect: patterns[best].dialect, evidence: text, location: location))
    }

    /// Which cell of a header row (cells are what lies between pipes) reads `Type`.
    private static func typeColumnOf(header line: UnsafeBufferPointer<UInt8>) -> Int? {
        var column = 0
        var lower = 1
        var position = 1
        while position <= line.count {
            if position == line.count || line[position] == UInt8(ascii: "|") {
                if line[trimmed(lower..<position, in: line)].elementsEqual("Type".utf8) { return column }
                column += 1
                lower = position + 1
            }
            position += 1
        }
        return nil
    }

    /// The byte range of cell `column` (0 is the one after the leading pipe), if the row has it.
    private static func cell(_ column: Int, of line: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var seen = 0
        var lower = 1
        for position in 1..<line.count where line[position] == UInt8(ascii: "|") {
            if seen == column { return lower..<position }
            seen += 1
            lower = position + 1
        }
        return seen == column ? lower..<line.count : nil
    }

    private static func trimmed(_ range: Range<Int>, in line: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var (lower, upper) = (range.lowerBound, range.upperBound)
        while lower < upper, line[lower] == 0x20 || line[lower] == 0x09 { lower += 1 }
        while upper > lower, line[upper - 1] == 0x20 || line[upper - 1] == 0x09 { upper -= 1 }
        return lower..<upper
    }

    private static func isDelimiterRow(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        line.allSatisfy { $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":") || $0 == 0x20 || $0 == 0x09 }
    }

    /// Where `needle` first occurs in `haystack`.
    static func firstOffset(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        return needle.withUnsafeBufferPointer { needle in
            var index = 0
            let last = haystack.count - needle.count
            while index <= last {
                if haystack[index] == first {
                    var matched = 1
                    while matched < needle.count, haystack[index + matched] == needle[matched] { matched += 1 }
                    if matched == needle.count { return index }
                }
                index += 1
            }
            return nil
        }
    }

    /// `isCommonToAll` on a cell's bytes: ASCII is decided byte by byte, anything else as text.
    static func isCommonToAll(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        guard cell.allSatisfy({ $0 < 0x80 }) else { return isCommonToAll(String(decoding: cell, as: UTF8.self)[...]) }
        func isName(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
            !bytes.isEmpty && bytes.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) || byte == 0x5F || byte == 0x2E
            }
        }
        guard let first = cell.first, let last = cell.last else { return true }
        if first == last, first == UInt8(ascii: "*") || first == UInt8(ascii: "`"), cell.count > 2 {
            return isName(cell[1..<(cell.count - 1)])
        }
        guard first == UInt8(ascii: "["), last == UInt8(ascii: ")"),
              let middle = (0..<max(0, cell.count - 1)).first(where: { cell[$0] == UInt8(ascii: "]") && cell[$0 + 1] == UInt8(ascii: "(") })
        else { return false }
        return isName(cell[1..<middle])
    }

    /// A Type cell every dialect writes alike: a link to a model (`[shared.Pet](pet.md)`), or one
    /// name in italics or a code span (`*Pet*`, `` `Pet` ``).
    static func isCommonToAll(_ cell: Substring) -> Bool {
        func isName(_ text: Substring) -> Bool {
            !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
        }
        if cell.isEmpty { return true }
        if let first = cell.first, let last = cell.last, first == last, first == "*" || first == "`", cell.count > 2 {
            return isName(cell.dropFirst().dropLast())
        }
        guard cell.first == "[", let middle = cell.firstRange(of: "]("), cell.last == ")" else { return false }
        return isName(cell[cell.index(after: cell.startIndex)..<middle.lowerBound])
    }

    /// The tree's dialect from its docs' traces: the majority of votes, unless a second dialect
    /// has at least 3 docs and a tenth of the votes (then the tree mixes dialects).
    public static func decide(_ traces: [Trace]) -> Outcome {
        let votes = traces.compactMap(\.vote)
        var byDialect: [String: [Vote]] = [:]
        for vote in votes { byDialect[vote.dialect.name, default: []].append(vote) }
        let ranked = byDialect.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0[0].dialect.name < $1[0].dialect.name }
        guard let top = ranked.first else {
            for case .foreign(let location) in traces { return .unknown(location) }
            return .silent
        }
        // Docs that vote only with a name another dialect writes too (`*String*`: Java's, and an
        // early Ruby generation's next to `T.nilable(`) are no rival of a dialect that reads it.
        if ranked.count > 1, let reader = ranked.first(where: { candidate in
            ranked.allSatisfy { group in group[0].dialect == candidate[0].dialect || group.allSatisfy { candidate[0].dialect.reads($0.evidence) } }
        }) {
            return .chosen(reader[0].dialect, votes: votes.count)
        }
        let rivals = ranked.dropFirst().filter { $0.count >= 3 && $0.count * 10 >= votes.count }
        if rivals.isEmpty { return .chosen(top[0].dialect, votes: top.count) }
        return .mixed(([top] + rivals).map { ($0[0].dialect, $0) })
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var trimmed = self
        while let first = trimmed.first, first == " " || first == "\t" { trimmed = trimmed.dropFirst() }
        while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
        return trimmed
    }
}
