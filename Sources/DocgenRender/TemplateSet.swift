import FoundationEssentials

/// The templates docgen renders with, by name (`swift-object`, `doc-model`, …): the embedded
/// defaults, optionally overridden file by file from a folder (`--templates DIR`).
public struct TemplateSet: Sendable, Equatable {
    public var templates: [String: String]
    /// Where each overriding template was read from, for located diagnostics.
    public var paths: [String: String]

    public init(templates: [String: String], paths: [String: String] = [:]) {
        self.templates = templates
        self.paths = paths
    }

    /// The templates whose names pass `include` (each translator renders its own).
    public func subset(_ include: (String) -> Bool) -> TemplateSet {
        TemplateSet(templates: templates.filter { include($0.key) }, paths: paths.filter { include($0.key) })
    }

    /// Two sets as one (`other` wins where both name a template).
    public func merging(_ other: TemplateSet) -> TemplateSet {
        TemplateSet(templates: templates.merging(other.templates) { $1 }, paths: paths.merging(other.paths) { $1 })
    }

    /// The defaults with every `NAME.mustache` in `directory` replacing the template of that name.
    public static func overriding(_ defaults: TemplateSet, from directory: URL) throws -> TemplateSet {
        var result = defaults
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        for name in names where name.hasSuffix(".mustache") {
            let file = directory.appendingPathComponent(name)
            let text = try String(contentsOf: file, encoding: .utf8)
            result.templates[String(name.dropLast(".mustache".count))] = text
            // Absolute: the diagnostic printer shows it relative to the working directory (a
            // relative path there would read as one inside the spec folder).
            result.paths[String(name.dropLast(".mustache".count))] = file.standardizedFileURL.path
        }
        return result
    }
}
