import DocgenDiagnostics
import DocgenDialects
import DocgenMarkdown
import DocgenOpenAPI
import DocgenSchema
import DocgenSpec
import Dispatch
import FoundationEssentials

/// The front half of the pipeline, each stage named by what crosses it:
///
///     disk ─SpecLoader─▶ [SourceFile] ─(dialect)─▶ ─MarkdownParser─▶ [MarkdownDocument]
///          ─PageExtractor─▶ [DocPage] ─SchemaBuilder─▶ Schema
///
/// The dialect is the one given, or detected from the docs (`DialectDetection`). Documents are
/// parsed and extracted on all cores; results are put back in path order, so output and
/// diagnostics do not depend on scheduling.
public struct SpecReader: Sendable {
    /// `nil`: detect it from the tree.
    public var dialect: Dialect?
    public var keyRule: JSONKeyRule

    /// Report a key override that names no field (`SchemaBuilder`); `diff` does not.
    public var checksKeyOverrides = true
    /// The vendor's OpenAPI document (`--openapi`): evidence for what the docs cannot say.
    public var openAPI: URL?
    /// Errors in operations docs stay errors (`--client`: the client is made from them).
    public var operationsAreLoadBearing = false

    public init(dialect: Dialect? = nil, keyRule: JSONKeyRule = JSONKeyRule(), checksKeyOverrides: Bool = true, openAPI: URL? = nil) {
        self.openAPI = openAPI
        self.dialect = dialect
        self.keyRule = keyRule
        self.checksKeyOverrides = checksKeyOverrides
    }

    public struct Result: Sendable {
        public var schema: Schema
        public var pages: [DocPage]
        public var diagnostics: Diagnostics
        /// The dialect the tree was read in, and how it was chosen.
        public var dialect: Dialect
        public var dialectChoice: DialectChoice
        /// The key rule as applied (the dialect's default style when the config sets none).
        public var keyRule: JSONKeyRule
    }

    public func read(root: URL) -> Result {
        // The document parses on its own thread while the docs are read.
        let document = openAPI.map(PendingDocument.init)
        var diagnostics = Diagnostics()
        let loader = SpecLoader(extensions: dialect?.extensions ?? Array(Set(Dialect.all.flatMap(\.extensions))).sorted())
        guard let listing = loader.list(root: root, diagnostics: &diagnostics) else {
            return empty(diagnostics)
        }
        if let dialect {
            // The dialect is known: each file goes from disk to page in one pass on one core,
            // while its bytes are hot.
            let extracted = listing.paths.concurrentMap { path -> (page: DocPage?, diagnostics: Diagnostics) in
                let loaded = Self.load(path, root: listing.realRoot)
                guard let file = loaded.file else { return (nil, loaded.diagnostics) }
                return Self.extract(file, dialect: dialect)
            }
            return build(extracted, dialect: dialect, choice: .given, rootPath: listing.realRoot, diagnostics: diagnostics, document: document)
        }
        let loaded = listing.paths.concurrentMap { path -> (file: SourceFile?, trace: DialectDetection.Trace?, diagnostics: Diagnostics) in
            let result = Self.load(path, root: listing.realRoot)
            return (result.file, result.file.map { DialectDetection.trace($0) }, result.diagnostics)
        }
        for file in loaded { diagnostics.append(contentsOf: file.diagnostics) }
        return read(loaded.compactMap(\.file), traces: loaded.compactMap(\.trace), rootPath: listing.realRoot, diagnostics: diagnostics,
                    document: document)
    }

    /// Reads documents already in memory (tests, fuzzing) as if they lay under `rootPath`.
    public func read(_ files: [SourceFile], rootPath: String = "/spec-root",
                     diagnostics initial: Diagnostics = Diagnostics()) -> Result {
        let document = openAPI.map(PendingDocument.init)
        guard dialect == nil else {
            return read(files, traces: [], rootPath: rootPath, diagnostics: initial, document: document)
        }
        return read(files, traces: files.concurrentMap { DialectDetection.trace($0) }, rootPath: rootPath, diagnostics: initial, document: document)
    }

