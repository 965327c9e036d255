import Dispatch
import DocgenDiagnostics
import DocgenRender
import DocgenSchema
import DocgenSwift
import FoundationEssentials

/// The whole of docgen, stage by stage, each named by what crosses it:
///
///     disk ─SpecLoader─▶ [SourceFile] ─MarkdownParser─▶ [MarkdownDocument] ─PageExtractor─▶ [DocPage]
///     [DocPage] ─SchemaBuilder─▶ Schema ─SwiftTranslator─▶ [RenderUnit] ─TemplateRenderer─▶ [OutputFile]
///                                        (translated and rendered model by model)
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
        var read = SpecReader(keyRule: configuration.keys).read(root: configuration.specs)
        // The pages only build the schema; freeing them (object by object, a millisecond on
        // the corpus) happens on another thread while models are translated.
        let pages = read.pages
        read.pages = []
        DispatchQueue.global().async { withExtendedLifetime(pages) {} }
        var diagnostics = read.diagnostics
        var templates = TemplateSet.defaults
        if let folder = configuration.templates {
            do {
                templates = try TemplateSet.overriding(from: folder)
            } catch {
                diagnostics.error("template.unreadable", "cannot read templates from '\(folder.path)': \(error)", at: nil)
            }
        }
        let plan = SwiftTranslator(options: configuration.swift).prepare(read.schema, diagnostics: &diagnostics)
        let renderer = TemplateRenderer(templates: templates, diagnostics: &diagnostics)
        let withDocs = configuration.docs != nil
        // Each model is rendered as soon as it is translated, on all cores: only its files
        // outlive it, never every model's render context at once.
        let perModel = Array(plan.models.indices).concurrentMap { index -> (files: [OutputFile], indexRow: String, diagnostics: Diagnostics)? in
            guard let model = plan.translate(modelAt: index, withDocs: withDocs) else { return nil }
            let files = model.units.compactMap(renderer.render)
            return (files, model.indexRow, model.diagnostics)
        }
        var files: [OutputFile] = []
        var indexRows: [String] = []
        for case let model? in perModel {
            files += model.files
            indexRows.append(model.indexRow)
            diagnostics.append(contentsOf: model.diagnostics)
        }
        let index = plan.finish(indexRows: indexRows, diagnostics: &diagnostics)
        if withDocs, let indexFile = renderer.render(index) { files.append(indexFile) }
        return Output(schema: read.schema, files: TemplateRenderer.sorted(files), diagnostics: diagnostics)
    }

    /// Where each destination goes on disk.
    public func folder(for destination: RenderUnit.Destination) -> URL? {
        switch destination {
        case .swift: configuration.output
        case .docs: configuration.docs
        }
    }
}
