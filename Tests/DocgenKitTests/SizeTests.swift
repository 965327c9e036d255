import DocgenDiagnostics
import DocgenKit
import DocgenSchema
import Testing

/// Big and deep inputs go through every stage (in memory) and come out right. Their speed is
/// the benchmark suite's business; here they must simply work, without crashing or hanging.
struct SizeTests {
    @Test func tenThousandRows() throws {
        var text = "# Big\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n"
        for i in 0..<10_000 { text += "| `field_\(i)` | List[*str*] | :heavy_minus_sign: | Row \(i) |\n" }
        let read = SpecReader().read([SourceFile(relativePath: "big.md", text: text)])
        #expect(read.diagnostics.all.isEmpty)
        guard case .object(let object)? = read.schema.models.first?.kind else { return #expect(Bool(false)) }
        #expect(object.fields.count == 10_000)
        #expect(object.fields.last?.location.line == 10_006)
    }

    @Test func aMegabyteCellStaysOneDescription() throws {
        let description = String(repeating: "lorem ipsum \\| dolor ", count: 50_000)
        let text = "# Big\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `x` | *str* | :heavy_check_mark: | \(description) |\n"
        let read = SpecReader().read([SourceFile(relativePath: "big.md", text: text)])
        #expect(read.diagnostics.all.isEmpty)
        guard case .object(let object)? = read.schema.models.first?.kind else { return #expect(Bool(false)) }
        let expected = String(description.replacing("\\|", with: "|").dropLast()) // unescaped, trimmed
        #expect(object.fields.first?.description == expected)
    }

    @Test func deepNestingIsDiagnosedNotRecursedInto() throws {
        let deepQuote = String(repeating: "> ", count: 5_000) + "text"
        let deepType = String(repeating: "List[", count: 5_000) + "*str*" + String(repeating: "]", count: 5_000)
        let text = "# Deep\n\n\(deepQuote)\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `x` | \(deepType) | :heavy_check_mark: | N/A |\n"
        let read = SpecReader().read([SourceFile(relativePath: "deep.md", text: text)])
        #expect(read.diagnostics.all.map(\.id) == ["type.too-deep"])
    }
}
