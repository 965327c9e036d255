import DocgenDiagnostics
import DocgenSwift
import Foundation

/// What `docgen generate` and `docgen check` run with: `docgen.json` at the project root,
/// then flags on top. Relative paths in the file are relative to the file's folder.
public struct Configuration: Sendable, Equatable {
    public var specs: URL
    public var output: URL
    public var docs: URL?
    /// Override folder for templates; `nil` uses the embedded defaults.
    public var templates: URL?
    public var swift: SwiftOptions

    public init(specs: URL, output: URL, docs: URL? = nil, templates: URL? = nil, swift: SwiftOptions = SwiftOptions()) {
        self.specs = specs
        self.output = output
        self.docs = docs
        self.templates = templates
        self.swift = swift
    }

    public static let fileName = "docgen.json"
    static let knownKeys: Set<String> = ["specs", "output", "docs", "templates", "accessLevel", "enums", "enumOverrides", "names"]

    /// The settings a config file holds; every one optional so flags can fill in.
    public struct File: Sendable, Equatable {
        public var specs: URL?
        public var output: URL?
        public var docs: URL?
        public var templates: URL?
        public var swift = SwiftOptions()

        public init() {}
    }

    /// Reads a config file; problems are located errors with the id `config.*`.
    public static func read(_ url: URL, diagnostics: inout Diagnostics) -> File? {
        let location = SourceLocation(file: url.lastPathComponent, line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            diagnostics.error("config.unreadable", "cannot read '\(url.path)'", at: nil)
            return nil
        }
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
        return file
    }
}

enum SwiftNamingCheck {
    static func isIdentifier(_ name: String) -> Bool {
        SwiftNaming.isPlainIdentifier(name) && !SwiftNaming.keywords.contains(name)
    }
}
