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
        let files = SpecLoader().load(root: root, diagnostics: &diagnostics)
        return read(files, rootPath: SpecLoader.realRoot(root), diagnostics: diagnostics)
    }

    /// Reads documents already in memory (tests, fuzzing) as if they lay under `rootPath`.
    public func read(_ files: [SourceFile], rootPath: String = "/spec-root",
                     diagnostics initial: Diagnostics = Diagnostics()) -> Result {
        var diagnostics = initial
        let extracted = Self.extractPages(files)
        var pages: [DocPage] = []
        pages.reserveCapacity(extracted.count)
        for (page, pageDiagnostics) in extracted {
            pages.append(page)
            diagnostics.append(contentsOf: pageDiagnostics)
        }
        let schema = SchemaBuilder(vocabulary: vocabulary, keyRule: keyRule).build(pages, rootPath: rootPath, diagnostics: &diagnostics)
        return Result(schema: schema, pages: pages, diagnostics: diagnostics)
    }

    static func extractPages(_ files: [SourceFile]) -> [(DocPage, Diagnostics)] {
        files.concurrentMap { file in
            var diagnostics = Diagnostics()
            let page = PageExtractor.extract(MarkdownParser.parse(file), from: file, diagnostics: &diagnostics)
            return (page, diagnostics)
        }
    }
}
