import DocgenFuzzChecks
import TestSupport
import Testing

/// The fuzz invariants as property tests with fixed seeds, so `swift test` checks thousands of
/// structured random inputs on every run, the same ones every time.
struct PropertyTests {
    /// Pieces of Speakeasy docs and hostile text, glued at random.
    static let pieces = [
        "|", "\\|", " ", "`", "~~", "*", "[", "]", "(", ")", ",", "---", ":", "-", "#", "\n", "\r", "\r\n", "\t",
        "str", "int", "Any", "Optional[", "Nullable[", "List[", "Dict[str, ", "Union[", "Literal[", "\"a\"", "True",
        "[shared.X](x.md)", "(../../x.md)", "[date](https://docs.python.org/3/library/datetime.html#date-objects)",
        ":heavy_check_mark:", ":heavy_minus_sign:", "## Fields", "## Values", "## Supported Types", "# T",
        "| Field | Type | Required | Description |", "| Name | Value |", "```", "> ", "<br/>", "&#13;", "*/",
        "\"\"\"", "\\(", "\u{2028}", "\u{0}", "\u{85}", "\u{202E}", "é", "e\u{301}", "ß", "1password", "class", "self",
        "from_", "__pydantic_extra__", "Type", "none", "\u{FEFF}",
        // TypeScript and Go
        "```typescript\n", "```go\n", "*string*", "*number*", "Record<string, ", "Record\\<string, ", "[]", "map[string]",
        "`*string`", "`int64`", "optionalnullable.OptionalNullable[", "{ [k: string]: ", "}", "Unrecognized<string>",
        "---\ntitle: \"X\"\n---\n", "(x.mdx)", "additionalProperties", "AdditionalProperties", "### \n",
        "CreateXStr(string{/* values here */})", "\"A\" | \"B\"", "| - | `Unrecognized<number>` |",
    ]

    static func input(_ generator: inout SeededGenerator) -> [UInt8] {
        var text = ""
        for _ in 0..<Int.random(in: 0...24, using: &generator) {
            text += pieces.randomElement(using: &generator)!
        }
        var bytes = Array(text.utf8)
        if Int.random(in: 0..<8, using: &generator) == 0, !bytes.isEmpty { // now and then, not UTF-8
            bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0x80...0xFF, using: &generator)
        }
        return bytes
    }

    @Test(arguments: FuzzChecks.targets)
    func invariantsHoldOnSeededRandomInputs(_ target: String) {
        var generator = SeededGenerator(state: 0xD0C6E7)
        let count = target == "FuzzPipeline" ? 300 : 3000
        for _ in 0..<count {
            let input = Self.input(&generator)
            let violations = FuzzChecks.run(target, input)
            #expect(violations.isEmpty, "\(target) on \(input): \(violations)")
        }
    }
}