    private func read(_ files: [SourceFile], traces: [DialectDetection.Trace], rootPath: String, diagnostics initial: Diagnostics,
                      document: PendingDocument?) -> Result {
        var diagnostics = initial
        let chosen: (dialect: Dialect, choice: DialectChoice)
        if let dialect {
            chosen = (dialect, .given)
        } else {
            guard let detected = Self.detect(traces, files: files, diagnostics: &diagnostics) else { return empty(diagnostics) }
            chosen = detected
        }
        let docs = files.filter { chosen.dialect.isDoc($0.relativePath) }
        let extracted = docs.concurrentMap { Self.extract($0, dialect: chosen.dialect) }
        return build(extracted, dialect: chosen.dialect, choice: chosen.choice, rootPath: rootPath, diagnostics: diagnostics, document: document)
    }

    /// The tree's dialect, or `nil` with a located error showing the evidence. A tree in
    /// which no doc says anything language-specific reads alike in every dialect (`Dialect.whenSilent`).
    static func detect(_ traces: [DialectDetection.Trace], files: [SourceFile],
                       diagnostics: inout Diagnostics) -> (dialect: Dialect, choice: DialectChoice)? {
        switch DialectDetection.decide(traces) {
        case .chosen(let dialect, _):
            return (dialect, .detected)
        case .silent where !files.isEmpty:
            return (.whenSilent, .assumed)
        case .mixed(let groups):
            let summary = groups.map { "\($0.votes.count) docs read as \($0.dialect.name)" }.joined(separator: ", ")
            diagnostics.error(
                .dialectMixed,
                "the spec tree mixes SDK languages (\(summary)); point --specs at one language's docs or pass --dialect",
                at: groups[1].votes[0].location,
                notes: groups.map { group in
                    .init("\(group.dialect.name) evidence: '\(group.votes[0].evidence)' (and \(group.votes.count - 1) more docs)", at: group.votes[0].location)
                })
            return nil
        case .silent:
            // Every file failed to load: that is reported already.
            guard !diagnostics.hasErrors else { return nil }
            diagnostics.error(.specNoDocs, "the spec folder holds no docs (\(Dialect.all.flatMap(\.extensions).uniqued().map { "*." + $0 }.joined(separator: ", ")))",
                              at: nil)
            return nil
        case .unknown(let location):
            diagnostics.error(
                .dialectUnknown,
                "no doc shows an SDK language docgen reads (\(Dialect.all.map(\.name).joined(separator: ", "))), and this type cell is written in none of them; pass --dialect",
                at: location)
            return nil
        }
    }

    private func build(_ extracted: [(page: DocPage?, diagnostics: Diagnostics)], dialect: Dialect, choice: DialectChoice,
                       rootPath: String, diagnostics initial: Diagnostics, document: PendingDocument?) -> Result {
        var diagnostics = initial
        var pages: [DocPage] = []
        pages.reserveCapacity(extracted.count)
        for (page, pageDiagnostics) in extracted {
            if let page { pages.append(page) }
            diagnostics.append(contentsOf: pageDiagnostics)
        }
        var builder = SchemaBuilder(dialect: dialect, keyRule: keyRule, checksKeyOverrides: checksKeyOverrides)
        if operationsAreLoadBearing { builder.operationErrorsAre = .error }
        if let document { builder.standIns = document.standIns() }
        var schema = builder.build(pages, rootPath: rootPath, diagnostics: &diagnostics)
        if !schema.operations.isEmpty { schema.securitySchemes = SecuritySchemeFact.fromSecurityModel(in: schema) }
        if let document {
            schema = Self.applying(document.wait(), to: schema, dialect: dialect, diagnostics: &diagnostics)
            document.discard()
        }
        if schema.models.isEmpty, !diagnostics.hasErrors {
            diagnostics.error(.specNoModels, "no doc in the spec folder describes a model (\(pages.count) docs read as \(dialect.name))",
                              at: nil)
        }
        return Result(schema: schema, pages: pages, diagnostics: diagnostics, dialect: dialect, dialectChoice: choice, keyRule: builder.keyRule)
    }

