import DocgenInput
import DocgenSchema

/// From observed keys to the key rule that explains most of them: the current rule,
/// `asWritten`, `snakeCase`, or `lowerCamel` with acronyms inferred from the samples —
/// whichever leaves the fewest per-field overrides — plus the overrides for what no rule explains.
public enum KeyRuleLearner {
    public struct Result: Sendable, Equatable {
        public var rule: JSONKeyRule
        /// Overrides the samples call for, `Model.field` → key (also in `rule.overrides`).
        public var learned: [String: String]
        /// How many overrides each candidate rule would have needed, for the report.
        public var candidates: [(name: String, overrides: Int)]

        public static func == (lhs: Result, rhs: Result) -> Bool {
            lhs.rule == rhs.rule && lhs.learned == rhs.learned && lhs.candidates.map(\.name) == rhs.candidates.map(\.name)
                && lhs.candidates.map(\.overrides) == rhs.candidates.map(\.overrides)
        }
    }

    public static func learn(from observations: [KeySamples.Observation], current: JSONKeyRule) -> Result {
        // One key per field: the one seen most often (ties: the first seen).
        var counts: [String: [(key: String, count: Int)]] = [:] // keys in first-seen order
        var order: [String] = []
        var fieldOf: [String: String] = [:]
        for observation in observations {
            let id = "\(observation.model).\(observation.field)"
            if counts[id] == nil { order.append(id) }
            fieldOf[id] = observation.field
            if let index = counts[id, default: []].firstIndex(where: { $0.key == observation.key }) {
                counts[id]![index].count += 1
            } else {
                counts[id, default: []].append((observation.key, 1))
            }
        }
        let observed: [(id: String, field: String, key: String)] = order.map { id in
            let keys = counts[id]!
            let best = keys.indices.max { keys[$0].count < keys[$1].count || (keys[$0].count == keys[$1].count && $0 > $1) }!
            return (id, fieldOf[id]!, keys[best].key)
        }

        func misses(_ rule: JSONKeyRule) -> [(String, String)] {
            observed.filter { rule.key(forFieldName: $0.field) != $0.key }.map { ($0.id, $0.key) }
        }

        let reserved = current.reservedWords
        let currentStyle = current.style ?? .asWritten
        var candidates: [(name: String, rule: JSONKeyRule)] = [
            ("current (\(currentStyle.rawValue))", JSONKeyRule(style: currentStyle, acronyms: current.acronyms, reservedWords: reserved)),
            ("asWritten", JSONKeyRule(style: .asWritten, reservedWords: reserved)),
            ("snakeCase", JSONKeyRule(style: .snakeCase, reservedWords: reserved)),
        ]
        var camel = JSONKeyRule(style: .lowerCamel, acronyms: currentStyle == .lowerCamel ? current.acronyms : [], reservedWords: reserved)
        for acronym in inferredAcronyms(observed.map { ($0.field, $0.key) }) {
            var trial = camel
            trial.acronyms.append(acronym)
            if misses(trial).count < misses(camel).count { camel = trial }
        }
        candidates.append(("lowerCamel" + (camel.acronyms.isEmpty ? "" : " with \(camel.acronyms.joined(separator: ", "))"), camel))

        let best = candidates.min { misses($0.rule).count < misses($1.rule).count }!
        var rule = best.rule
        var learned: [String: String] = [:]
        for (id, key) in misses(rule) { learned[id] = key }
        // Overrides the samples say nothing about are kept.
        for (id, override) in current.overrides where counts[id] == nil { rule.overrides[id] = override }
        for (id, key) in learned { rule.overrides[id] = JSONKeyRule.Override(key: key) }
        return Result(rule: rule, learned: learned, candidates: candidates.map { ($0.name, misses($0.rule).count) })
    }

    /// Words of a field that its observed key writes in capitals (`resource_id` → `resourceID`: `ID`).
    static func inferredAcronyms(_ pairs: [(field: String, key: String)]) -> [String] {
        var found: [String] = []
        for (field, key) in pairs {
            for word in field.split(separator: "_") where word.count >= 2 {
                let upper = word.uppercased()
                if key.contains(upper), upper != word, !found.contains(upper) { found.append(upper) }
            }
        }
        return found.sorted()
    }
}
