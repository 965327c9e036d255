import DocgenDiagnostics
import DocgenSchema
import DocgenSwift
import Foundation

/// What `docgen generate` and `docgen check` run with: `docgen.json` at the project root,
/// then flags on top. Relative paths in the file are relative to the file's folder.
public struct Configuration: Sendable, Equatable {
    public var specs: URL
    /// Where Swift goes; only `generate` and `check` need it.
    public var output: URL?
    public var docs: URL?
    /// Override folder for templates; `nil` uses the embedded defaults.
    public var templates: URL?
    public var swift: SwiftOptions
    /// How JSON keys follow from the names in the docs.
    public var keys: JSONKeyRule

    public init(specs: URL, output: URL? = nil, docs: URL? = nil, templates: URL? = nil, swift: SwiftOptions = SwiftOptions(),
                keys: JSONKeyRule = JSONKeyRule()) {
        self.specs = specs
        self.output = output
        self.docs = docs
        self.templates = templates
        self.swift = swift
        self.keys = keys
    }

    public static let fileName = "docgen.json"
    static let knownKeys: Set<String> = ["specs", "output", "docs", "templates", "accessLevel", "enums", "enumOverrides", "names", "keys"]

    /// The settings a config file holds; every one optional so flags can fill in.
    public struct File: Sendable, Equatable {
        public var specs: URL?
        public var output: URL?
        public var docs: URL?
        public var templates: URL?
        public var swift = SwiftOptions()
        public var keys = JSONKeyRule()

        public init() {}
    }

    /// Reads a config file; problems are located errors with the id `config.*`.
    public static func read(_ url: URL, diagnostics: inout Diagnostics) -> File? {
        // Absolute, so diagnostics show it relative to where docgen runs, not to the spec root.
        let location = SourceLocation(file: url.standardizedFileURL.path, line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            diagnostics.error("config.unreadable", "cannot read '\(url.path)'", at: nil)
            return nil
        }
        let text = String(decoding: data, as: UTF8.self)
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            diagnostics.error("config.invalid", "the config file is not a JSON object", at: location)
            return nil
        }
        var file = File()
        let base = url.deletingLastPathComponent()
        func path(_ key: String) -> URL? {
            guard let value = object[key] else { return nil }
            guard let text = value as? String else {
                diagnostics.error("config.invalid", "'\(key)' must be a path string", at: location)
                return nil
            }
            return URL(fileURLWithPath: text, relativeTo: base).standardizedFileURL
        }
        for key in object.keys.sorted() where !knownKeys.contains(key) {
            diagnostics.error("config.unknown-key", "unknown setting '\(key)'; known: \(knownKeys.sorted().joined(separator: ", "))", at: location)
        }
        file.specs = path("specs")
        file.output = path("output")
        file.docs = path("docs")
        file.templates = path("templates")
        if let value = object["accessLevel"] {
            if let level = (value as? String).flatMap(SwiftOptions.AccessLevel.init(rawValue:)) {
                file.swift.accessLevel = level
            } else {
                diagnostics.error("config.invalid", "'accessLevel' must be public, package or internal", at: location)
            }
        }
        if let value = object["enums"] {
            if let policy = (value as? String).flatMap(SwiftOptions.EnumPolicy.init(rawValue:)) {
                file.swift.enumPolicy = policy
            } else {
                diagnostics.error("config.invalid", "'enums' must be open or closed", at: location)
            }
        }
        if let value = object["enumOverrides"] {
            let map = value as? [String: String] ?? [:]
            for (name, policy) in map {
                if let policy = SwiftOptions.EnumPolicy(rawValue: policy) {
                    file.swift.enumOverrides[name] = policy
                } else {
                    diagnostics.error("config.invalid", "'enumOverrides.\(name)' must be open or closed", at: location)
                }
            }
            if value as? [String: String] == nil {
                diagnostics.error("config.invalid", "'enumOverrides' must map enum names to open or closed", at: location)
            }
        }
        if let value = object["names"] {
            if let map = value as? [String: String] {
                file.swift.nameOverrides = map
                for (key, name) in map.sorted(by: { $0.key < $1.key }) where !SwiftNamingCheck.isIdentifier(name) {
                    diagnostics.error("config.invalid-name", "name override '\(key)' → '\(name)' is not a Swift identifier", at: location)
                }
            } else {
                diagnostics.error("config.invalid", "'names' must map doc names to Swift names", at: location)
            }
        }
        if let value = object["keys"] {
            file.keys = keyRule(value, text: text, location: location, diagnostics: &diagnostics)
        }
        return file
    }

    /// `"keys": {"rule": "lowerCamel", "acronyms": ["ID"], "overrides": {"Model.field": "key"}}`
    static func keyRule(_ value: Any, text: String, location: SourceLocation, diagnostics: inout Diagnostics) -> JSONKeyRule {
        var rule = JSONKeyRule()
        guard let object = value as? [String: Any] else {
            diagnostics.error("config.invalid", "'keys' must be an object with rule, acronyms and overrides", at: location)
            return rule
        }
        for key in object.keys.sorted() where !["rule", "acronyms", "overrides"].contains(key) {
            diagnostics.error("config.unknown-key", "unknown setting 'keys.\(key)'; known: acronyms, overrides, rule", at: location)
        }
        if let style = object["rule"] {
            if let style = (style as? String).flatMap(JSONKeyRule.Style.init(rawValue:)) {
                rule.style = style
            } else {
                diagnostics.error("config.invalid", "'keys.rule' must be asWritten or lowerCamel", at: location)
            }
        }
        if let acronyms = object["acronyms"] {
            if let list = acronyms as? [String] {
                rule.acronyms = list
            } else {
                diagnostics.error("config.invalid", "'keys.acronyms' must be a list of words", at: location)
            }
        }
        if let overrides = object["overrides"] {
            guard let map = overrides as? [String: String] else {
                diagnostics.error("config.invalid", "'keys.overrides' must map Model.field to a JSON key", at: location)
                return rule
            }
            for (target, key) in map {
                rule.overrides[target] = JSONKeyRule.Override(key: key, location: Self.location(of: target, in: text, file: location.file))
            }
        }
        return rule
    }

    /// Where `"text"` first appears in the config file, for diagnostics about that entry.
    static func location(of key: String, in text: String, file: String) -> SourceLocation {
        let needle = "\"" + key + "\""
        guard let range = text.firstRange(of: needle) else { return SourceLocation(file: file, line: 1, column: 1) }
        let before = text[..<range.lowerBound]
        let line = before.count(where: { $0 == "\n" }) + 1
        let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        return SourceLocation(file: file, line: line, column: text[lineStart..<range.lowerBound].utf8.count + 1)
    }
}

enum SwiftNamingCheck {
    static func isIdentifier(_ name: String) -> Bool {
        SwiftNaming.isPlainIdentifier(name) && !SwiftNaming.keywords.contains(name)
    }
}
