@testable import DocgenSwift
import Testing

struct SwiftNamingTests {
    @Test(arguments: [
        ("connection_id", "connectionId"), ("hookURL", "hookUrl"), ("ACCOUNTING_ACCOUNT", "accountingAccount"),
        ("tagId", "tagId"), ("not-supported", "notSupported"), ("1password", "_1password"), ("a b c", "aBC"),
        ("class", "`class`"), ("default", "`default`"), ("self", "self_"), ("init", "init_"), ("Type", "type"),
        ("validate", "validate_"), ("größe", "größe"), ("", "value"), ("__pydantic_extra__", "pydanticExtra"),
    ])
    func propertyNames(_ input: String, _ expected: String) {
        #expect(SwiftNaming.propertyName(input) == expected)
    }

    @Test(arguments: [("none", "none_"), ("unknown", "unknown_"), ("rawValue", "rawValue_"), ("ONE_PASSWORD", "onePassword"),
                      ("", "empty"), ("Self", "self_"), ("default", "`default`")])
    func caseNames(_ input: String, _ expected: String) {
        #expect(SwiftNaming.caseName(input) == expected)
    }

    @Test(arguments: [("Webhook", "Webhook"), ("APICall", "APICall"), ("class", "Class"), ("Type", "Type_"),
                      ("Protocol", "Protocol_"), ("String", "String"), ("my model", "MyModel"), ("3d", "_3d")])
    func typeNames(_ input: String, _ expected: String) {
        #expect(SwiftNaming.typeName(input) == expected)
    }

    /// Every text of up to five characters from an alphabet with each character class (lower,
    /// upper, digit, separator): the byte fast path names it exactly as the Unicode path does.
    @Test func asciiFastPathAgreesWithTheUnicodePath() {
        let alphabet: [Character] = ["a", "x", "B", "Z", "9", "0", "_", " ", "-"]
        var texts: [String] = [""]
        var frontier: [String] = [""]
        for _ in 1...5 {
            frontier = frontier.flatMap { prefix in alphabet.map { prefix + String($0) } }
            texts += frontier
        }
        #expect(texts.count == 66_430)
        let disagreements = texts.filter { text in
            [false, true].contains { upperFirst in
                SwiftNaming.asciiCamel(text, upperFirst: upperFirst) != SwiftNaming.scalarCamel(text, upperFirst: upperFirst)
            }
        }
        let firstFew = Array(disagreements.prefix(5))
        #expect(firstFew.isEmpty, "\(disagreements.count) texts named differently")
    }
}

struct SwiftEscapingTests {
    @Test func commentLinesSplitOnEveryLineTerminator() {
        let text = "a\nb\r\nc\rd\u{85}e\u{2028}f\u{2029}g\u{0B}h"
        #expect(SwiftEscaping.commentLines(text) == ["a", "b", "c", "d", "e", "f", "g", "h"])
    }

    @Test func commentLinesNeutraliseControls() {
        #expect(SwiftEscaping.commentLines("x\u{0}y\u{7}z\u{202E}") == ["x\u{FFFD}y\u{FFFD}z\u{FFFD}"])
        #expect(SwiftEscaping.docComment("*/ \"\"\" \\( &#13;") == ["/// */ \"\"\" \\( &#13;"])
    }

    @Test func stringLiteralsEscapeEverythingThatCouldEscape() {
        #expect(SwiftEscaping.stringLiteral("a\"b\\(c)\n\r\t\u{2028}\u{0}") == #""a\"b\\(c)\n\r\t\u{2028}\0""#)
    }

    @Test func markdownCellsKeepPipesInside() {
        #expect(SwiftEscaping.markdownCell("a | b\nc") == "a \\| b<br/>c")
    }
}
