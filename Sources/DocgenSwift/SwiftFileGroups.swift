/// Which file each type goes to when `swiftFiles` is `grouped`: a debug build pays per file
/// (every frontend job parses every file of the module), so thousands of one-model files build
/// slower than a few dozen files of the same code (README "Compile time").
///
/// The rule depends only on the type names: types are bucketed by the start of their name
/// (case folded, so no two files differ only in case), and a bucket of more than `limit` types
/// splits by one more character. `Webhook` lands in `Models+W.swift`, `HrisCreateEmployee` in
/// `Models+Hrisc.swift` once the `H…` types are many. Adding a model rewrites only its bucket,
/// unless the bucket outgrows the limit and splits.
public enum SwiftFileGroups {
    /// At most this many types per file unless their names share a whole prefix: measured on
    /// stackone's tree (2,402 models), 60 to 240 files built alike and fastest (README "Compile time").
    public static let limit = 80

    /// Type name → file name (`Models+W.swift`).
    public static func files(for typeNames: [String], limit: Int = limit) -> [String: String] {
        var result: [String: String] = [:]
        assign(typeNames.map { ($0, Array($0.lowercased())) }, prefixLength: 1, limit: limit, into: &result)
        return result
    }

    private static func assign(_ names: [(name: String, folded: [Character])], prefixLength: Int, limit: Int,
                               into result: inout [String: String]) {
        var buckets: [String: [(name: String, folded: [Character])]] = [:]
        for entry in names {
            buckets[String(entry.folded.prefix(prefixLength)), default: []].append(entry)
        }
        for (prefix, members) in buckets {
            let longest = members.map(\.folded.count).max() ?? 0
            if members.count > limit && prefixLength < longest {
                assign(members, prefixLength: prefixLength + 1, limit: limit, into: &result)
            } else {
                let file = "Models+" + prefix.prefix(1).uppercased() + prefix.dropFirst() + ".swift"
                for member in members { result[member.name] = file }
            }
        }
    }
}
