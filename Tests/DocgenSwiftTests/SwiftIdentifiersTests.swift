@testable import DocgenSwift
import Testing

struct SwiftIdentifiersTests {
    @Test(arguments: [
        ("connection_id", "connectionId"), ("hookURL", "hookUrl"), ("ACCOUNTING_ACCOUNT", "accountingAccount"),
        ("tagId", "tagId"), ("not-supported", "notSupported"), ("1password", "_1password"), ("a b c", "aBC"),
        ("class", "`class`"), ("default", "`default`"), ("self", "self_"), ("init", "init_"), ("Type", "type"),
        ("validate", "validate_"), ("größe", "größe"), ("", "value"), ("__pydantic_extra__", "pydanticExtra"),
    ])
    func propertyNames(_ input: String, _ expected: String) {
        #expect(SwiftIdentifiers.propertyName(input) == expected)
    }

    @Test(arguments: [("none", "none_"), ("unknown", "unknown_"), ("rawValue", "rawValue_"), ("ONE_PASSWORD", "onePassword"),
                      ("", "empty"), ("Self", "self_"), ("default", "`default`")])
    func caseNames(_ input: String, _ expected: String) {
        #expect(SwiftIdentifiers.caseName(input) == expected)
    }

    @Test(arguments: [("Webhook", "Webhook"), ("APICall", "APICall"), ("class", "Class"), ("Type", "Type_"),
                      ("Protocol", "Protocol_"), ("String", "String"), ("my model", "MyModel"), ("3d", "_3d")])
    func typeNames(_ input: String, _ expected: String) {
        #expect(SwiftIdentifiers.typeName(input) == expected)
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
                SwiftIdentifiers.asciiCamel(text, upperFirst: upperFirst) != SwiftIdentifiers.scalarCamel(text, upperFirst: upperFirst)
            }
        }
        let firstFew = Array(disagreements.prefix(5))
        #expect(firstFew.isEmpty, "\(disagreements.count) texts named differently")
    }
}

struct SwiftEscapingTests {
    /// The byte scan that lets text skip the scalar walk flags exactly the scalars `isUnsafe` names.
    @Test func unsafeByteScanAgreesWithTheScalarTest() {
        for value in Array(0...0x3000) + Array(0xFE00...0xFFFD) + [0x1F600] {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a\(Character(scalar))b"
            #expect(SwiftEscaping.containsUnsafe(text, tabIsSafe: true) == SwiftEscaping.isUnsafe(scalar), "U+\(String(value, radix: 16))")
        }
        #expect(SwiftEscaping.containsUnsafe("a\tb", tabIsSafe: false))
        #expect(SwiftEscaping.containsUnsafe("“quoted” \"x\"", tabIsSafe: true, orByte: 0x22))
        #expect(!SwiftEscaping.containsUnsafe("“quoted” café", tabIsSafe: true, orByte: 0x22, 0x5C))
    }

    /// The byte path of `commentLines` splits and replaces exactly as the scalar path does.
    @Test func byteCommentLinesAgreeWithTheScalarPath() {
        let pieces = ["a", " ", "\t", "\n", "\r", "\r\n", "\n\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", "\u{0}",
                      "\u{1B}", "\u{7F}", "\u{80}", "\u{9F}", "\u{A0}", "é", "“", "”", "\u{202A}", "\u{202E}", "\u{202F}", "\u{2066}",
                      "\u{2069}", "\u{206A}", "\u{FEFF}", "\u{FEFE}", "😀", "|", "\\", "\"", "\\(x)"]
        var texts = pieces
        for a in pieces { for b in pieces { texts.append(a + b); texts.append(" " + a + "x" + b + " ") } }
        texts += ["  line one  \r\n\r\n  line “two”\u{2028}three\t\n\n", "\n\n", "x\u{1}y\u{85}z"]
        for text in texts {
            #expect(SwiftEscaping.commentLines(text) == SwiftEscaping.scalarCommentLines(text), "\(Array(text.unicodeScalars))")
            #expect(SwiftEscaping.stringLiteral(text) == SwiftEscaping.scalarStringLiteral(text), "\(Array(text.unicodeScalars))")
        }
    }

    /// Names shaped like no keyword (first byte, length) are never looked up; the rest still are.
    @Test func reservedShapesRuleOutOnlyMisses() {
        for name in SwiftIdentifiers.keywords.union(SwiftIdentifiers.reservedCases).union(SwiftIdentifiers.reservedProperties).union(SwiftIdentifiers.reservedTypes) {
            #expect(SwiftIdentifiers.mayBeReserved(name), "\(name)")
        }
        #expect(!SwiftIdentifiers.mayBeReserved("connectionId"))
        #expect(!SwiftIdentifiers.mayBeReserved("größe"))
    }

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
