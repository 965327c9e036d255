import FoundationEssentials

/// The templates docgen renders with, by name (`swift-object`, `doc-model`, …): the embedded
/// defaults, optionally overridden file by file from a folder (`--templates DIR`).
public struct TemplateSet: Sendable, Equatable {
    public var templates: [String: String]

    public init(templates: [String: String]) {
        self.templates = templates
    }

    /// The defaults with every `NAME.mustache` in `directory` replacing the template of that name.
    public static func overriding(defaults: TemplateSet = .defaults, from directory: URL) throws -> TemplateSet {
        var result = defaults
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        for name in names where name.hasSuffix(".mustache") {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            result.templates[String(name.dropLast(".mustache".count))] = text
        }
        return result
    }
}