    /// The schema with the document's evidence; the warning that a union's members are
    /// unknown goes where the document gave them.
    static func applying(_ loaded: (document: OpenAPIDocument?, diagnostics: Diagnostics), to schema: Schema, dialect: Dialect,
                         diagnostics: inout Diagnostics) -> Schema {
        var read = loaded.diagnostics
        guard let document = loaded.document else {
            diagnostics.append(contentsOf: read)
            return schema
        }
        let applied = OpenAPIEvidence(document: document, dialect: dialect).apply(to: schema, diagnostics: &read)
        let filled = Set(applied.filledUnions.compactMap { schema.model(id: $0)?.location })
        var kept = Diagnostics()
        for diagnostic in diagnostics.all
        where !(diagnostic.id == DiagnosticID.unionMembersUnknown.rawValue && diagnostic.location.map(filled.contains) == true) {
            kept.append(diagnostic)
        }
        kept.append(contentsOf: read)
        diagnostics = kept
        return applied.schema
    }

    private func empty(_ diagnostics: Diagnostics) -> Result {
        let dialect = dialect ?? .whenSilent
        return Result(schema: Schema(models: [], dialect: dialect.name), pages: [], diagnostics: diagnostics, dialect: dialect,
                      dialectChoice: self.dialect == nil ? .detected : .given, keyRule: keyRule.resolved(for: dialect))
    }

    /// One file from disk, or its located problem.
    static func load(_ path: String, root: String) -> (file: SourceFile?, diagnostics: Diagnostics) {
        switch SpecLoader.loadFile(path, root: root) {
        case .success(let file):
            return (file, Diagnostics())
        case .failure(let problem):
            var diagnostics = Diagnostics()
            diagnostics.error(problem.id, problem.message, at: problem.location)
            return (nil, diagnostics)
        }
    }

    /// One document from text to page.
    @Sendable static func extract(_ file: SourceFile, dialect: Dialect) -> (page: DocPage?, diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        let page = PageExtractor.extract(MarkdownParser.parse(file), from: file, dialect: dialect, diagnostics: &diagnostics)
        return (page, diagnostics)
    }
}

/// The OpenAPI document, read and parsed on a thread of its own from the moment a read starts.
final class PendingDocument: @unchecked Sendable {
    private let done = DispatchGroup()
    // Written once before `done` is left, read only after it is waited for.
    private var loaded: (document: OpenAPIDocument?, diagnostics: Diagnostics)?
    private var components: [String: StandIn] = [:]

    init(_ url: URL) {
        done.enter()
        DispatchQueue.global().async { [self] in
            var diagnostics = Diagnostics()
            let document = OpenAPIDocument.read(path: url.standardizedFileURL.path, diagnostics: &diagnostics)
            components = document?.standIns() ?? [:]
            loaded = (document, diagnostics)
            done.leave()
        }
    }

    /// The document's components that may stand in for models no doc describes (waits for it).
    func standIns() -> [String: StandIn] {
        done.wait()
        return components
    }

    func wait() -> (document: OpenAPIDocument?, diagnostics: Diagnostics) {
        done.wait()
        return loaded!
    }

    /// Frees the parsed document on another thread once its evidence is applied: freeing a
    /// large document's tree takes about as long as applying it, and the run need not wait.
    func discard() {
        done.wait()
        let document = loaded?.document
        loaded?.document = nil
        DispatchQueue.global().async { withExtendedLifetime(document) {} }
    }
}

/// How a run's dialect was chosen (the run summary says it).
public enum DialectChoice: String, Sendable {
    /// `--dialect` or `"dialect"` in the config.
    case given
    /// From the docs' traces.
    case detected
    /// No doc shows its language, and every dialect reads such docs alike.
    case assumed
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
