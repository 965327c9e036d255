import DocgenInput
import DocgenSchema
import FoundationEssentials

/// The `"keys"` section of `docgen.json`, written by `docgen keys learn`.
public enum KeyConfigSnippet {
    static func object(_ rule: JSONKeyRule) -> JSONText {
        var members: [(String, JSONText)] = []
        if !rule.acronyms.isEmpty { members.append(("acronyms", .array(rule.acronyms.map(JSONText.string)))) }
        if !rule.overrides.isEmpty {
            members.append(("overrides", .object(rule.overrides.keys.sorted().map { ($0, .string(rule.overrides[$0]!.key)) })))
        }
        if let style = rule.style { members.append(("rule", .string(style.rawValue))) }
        return .object(members)
    }

    /// Pretty, sorted JSON, ready to paste as the value of `"keys"`.
    public static func json(_ rule: JSONKeyRule) -> String {
        object(rule).rendered()
    }

    public struct InvalidConfig: Error, CustomStringConvertible {
        public var description: String
    }

    /// Sets `"keys"` in the config file (creating it, with `"specs"`, when missing).
    /// Other settings are kept; the file is rewritten pretty-printed with sorted keys.
    public static func merge(_ rule: JSONKeyRule, intoConfigAt url: URL, specs: URL) throws {
        var settings: [String: JSONText] = [:]
        if let data = FileManager.default.contents(atPath: url.path) {
            let existing: LocatedJSON
            do {
                existing = try LocatedJSON.parse(String(decoding: data, as: UTF8.self))
            } catch {
                throw InvalidConfig(description: "\(url.path):\(error.line):\(error.column): \(error.message)")
            }
            guard case .object(let members) = existing.value else {
                throw InvalidConfig(description: "\(url.path): the config file is not a JSON object")
            }
            for member in members { settings[member.key] = text(member.value) }
        } else {
            settings["specs"] = .string(relativePath(specs, from: url.deletingLastPathComponent()))
        }
        settings["keys"] = object(rule)
        let rendered = JSONText.object(settings.keys.sorted().map { ($0, settings[$0]!) }).rendered() + "\n"
        try Data(rendered.utf8).write(to: url, options: .atomic)
    }

    /// A parsed value as `JSONText`, object keys sorted (the last of repeated keys wins).
    static func text(_ json: LocatedJSON) -> JSONText {
        switch json.value {
        case .object(let members):
            var latest: [String: JSONText] = [:]
            for member in members { latest[member.key] = text(member.value) }
            return .object(latest.keys.sorted().map { ($0, latest[$0]!) })
        case .array(let items): return .array(items.map(text))
        case .string(let string): return .string(string)
        case .number(let literal, _): return .number(literal)
        case .bool(let bool): return .bool(bool)
        case .null: return .null
        }
    }

    static func relativePath(_ target: URL, from base: URL) -> String {
        let basePath = base.standardizedFileURL.path + "/"
        let path = target.standardizedFileURL.path
        return path.hasPrefix(basePath) ? String(path.dropFirst(basePath.count)) : path
    }
}
