import DocgenDiagnostics
import DocgenMarkdown
import DocgenSchema
import DocgenSpec
import FoundationEssentials

/// The front half of the pipeline, each stage named by what crosses it:
///
///     disk ─SpecLoader─▶ [SourceFile] ─MarkdownParser─▶ [MarkdownDocument]
///          ─PageExtractor─▶ [DocPage] ─SchemaBuilder─▶ Schema
///
/// Documents are parsed and extracted on all cores; results are put back in path order, so
/// output and diagnostics do not depend on scheduling.
public struct SpecReader: Sendable {
    public var vocabulary: TypeVocabulary
    public var keyRule: JSONKeyRule

    public init(vocabulary: TypeVocabulary = .python, keyRule: JSONKeyRule = JSONKeyRule()) {
        self.vocabulary = vocabulary
        self.keyRule = keyRule
    }

    public struct Result: Sendable {
        public var schema: Schema
        public var pages: [DocPage]
        public var diagnostics: Diagnostics
    }

    public func read(root: URL) -> Result {
        var diagnostics = Diagnostics()
        guard let listing = SpecLoader().list(root: root, diagnostics: &diagnostics) else {
            return Result(schema: Schema(models: []), pages: [], diagnostics: diagnostics)
        }
        // Each file is read, parsed and extracted in one go on one core, while its bytes are hot.
        let extracted = listing.paths.concurrentMap { path -> (page: DocPage?, diagnostics: Diagnostics) in
            switch SpecLoader.loadFile(path, root: listing.realRoot) {
            case .success(let file):
                return Self.extract(file)
            case .failure(let problem):
                var diagnostics = Diagnostics()
                diagnostics.error(problem.id, problem.message, at: problem.location)
                return (nil, diagnostics)
            }
        }
        return build(extracted, rootPath: listing.realRoot, diagnostics: diagnostics)
    }

    /// Reads documents already in memory (tests, fuzzing) as if they lay under `rootPath`.
    public func read(_ files: [SourceFile], rootPath: String = "/spec-root",
                     diagnostics initial: Diagnostics = Diagnostics()) -> Result {
        build(files.concurrentMap(Self.extract), rootPath: rootPath, diagnostics: initial)
    }

    private func build(_ extracted: [(page: DocPage?, diagnostics: Diagnostics)], rootPath: String,
                       diagnostics initial: Diagnostics) -> Result {
        var diagnostics = initial
        var pages: [DocPage] = []
        pages.reserveCapacity(extracted.count)
        for (page, pageDiagnostics) in extracted {
            if let page { pages.append(page) }
            diagnostics.append(contentsOf: pageDiagnostics)
        }
        let schema = SchemaBuilder(vocabulary: vocabulary, keyRule: keyRule).build(pages, rootPath: rootPath, diagnostics: &diagnostics)
        return Result(schema: schema, pages: pages, diagnostics: diagnostics)
    }

    /// One document from text to page.
    @Sendable static func extract(_ file: SourceFile) -> (page: DocPage?, diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        let page = PageExtractor.extract(MarkdownParser.parse(file), from: file, diagnostics: &diagnostics)
        return (page, diagnostics)
    }
}
