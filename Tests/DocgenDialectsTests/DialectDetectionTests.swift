import DocgenDiagnostics
@testable import DocgenDialects
import DocgenKit
import Foundation
import Testing
import TestSupport

/// `--dialect auto`: each doc votes by the traces it carries; the tree takes the majority, and
/// a mixed or unknown tree is a located error.
struct DialectDetectionTests {
    func file(_ path: String, _ text: String) -> SourceFile {
        SourceFile(relativePath: path, text: text)
    }

    func fields(_ type: String, title: String = "A") -> String {
        "# \(title)\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `a` | \(type) | :heavy_check_mark: | Mentions `string` and *number* in prose |\n"
    }

    @Test func aFenceSettlesADoc() {
        let doc = file("a.md", "# A\n\n## Example Usage\n\n```typescript\nlet value: A = {};\n```\n\n" + fields("*str*").dropFirst(4))
        #expect(DialectDetection.trace(doc).vote?.dialect == .typeScript)
        #expect(DialectDetection.trace(doc).vote?.location.line == 5)
    }

    @Test(arguments: [("*Optional[str]*", "python"), ("List[*str*]", "python"), ("*number*", "typescript"),
                      ("Record<string, *any*>", "typescript"), ("`*string`", "go"), ("map[string]`any`", "go"),
                      ("optionalnullable.OptionalNullable[`int64`]", "go"), ("*Optional\\<String>*", "java"),
                      ("List\\<*String*>", "java"), ("Dictionary<String, *object*>", "csharp"), ("List<*string*>", "csharp"),
                      ("*?string*", "php"), ("array<string, *mixed*>", "php"), ("*T.nilable(::String)*", "ruby"),
                      ("*Crystalline::Nilable.new(::String)*", "ruby")])
    func typeCellsVote(_ cell: String, _ dialect: String) {
        #expect(DialectDetection.trace(file("a.md", fields(cell))).vote?.dialect.name == dialect)
    }

    @Test func descriptionsDoNotVote() {
        #expect(DialectDetection.trace(file("a.md", fields("[shared.B](b.md)"))) == .silent)
    }

    @Test func mdxIsNeverPython() {
        #expect(DialectDetection.trace(file("a.mdx", fields("*str*"))) == .silent)
    }

    @Test func cellsNoDialectWritesAreForeign() {
        #expect(DialectDetection.trace(file("a.md", fields("*Vec<u8>*"))) == .foreign(SourceLocation(file: "a.md", line: 7, column: 8)))
    }

    func read(_ files: [SourceFile]) -> SpecReader.Result {
        SpecReader().read(files)
    }

    @Test func theMajorityWinsAndTheSummarySaysSo() {
        let result = read((0..<5).map { file("m\($0).md", fields("*str*", title: "M\($0)")) } + [file("t.md", fields("*number*", title: "T"))])
        #expect(result.dialect == .python)
        #expect(result.dialectChoice == .detected)
        // One doc of six is no second dialect: it is read as Python, and its cell is an error there.
        #expect(result.diagnostics.all.map(\.id) == ["type.unknown"])
    }

    @Test func aTreeThatMixesDialectsIsALocatedErrorWithTheEvidence() throws {
        let result = read((0..<5).map { file("py\($0).md", fields("*str*", title: "P\($0)")) }
            + (0..<4).map { file("ts\($0).md", fields("*number*", title: "T\($0)")) })
        let error = try #require(result.diagnostics.all.first)
        #expect(error.id == "dialect.mixed")
        #expect(error.message.contains("5 docs read as python, 4 docs read as typescript"))
        #expect(error.location == SourceLocation(file: "ts0.md", line: 7, column: 9))
        #expect(error.notes.map(\.location) == [SourceLocation(file: "py0.md", line: 7, column: 9), SourceLocation(file: "ts0.md", line: 7, column: 9)])
        #expect(result.schema.models.isEmpty)
    }

    @Test func aTreeNoDialectFitsIsALocatedError() throws {
        let result = read([file("a.md", fields("*Vec<u8>*"))])
        let error = try #require(result.diagnostics.all.first)
        #expect(error.id == "dialect.unknown")
        #expect(error.location == SourceLocation(file: "a.md", line: 7, column: 8))
    }

    @Test func aTreeThatSaysNothingLanguageSpecificReadsAsPython() {
        let result = read([file("e.md", "# E\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `A` | a |\n")])
        #expect(result.dialect == .python)
        #expect(result.dialectChoice == .assumed)
        #expect(result.diagnostics.all.isEmpty)
    }

    @Test func aFolderOfMdxDocsIsReadNotIgnored() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("docgen-mdx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try "---\ntitle: \"Stop\"\n---\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `reason` | *string* | :heavy_check_mark: | N/A |\n| `count` | *number* | :heavy_minus_sign: | N/A |\n"
            .write(to: root.appendingPathComponent("stop.mdx"), atomically: true, encoding: .utf8)
        let result = SpecReader().read(root: root)
        #expect(result.diagnostics.all.isEmpty, "\(DiagnosticPrinter().render(result.diagnostics))")
        #expect(result.dialect == .typeScript)
        #expect(result.schema.models.map(\.name) == ["Stop"])
    }

    @Test func anEmptyFolderIsAnErrorNotZeroModels() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("docgen-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        #expect(SpecReader().read(root: root).diagnostics.all.map(\.id) == ["spec.no-docs"])
    }
}
