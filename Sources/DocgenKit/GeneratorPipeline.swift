import Dispatch
import DocgenClient
import DocgenDiagnostics
import DocgenDialects
import DocgenDocs
import DocgenRender
import DocgenSchema
import DocgenSwift
import FoundationEssentials

/// The whole of docgen, stage by stage, each named by what crosses it:
///
///     disk ─SpecLoader─▶ [SourceFile] ─MarkdownParser─▶ [MarkdownDocument] ─PageExtractor─▶ [DocPage]
///     [DocPage] ─SchemaBuilder─▶ Schema ─SwiftTranslator─▶ [RenderUnit] ─TemplateRenderer─▶ [OutputFile]
///                                               └─ SwiftModelSummary ─DocsTranslator─▶ [RenderUnit] (doc pages)
///                                        (translated and rendered model by model)
///     [OutputFile] ─OutputWriter─▶ disk   (only when no stage reported an error)
///
/// Everything up to `[OutputFile]` happens in memory (`generate`); `plan` compares it with
/// the output folders and `write` writes it, planning again under the folders' locks.
public struct GeneratorPipeline: Sendable {
    public var configuration: Configuration
    /// Called with an output folder's path when writing must wait for another run that holds
    /// its lock (the CLI says so, so a build that pauses says why).
    public var waitingForLock: (@Sendable (String) -> Void)?

    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    public struct Output: Sendable {
        public var schema: Schema
        public var files: [OutputFile]
        public var diagnostics: Diagnostics
        /// The dialect the docs were read in, and how it was chosen.
        public var dialect: Dialect
        public var dialectChoice: DialectChoice
        /// `perModel` or `grouped`: the configured layout, `auto` decided by the number of models.
        public var swiftFiles: SwiftOptions.FileLayout
    }

    /// What a run does after generating: write, only plan (`--dry-run`), or compare (`check`).
    public enum Mode: Sendable {
        case write, dryRun, check
    }

    /// One whole run, as `docgen generate` and `docgen check` make it.
    public struct Run: Sendable {
        public var output: Output
        /// Empty when generating reported an error (nothing was planned).
        public var folders: [FolderPlan]
        /// Generating's diagnostics, then planning's.
        public var diagnostics: Diagnostics
        public var mode: Mode

        /// `check`'s findings: each file that would be written, removed, or whose manifest is stale.
        public var stale: [String] {
            var stale: [String] = []
            for folder in folders {
                let (writer, plan) = (folder.writer, folder.plan)
                stale += plan.write.map { "stale: \(writer.folder.appendingPathComponent($0).path)" }
                stale += plan.remove.map { "no longer generated: \(writer.folder.appendingPathComponent($0).path)" }
                if plan.manifestChanged && plan.write.isEmpty && plan.remove.isEmpty {
                    stale.append("stale: \(writer.folder.appendingPathComponent(OutputWriter.manifestName).path)")
                }
            }
            return stale
        }

        /// `python`, `typescript, detected` or `python, assumed`.
        public var dialect: String {
            output.dialect.name + (output.dialectChoice == .given ? "" : ", " + output.dialectChoice.rawValue)
        }

        /// `docgen: 12 models (python, detected); files: 3 written, 9 unchanged, 0 removed`.
        public var summary: String {
            let written = folders.reduce(0) { $0 + $1.plan.write.count }
            let unchanged = folders.reduce(0) { $0 + $1.plan.unchanged.count }
            let removed = folders.reduce(0) { $0 + $1.plan.remove.count }
            let verb = mode == .write ? "" : "would be "
            return "docgen: \(output.schema.models.count) models (\(dialect)); \(layout)files: \(written) \(verb)written, \(unchanged) unchanged, \(removed) \(verb)removed"
        }

        /// Said when the Swift files are grouped (`auto` does so above 500 models), so nobody
        /// wonders where `Webhook.swift` went.
        var layout: String {
            output.swiftFiles == .grouped ? "Swift files grouped, a few dozen models each; " : ""
        }
    }

    /// Load → read → translate → render → plan → write (in `.write` mode, and only when nothing
    /// reported an error). The one function the CLI, the tests and the fuzz targets run.
    public func run(_ mode: Mode) throws -> Run {
        let output = generate()
        guard !output.diagnostics.hasErrors else {
            return Run(output: output, folders: [], diagnostics: output.diagnostics, mode: mode)
        }
        let (folders, planning) = mode == .write ? try write(output) : plan(output)
        var diagnostics = output.diagnostics
        diagnostics.append(contentsOf: planning)
        return Run(output: output, folders: folders, diagnostics: diagnostics, mode: mode)
    }

    /// Reads the spec tree from disk, then generates from it.
    public func generate() -> Output {
        var reader = SpecReader(dialect: configuration.dialect, keyRule: configuration.keys, openAPI: configuration.openAPI)
        reader.operationsAreLoadBearing = configuration.client != nil
        return generate(from: reader.read(root: configuration.specs))
    }

