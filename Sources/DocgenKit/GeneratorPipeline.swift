import DocgenDiagnostics
import DocgenRender
import DocgenSchema
import DocgenSwift
import FoundationEssentials

/// The whole of docgen, stage by stage, each named by what crosses it:
///
///     disk ─SpecLoader─▶ [SourceFile] ─MarkdownParser─▶ [MarkdownDocument] ─PageExtractor─▶ [DocPage]
///     [DocPage] ─SchemaBuilder─▶ Schema ─SwiftTranslator─▶ [RenderUnit] ─TemplateRenderer─▶ [OutputFile]
///     [OutputFile] ─OutputWriter─▶ disk   (only when no stage reported an error)
///
/// Everything up to `[OutputFile]` happens in memory; `generate` never writes.
public struct GeneratorPipeline: Sendable {
    public var configuration: Configuration

    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    public struct Output: Sendable {
        public var schema: Schema
        public var files: [OutputFile]
        public var diagnostics: Diagnostics
    }

    public func generate() -> Output {
        let read = SpecReader(keyRule: configuration.keys).read(root: configuration.specs)
        var diagnostics = read.diagnostics
        var templates = TemplateSet.defaults
        if let folder = configuration.templates {
            do {
                templates = try TemplateSet.overriding(from: folder)
            } catch {
                diagnostics.error("template.unreadable", "cannot read templates from '\(folder.path)': \(error)", at: nil)
            }
        }
        let units = SwiftTranslator(options: configuration.swift).translate(read.schema, diagnostics: &diagnostics)
        let renderer = TemplateRenderer(templates: templates, diagnostics: &diagnostics)
        var files = renderer.render(units, diagnostics: &diagnostics)
        if configuration.docs == nil { files.removeAll { $0.destination == .docs } }
        return Output(schema: read.schema, files: files, diagnostics: diagnostics)
    }

    /// Where each destination goes on disk.
    public func folder(for destination: RenderUnit.Destination) -> URL? {
        switch destination {
        case .swift: configuration.output
        case .docs: configuration.docs
        }
    }
}
