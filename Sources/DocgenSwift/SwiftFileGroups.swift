/// Which file each type goes to when `swiftFiles` is `grouped`: a debug build pays per file
/// (every frontend job parses every file of the module), so thousands of one-model files build
/// slower than a few dozen files of the same code (Docs/compile-time.md).
///
/// The rule depends only on the type names: types are bucketed by the start of their name
/// (case folded, so no two files differ only in case), and a bucket of more than `limit` types
/// splits by one more character. `Webhook` lands in `Models+W.swift`, `HrisCreateEmployee` in
/// `Models+Hrisc.swift` once the `H…` types are many. Adding a model rewrites only its bucket,
/// unless the bucket outgrows the limit and splits.
public enum SwiftFileGroups {
    /// At most this many types per file unless their names share a whole prefix: measured on
    /// stackone's tree (2,402 models), 60 to 240 files built alike and fastest (Docs/compile-time.md).
    public static let limit = 80

    /// Type name → file name (`Models+W.swift`).
    public static func files(for typeNames: [String], limit: Int = limit) -> [String: String] {
        var result: [String: String] = [:]
        // Type names are nearly always ASCII: then a byte is a Character, and bucketing by bytes
        // skips grapheme breaking.
        if typeNames.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) {
            assign(sortedByFoldedName(typeNames.map { ($0, Array($0.lowercased().utf8)) }), prefixLength: 1, limit: limit,
                   into: &result) { String(decoding: $0, as: UTF8.self) }
        } else {
            assign(sortedByFoldedName(typeNames.map { ($0, Array($0.lowercased())) }), prefixLength: 1, limit: limit,
                   into: &result) { String($0) }
        }
        return result
    }

    /// In folded order every bucket (names sharing a prefix) is a run of neighbours, so buckets
    /// are found by comparing each name with the one before it.
    private static func sortedByFoldedName<Unit: Comparable>(_ names: [(name: String, folded: [Unit])]) -> ArraySlice<(name: String, folded: [Unit])> {
        names.sorted { $0.folded.lexicographicallyPrecedes($1.folded) }[...]
    }

    private static func assign<Unit: Comparable>(_ names: ArraySlice<(name: String, folded: [Unit])>, prefixLength: Int, limit: Int,
                                                 into result: inout [String: String], spelled: (ArraySlice<Unit>) -> String) {
        var start = names.startIndex
        while start < names.endIndex {
            let prefix = names[start].folded.prefix(prefixLength)
            var end = start + 1
            while end < names.endIndex, names[end].folded.prefix(prefixLength).elementsEqual(prefix) { end += 1 }
            let members = names[start..<end]
            start = end
            // A closure, not a key path: a key path into the tuple ran unspecialised, a third of grouping.
            let longest = members.lazy.map { $0.folded.count }.max() ?? 0
            if members.count > limit && prefixLength < longest {
                // Every longer prefix that all members share makes one bucket again: go
                // straight to the first length where they part.
                let shared = commonPrefixLength(members.first!.folded, members.last!.folded)
                assign(members, prefixLength: max(prefixLength + 1, min(shared, longest)), limit: limit, into: &result, spelled: spelled)
            } else {
                let name = spelled(prefix)
                let file = "Models+" + name.prefix(1).uppercased() + name.dropFirst() + ".swift"
                for member in members { result[member.name] = file }
            }
        }
    }

    /// In sorted order, what the first and the last name share, every name between them shares.
    private static func commonPrefixLength<Unit: Equatable>(_ first: [Unit], _ last: [Unit]) -> Int {
        var length = 0
        while length < min(first.count, last.count), first[length] == last[length] { length += 1 }
        return length
    }
}
