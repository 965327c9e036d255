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

    /// The dialect `file` is written in, when it carries a trace of one (and not of two alike).
    /// Signatures are looked for in the Type cells of tables only, never in descriptions.
    public static func trace(_ file: SourceFile, among dialects: [Dialect] = Dialect.all) -> Trace {
        let candidates = dialects.filter { $0.isDoc(file.relativePath) }
        guard !candidates.isEmpty else { return .silent }
        var scores = [Int](repeating: 0, count: candidates.count)
        var evidence = [(String, SourceLocation)?](repeating: nil, count: candidates.count)
        var rows = 0
        var typeColumn: Int?
        var foreign: SourceLocation?
        lines: for number in 1...max(1, file.lineCount) {
            let line = file.line(number)
            if line.hasPrefix("```") {
                let language = line.dropFirst(3).prefix { $0 != " " && $0 != "{" }
                guard !language.isEmpty else { continue }
                for (index, dialect) in candidates.enumerated() where dialect.fenceLanguages.contains(where: { $0 == language }) {
                    scores[index] += fenceWeight
                    if evidence[index] == nil { evidence[index] = ("```\(language)", SourceLocation(file: file.relativePath, line: number, column: 1)) }
                    break lines // a fence settles it
                }
            } else if line.hasPrefix("|") {
                let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst()
                guard let column = typeColumn else {
                    typeColumn = cells.firstIndex { $0.trimmingSpaces == "Type" }.map { $0 - cells.startIndex }
                    continue
                }
                let isDelimiterRow = line.allSatisfy { $0 == "|" || $0 == "-" || $0 == ":" || $0 == " " || $0 == "\t" }
                guard column < cells.count, !isDelimiterRow else { continue }
                let cell = cells[cells.index(cells.startIndex, offsetBy: column)]
                var matched = false
                for (index, dialect) in candidates.enumerated() {
                    for signature in dialect.signatures {
                        guard let range = cell.firstRange(of: signature) else { continue }
                        matched = true
                        scores[index] += 1
                        if evidence[index] == nil {
                            let column = line.utf8.distance(from: line.startIndex, to: range.lowerBound) + 1
                            evidence[index] = (signature, SourceLocation(file: file.relativePath, line: number, column: column))
                        }
                    }
                }
                if !matched, foreign == nil, !isCommonToAll(cell.trimmingSpaces) {
                    let column = line.utf8.distance(from: line.startIndex, to: cell.startIndex) + 1
                    foreign = SourceLocation(file: file.relativePath, line: number, column: column)
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
        return .vote(Vote(dialect: candidates[best], evidence: text, location: location))
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
