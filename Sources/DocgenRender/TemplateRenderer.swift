import DocgenDiagnostics
import DocgenSwift
import Mustache

/// One generated file, in memory. UTF-8, LF line ends, one final newline.
public struct OutputFile: Sendable, Equatable {
    public var destination: RenderUnit.Destination
    public var path: String
    public var contents: String

    public init(destination: RenderUnit.Destination, path: String, contents: String) {
        self.destination = destination
        self.path = path
        self.contents = contents
    }
}

/// `[RenderUnit]` + templates → `[OutputFile]`, sorted. Templates are parsed once per run.
/// Mustache's HTML escaping is off (`CONTENT_TYPE: TEXT`): everything was escaped for Swift
/// or Markdown before it got here.
public struct TemplateRenderer: Sendable {
    private let library: MustacheLibrary

    /// Parse errors are reported as `template.invalid` and leave that template out.
    public init(templates: TemplateSet, diagnostics: inout Diagnostics) {
        var library = MustacheLibrary()
        for name in templates.templates.keys.sorted() {
            do {
                try library.register(templates.templates[name]!, named: name)
            } catch {
                diagnostics.error("template.invalid", "template '\(name)' does not parse: \(error)", at: nil)
            }
        }
        self.library = library
    }

    public func render(_ units: [RenderUnit], diagnostics: inout Diagnostics) -> [OutputFile] {
        var files: [OutputFile] = []
        for var unit in units {
            if case .object(var object) = unit.context, !object.nestedTypes.isEmpty {
                object.nestedDeclarations = nestedDeclarations(object.nestedTypes, diagnostics: &diagnostics)
                unit.context = .object(object)
            }
            guard let text = library.render(unit.context.value, withTemplate: unit.template.rawValue) else {
                diagnostics.error("template.missing", "no template named '\(unit.template.rawValue)'", at: nil)
                continue
            }
            files.append(OutputFile(destination: unit.destination, path: unit.path, contents: Self.normalised(text)))
        }
        return files.sorted { ($0.destination.rawValue, $0.path) < ($1.destination.rawValue, $1.path) }
    }

    /// Each nested union declaration after a blank line, indented one level.
    private func nestedDeclarations(_ unions: [UnionContext], diagnostics: inout Diagnostics) -> [String] {
        var lines: [String] = []
        for union in unions {
            guard let text = library.render(union, withTemplate: "swift-union-declaration") else {
                diagnostics.error("template.missing", "no template named 'swift-union-declaration'", at: nil)
                continue
            }
            lines.append("")
            for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0) {
                lines.append(line.isEmpty ? "" : "    " + line)
            }
        }
        return lines
    }

    /// Trailing blanks removed from every line, runs of blank lines folded to one, one final newline.
    static func normalised(_ text: String) -> String {
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = line
            while line.last == " " || line.last == "\t" { line = line.dropLast() }
            if line.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(line)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}
