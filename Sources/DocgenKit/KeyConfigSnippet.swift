import DocgenSchema
import Foundation

/// The `"keys"` section of `docgen.json`, written by `docgen keys learn`.
public enum KeyConfigSnippet {
    static func object(_ rule: JSONKeyRule) -> [String: Any] {
        var object: [String: Any] = ["rule": rule.style.rawValue]
        if !rule.acronyms.isEmpty { object["acronyms"] = rule.acronyms }
        if !rule.overrides.isEmpty { object["overrides"] = rule.overrides.mapValues(\.key) }
        return object
    }

    /// Pretty, sorted JSON, ready to paste as the value of `"keys"`.
    public static func json(_ rule: JSONKeyRule) -> String {
        text(object(rule)).rendered()
    }

    /// Foundation's JSON objects as `JSONText`, keys sorted, for docgen's own JSON style.
    static func text(_ value: Any) -> JSONText {
        switch value {
        case let string as String: return .string(string)
        case let bool as Bool where type(of: value) == Bool.self: return .bool(bool)
        case let number as NSNumber:
            if String(cString: number.objCType) == "c" { return .bool(number.boolValue) }
            return Double(number.int64Value) == number.doubleValue ? .integer(number.intValue) : .string(number.stringValue)
        case let array as [Any]: return .array(array.map(text))
        case let object as [String: Any]: return .object(object.keys.sorted().map { ($0, text(object[$0]!)) })
        default: return .null
        }
    }

    /// Sets `"keys"` in the config file (creating it, with `"specs"`, when missing).
    /// Other settings are kept; the file is rewritten pretty-printed with sorted keys.
    public static func merge(_ rule: JSONKeyRule, intoConfigAt url: URL, specs: URL) throws {
        var config: [String: Any] = [:]
        if let data = FileManager.default.contents(atPath: url.path) {
            guard let existing = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: url.path])
            }
            config = existing
        } else {
            config["specs"] = relativePath(specs, from: url.deletingLastPathComponent())
        }
        config["keys"] = object(rule)
        try Data((text(config).rendered() + "\n").utf8).write(to: url, options: .atomic)
    }

    static func relativePath(_ target: URL, from base: URL) -> String {
        let basePath = base.standardizedFileURL.path + "/"
        let path = target.standardizedFileURL.path
        return path.hasPrefix(basePath) ? String(path.dropFirst(basePath.count)) : path
    }
}