    /// Everything after reading, in memory: what `generate()` does with the tree it read (the
    /// fuzz targets hand it documents that never touch the disk).
    public func generate(from read: SpecReader.Result) -> Output {
        var read = read
        if let client = configuration.client {
            client.overrides.apply(to: &read.schema, serverURL: client.serverURL, diagnostics: &read.diagnostics)
        }
        // The pages only build the schema; freeing them (object by object, a millisecond on
        // the corpus) happens on another thread while models are translated.
        let pages = read.pages
        read.pages = []
        DispatchQueue.global().async { withExtendedLifetime(pages) {} }
        var diagnostics = read.diagnostics
        var templates = TemplateSet.defaults
        if let folder = configuration.templates {
            do {
                templates = try TemplateSet.overriding(.defaults, from: folder)
            } catch {
                diagnostics.error(.templateUnreadable, "cannot read templates from '\(folder.path)': \(error)", at: nil)
            }
        }
        let plan = SwiftTranslator(options: configuration.swift).prepare(read.schema, diagnostics: &diagnostics)
        let swift = SwiftTranslator.renderer(templates: templates, diagnostics: &diagnostics)
        let docs = DocsTranslator.renderer(templates: templates, diagnostics: &diagnostics)
        let withDocs = configuration.docs != nil
        // Each model is rendered as soon as it is translated, on all cores, a Swift file (one
        // model's, or a group's) at a time: only the files outlive it, never every model's
        // render context at once, and a group's models' text is freed once the group's file
        // holds it (joined after all models were rendered, the Swift was in memory twice).
        typealias ModelOutput = (index: Int, doc: OutputFile?, indexRow: String, diagnostics: Diagnostics)
        let perFile = plan.swiftFiles().concurrentMap { file -> (swift: [OutputFile], models: [ModelOutput]) in
            var bodies: [OutputFile] = []
            var imports: Set<String> = []
            var models: [ModelOutput] = []
            for index in file.models {
                guard let model = plan.translate(modelAt: index) else { continue }
                if let body = swift.render(model.unit) {
                    bodies.append(body)
                    imports.formUnion(model.imports)
                }
                models.append((index, withDocs ? docs.render(DocsTranslator.page(model.summary)) : nil,
                               DocsTranslator.indexRow(model.summary), model.diagnostics))
            }
            guard let name = file.name, !bodies.isEmpty else { return (bodies, models) }
            return ([plan.joined(bodies.map(\.contents), path: name, imports: imports, renderer: swift)], models)
        }
        var files: [OutputFile] = []
        var byModel = [ModelOutput?](repeating: nil, count: plan.models.count)
        for file in perFile {
            files += file.swift
            for model in file.models { byModel[model.index] = model }
        }
        // Doc pages, index rows and diagnostics in model order, whatever file held the model.
        var indexRows: [String] = []
        for case let model? in byModel {
            if let doc = model.doc { files.append(doc) }
            indexRows.append(model.indexRow)
            diagnostics.append(contentsOf: model.diagnostics)
        }
        plan.finish(diagnostics: &diagnostics)
        if let client = configuration.client {
            let translator = ClientTranslator(schema: read.schema, namer: plan.namer, access: configuration.swift.accessLevel, options: client)
            let renderer = ClientTranslator.renderer(templates: templates, diagnostics: &diagnostics)
            files += translator.units(diagnostics: &diagnostics).compactMap(renderer.render)
        }
        if withDocs, let indexFile = docs.render(DocsTranslator.index(rows: indexRows)) { files.append(indexFile) }
        return Output(schema: read.schema, files: TemplateRenderer.sorted(files), diagnostics: diagnostics,
                      dialect: read.dialect, dialectChoice: read.dialectChoice, swiftFiles: plan.fileLayout)
    }

    /// Where each destination goes on disk.
    public func folder(for destination: RenderUnit.Destination) -> URL? {
        switch destination {
        case .swift: configuration.output
        case .docs: configuration.docs
        }
    }

    /// One output folder of a run: the files that go there and what writing them would do.
    public struct FolderPlan: Sendable {
        public var writer: OutputWriter
        public var files: [OutputFile]
        public var plan: OutputWriter.Plan
    }

    /// What writing `output` would do, folder by folder (`generate --dry-run`, `check`).
    /// Files in the way that docgen does not own and unsafe destinations are errors.
    public func plan(_ output: Output) -> (folders: [FolderPlan], diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        var folders: [FolderPlan] = []
        for destination in [RenderUnit.Destination.swift, .docs] {
            guard let folder = folder(for: destination) else { continue }
            let writer = OutputWriter(folder: folder)
            let files = output.files.filter { $0.destination == destination }
            folders.append(FolderPlan(writer: writer, files: files, plan: writer.plan(files, specs: configuration.specs, diagnostics: &diagnostics)))
        }
        return (folders, diagnostics)
    }

    /// Writes `output` (which must hold no error): every output folder is locked, in path
    /// order so that two runs never wait on each other crosswise, then planned and applied
    /// under the locks. A run that waited plans against what the run before it wrote, so
    /// its plan (and the summary made from it) is true, and the run that finishes last is the
    /// one whose output stays. Nothing is written when planning finds an error.
    public func write(_ output: Output) throws -> (folders: [FolderPlan], diagnostics: Diagnostics) {
        let writers = [RenderUnit.Destination.swift, .docs].compactMap(folder(for:)).map(OutputWriter.init(folder:))
        var held: [String: OutputWriter.Lock] = [:]
        defer { for lock in held.values { lock.release() } }
        for writer in writers.sorted(by: { $0.folder.path < $1.folder.path }) where held[writer.folder.path] == nil {
            let waiting = waitingForLock.map { report in { report(writer.folder.path) } }
            held[writer.folder.path] = try writer.lock(waiting: waiting)
        }
        let locks = held
        let planned = plan(output)
        guard !planned.diagnostics.hasErrors else { return planned }
        // Folders are staged side by side (file creation in one folder is serial in the
        // kernel), then published together: one sync for all of them.
        let staged = planned.folders.concurrentMap { folder in
            Result { try folder.writer.stage(folder.plan, files: folder.files, holding: locks[folder.writer.folder.path]!) }
        }
        try OutputWriter.publish(staged.compactMap { try $0.get() })
        return planned
    }
}
