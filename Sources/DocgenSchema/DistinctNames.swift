/// Titles that several folders share, told apart by folder (Docs/generated-swift.md). Flat trees keep
/// `models/X.md` and `errors/X.md` with one title; the SDK has both, as `models.X` and
/// `errors.X`, and so must the generated code. Titles that differ only in case
/// (`AISearchResponse`, `AiSearchResponse`) count as one: their files would collide on a
/// case-insensitive disk.
///
/// The rule, deterministic and independent of the writer: among the models that share a
/// title, the one whose folder holds the most models keeps the title (ties: the smaller id,
/// by bytes); every other one is qualified by its folder's name, and by as many enclosing
/// folders' names as it takes to be told apart from the rest of the group.
/// (Two docs with one title in one folder are `model.duplicate`, reported by the reader.)
public enum DistinctNames {
    /// For every model whose title another folder also uses and which does not keep it: the
    /// folder names that qualify it, outermost first (`errors/x.md` → `["errors"]`).
    public static func qualifiers(_ schema: Schema) -> [String: [String]] {
        var byTitle: [String: [Model]] = [:]
        var modelsPerFolder: [Substring: Int] = [:]
        for model in schema.models {
            byTitle[model.name.lowercased(), default: []].append(model)
            modelsPerFolder[folder(of: model.id), default: 0] += 1
        }
        var result: [String: [String]] = [:]
        for (_, group) in byTitle where group.count > 1 {
            let ranked = group.sorted { a, b in
                let (countA, countB) = (modelsPerFolder[folder(of: a.id)]!, modelsPerFolder[folder(of: b.id)]!)
                return countA != countB ? countA > countB : Array(a.id.utf8).lexicographicallyPrecedes(b.id.utf8)
            }
            let others = ranked.dropFirst()
            let folders: [[String]] = others.map { folder(of: $0.id).split(separator: "/").map(String.init) }
            // The fewest trailing folder names that set each one apart within the group.
            let deepest = max(1, folders.map(\.count).max() ?? 1)
            var depth = 1
            while depth < deepest, Set(folders.map { $0.suffix(depth) }).count < folders.count { depth += 1 }
            for (model, path) in zip(others, folders) where !path.isEmpty {
                result[model.id] = Array(path.suffix(depth))
            }
        }
        return result
    }

    public static func folder(of id: String) -> Substring {
        guard let slash = id.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return id[..<slash]
    }
}
