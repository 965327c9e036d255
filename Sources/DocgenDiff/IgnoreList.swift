import DocgenDiagnostics
import FoundationEssentials

/// `--ignore FILE`: changes a team has accepted, by fingerprint or by `kind Model.member`.
public struct IgnoreList: Sendable {
    public struct Entry: Sendable {
        public var text: String
        /// `path:line`, as a bad entry's error names it.
        public var place: String
        /// Where the entry stands, for diagnostics about it.
        public var location: SourceLocation
        public var fingerprint: String?
        public var kind: Change.Kind?
        public var subject: String?

        public func matches(_ change: Change) -> Bool {
            if let fingerprint { return change.fingerprint == fingerprint }
            return change.kind == kind && change.subject == subject
        }
    }

    public var entries: [Entry]

    /// A line that is neither a fingerprint nor `kind Model.member`, or a file that cannot be read.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    public static func read(_ path: String) throws(Failure) -> IgnoreList {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "cannot read the ignore file '\(path)'")
        }
        var entries: [Entry] = []
        // "\r\n" is one Character, so a file written on Windows splits on it too.
        let lines = String(decoding: data, as: UTF8.self).split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        for (index, raw) in lines.enumerated() {
            let line = trimmed(raw)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let place = "\(path):\(index + 1)"
            let location = SourceLocation(file: path, line: index + 1, column: 1)
            if line.count == 16, line.allSatisfy(\.isHexDigit) {
                entries.append(Entry(text: line, place: place, location: location, fingerprint: line.lowercased()))
                continue
            }
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2, let kind = Change.Kind(rawValue: parts[0]) else {
                throw Failure(description: "\(place): expected a fingerprint or 'kind Model.member', got '\(line)'")
            }
            entries.append(Entry(text: line, place: place, location: location, kind: kind, subject: trimmed(parts[1])))
        }
        return IgnoreList(entries: entries)
    }

    private static func trimmed(_ text: some StringProtocol) -> String {
        String(text.drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
    }

    public func apply(to changes: [Change]) -> [Change] {
        changes.filter { change in !entries.contains { $0.matches(change) } }
    }

    /// Entries no change matches (stale ones a team can delete).
    public func unused(in changes: [Change]) -> [Entry] {
        entries.filter { entry in !changes.contains { entry.matches($0) } }
    }
}
