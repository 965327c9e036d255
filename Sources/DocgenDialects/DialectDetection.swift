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

    /// The dialect `file` is written in, when it carries a trace of one (and not of two alike).
    /// Signatures are looked for in the Type cells of tables only, never in descriptions.
    public static func trace(_ file: SourceFile, among dialects: [Dialect]? = nil) -> Trace {
        let patterns = (dialects.map { $0.map(Patterns.init) } ?? allPatterns).filter { $0.dialect.isDoc(file.relativePath) }
        guard !patterns.isEmpty else { return .silent }
        var text = file.text
        return text.withUTF8 { bytes in trace(bytes, lineStarts: file.lineStarts, path: file.relativePath, patterns: patterns) }
    }

    private static func trace(_ bytes: UnsafeBufferPointer<UInt8>, lineStarts: [Int], path: String, patterns: [Patterns]) -> Trace {
        let pipe = UInt8(ascii: "|"), backtick = UInt8(ascii: "`")
        var scores = [Int](repeating: 0, count: patterns.count)
        var evidence = [(String, SourceLocation)?](repeating: nil, count: patterns.count)
        var rows = 0
        var typeColumn: Int?
        var foreign: SourceLocation?
        lines: for (lineIndex, start) in lineStarts.enumerated() {
            var end = lineIndex + 1 < lineStarts.count ? lineStarts[lineIndex + 1] - 1 : bytes.count
            if end > start, end <= bytes.count, end > 0, bytes[end - 1] == 0x0A { end -= 1 }
            guard start < end else { typeColumn = nil; continue }
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            let number = lineIndex + 1
            if line.count >= 3, line[0] == backtick, line[1] == backtick, line[2] == backtick {
                var languageEnd = 3
                while languageEnd < line.count, line[languageEnd] != 0x20, line[languageEnd] != UInt8(ascii: "{") { languageEnd += 1 }
                let language = UnsafeBufferPointer(rebasing: line[3..<languageEnd])
                guard !language.isEmpty else { continue }
                for (index, pattern) in patterns.enumerated() where pattern.fences.contains(where: { $0.elementsEqual(language) }) {
                    scores[index] += fenceWeight
                    if evidence[index] == nil {
                        evidence[index] = ("```" + String(decoding: language, as: UTF8.self), SourceLocation(file: path, line: number, column: 1))
                    }
                    break lines // a fence settles it
                }
            } else if line.first == pipe {
                // Cell boundaries: the pipes after the first.
                var bounds: [Int] = []
                for position in 1..<line.count where line[position] == pipe { bounds.append(position) }
                let cells = zip([0] + bounds, bounds + [line.count]).map { ($0 + 1)..<$1 }
                func trimmed(_ range: Range<Int>) -> Range<Int> {
                    var (lower, upper) = (range.lowerBound, range.upperBound)
                    while lower < upper, line[lower] == 0x20 || line[lower] == 0x09 { lower += 1 }
                    while upper > lower, line[upper - 1] == 0x20 || line[upper - 1] == 0x09 { upper -= 1 }
                    return lower..<upper
                }
                guard let column = typeColumn else {
                    typeColumn = cells.firstIndex { line[trimmed($0)].elementsEqual("Type".utf8) }
                    continue
                }
                let isDelimiterRow = line.allSatisfy { $0 == pipe || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":") || $0 == 0x20 || $0 == 0x09 }
                guard column < cells.count, !isDelimiterRow else { continue }
                let cell = cells[column]
                let cellBytes = UnsafeBufferPointer(rebasing: line[cell])
                var matched = false
                for (index, pattern) in patterns.enumerated() {
                    for (signatureIndex, signature) in pattern.signatures.enumerated() {
                        guard let offset = firstOffset(of: signature, in: cellBytes) else { continue }
                        matched = true
                        scores[index] += 1
                        if evidence[index] == nil {
                            evidence[index] = (pattern.dialect.signatures[signatureIndex],
                                               SourceLocation(file: path, line: number, column: cell.lowerBound + offset + 1))
                        }
                    }
                }
                if !matched, foreign == nil {
                    let text = String(decoding: line[trimmed(cell)], as: UTF8.self)
                    if !isCommonToAll(text[...]) { foreign = SourceLocation(file: path, line: number, column: cell.lowerBound + 1) }
                }
                rows += 1
                if rows >= tableRowsScanned { break }
            } else {
                typeColumn = nil
            }
        }
        guard let best = scores.indices.max(by: { scores[$0] < scores[$1] }), scores[best] > 0,
              scores.filter({ $0 == scores[best] }).count == 1, let (text, location) = evidence[best] else {
            return foreign.map(Trace.foreign) ?? .silent
        }
        return .vote(Vote(dialect: patterns[best].dialect, evidence: text, location: location))
    }

    /// Where `needle` first occurs in `haystack`.
    static func firstOffset(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var index = 0
        while index + needle.count <= haystack.count {
            if haystack[index] == first, needle.indices.allSatisfy({ haystack[index + $0] == needle[$0] }) { return index }
            index += 1
        }
        return nil
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
