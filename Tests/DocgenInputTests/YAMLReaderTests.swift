@testable import DocgenInput
import Foundation
import Testing
import TestSupport

/// The YAML docgen reads (vendors' OpenAPI documents): every construct those documents use,
/// located, and every real document in ../shared read as PyYAML reads it.
struct YAMLReaderTests {
    func read(_ text: String) throws -> LocatedJSON {
        try YAMLReader.parse(text)
    }

    /// The value as plain Swift values, for comparisons.
    func plain(_ value: LocatedJSON) -> String {
        switch value.value {
        case .object(let members): "{" + members.map { "\($0.key): \(plain($0.value))" }.joined(separator: ", ") + "}"
        case .array(let items): "[" + items.map(plain).joined(separator: ", ") + "]"
        case .string(let text): "\"\(text)\""
        case .number(let text, _): text
        case .bool(let flag): "\(flag)"
        case .null: "null"
        }
    }

    @Test func blockMappingsAndSequencesNest() throws {
        let yaml = """
            # a comment
            openapi: 3.0.3
            tags:
            - name: a
              x: [1, 2]
            - plain
            paths:
              /pets:
                get:
                  responses: {}
            """
        #expect(try plain(read(yaml)) == #"{openapi: "3.0.3", tags: [{name: "a", x: [1, 2]}, "plain"], paths: {/pets: {get: {responses: {}}}}}"#)
    }

    @Test func scalarsMeanWhatYAMLSays() throws {
        let yaml = """
            a: 12
            b: -3
            c: 1.5
            d: true
            e: ~
            f: 'it''s'
            g: "tab\\tand \\u00e9"
            h: 200
            i: 1.0.0
            "quoted key": x
            """
        #expect(try plain(read(yaml)) == #"{a: 12, b: -3, c: 1.5, d: true, e: null, f: "it's", g: "tab\#tand é", h: 200, i: "1.0.0", quoted key: "x"}"#)
    }

    @Test func multiLineScalarsFold() throws {
        let yaml = """
            plain: first
              second

              third
            quoted: "one
              two"
            literal: |
              line 1
                indented
            folded: >-
              a
              b

              c
            kept: |+
              x

            next: end
            """
        let actual = try plain(read(yaml))
        #expect(actual == #"{plain: "first second\#nthird", quoted: "one two", literal: "line 1\#n  indented\#n", folded: "a b\#nc", kept: "x\#n\#n", next: "end"}"#)
    }

    @Test func flowCollectionsSpanLines() throws {
        let yaml = """
            enum: [
              "a", b,
              {c: d, e: [f]}
            ]
            """
        #expect(try plain(read(yaml)) == #"{enum: ["a", "b", {c: "d", e: ["f"]}]}"#)
    }

    @Test func anchorsAndAliasesShareTheirValue() throws {
        let yaml = """
            base: &shared
              type: string
            copy: *shared
            tagged: !!str 5
            """
        #expect(try plain(read(yaml)) == #"{base: {type: "string"}, copy: {type: "string"}, tagged: "5"}"#)
    }

    @Test func keysAndValuesAreLocated() throws {
        guard case .object(let members) = try read("a:\n  b: 1\n  c:\n    - x\n").value,
              case .object(let inner) = members[0].value.value else { Issue.record("not a mapping"); return }
        #expect((members[0].line, members[0].column) == (1, 1))
        #expect(inner.map { "\($0.key)@\($0.line):\($0.column)" } == ["b@2:3", "c@3:3"])
        #expect((inner[1].value.line, inner[1].value.column) == (4, 5))
    }

    /// The error `yaml` is refused with, as "line:column message".
    func refusal(_ yaml: String) -> String? {
        do {
            _ = try YAMLReader.parse(yaml)
            return nil
        } catch {
            return "\(error.line):\(error.column) \(error.message)"
        }
    }

    // The probes in Benchmarks/YAMLReaders/Probes that docgen once misread without a word. Each
    // expected value is PyYAML 6.0.3's reading of the same text (CSafeLoader) unless a comment
    // says where docgen deliberately differs (YAML 1.2's core schema, where PyYAML reads 1.1).

    @Test func aliasesInsideFlowCollectionsAreTheAnchoredValues() throws {
        let yaml = """
            a: &x hello
            c: &y
              k: v
            e: [*x, *y]
            f: {m: *x, *x : n}
            g: [&z [1], *z]
            """
        #expect(try plain(read(yaml)) == #"{a: "hello", c: {k: "v"}, e: ["hello", {k: "v"}], f: {m: "hello", hello: "n"}, g: [[1], [1]]}"#)
        // An alias as a flow key is the anchored scalar's text.
        #expect(try plain(read("n: &n 5\na: {*n : y, !!int 1: z}\n")) == #"{n: 5, a: {5: "y", 1: "z"}}"#)
        #expect(refusal("a: [*missing]\n") == "1:13 alias '*missing' names no anchor")
        #expect(refusal("a: &x 1\nb: *x trailing\n") == "2:7 unexpected text after the alias")
    }

    @Test func aFoldedScalarKeepsItsLeadingBlankLines() throws {
        #expect(try plain(read("f: >\n\n  leading blank\n")) == #"{f: "\#nleading blank\#n"}"#)
        // YAML 1.2's example 8.10: a more-indented line keeps the breaks on both its sides.
        let yaml = """
            a: >

             folded
             line

             next
             line
               * bullet

               * list
               * lines

             last
             line

            """
        #expect(try plain(read(yaml)) == #"{a: "\#nfolded line\#nnext line\#n  * bullet\#n\#n  * list\#n  * lines\#n\#nlast line\#n"}"#)
    }

    @Test func coreTagsRetypeTheirScalar() throws {
        let yaml = """
            a: !!str 123
            b: !!float 1
            c: !!str true
            d: !!int "12"
            e: !!bool True
            f: !!null
            g: !!str
            h: &x !!str 7
            i: !!str &y 8
            j: [*x, *y, !!str 1, !!str , !<tag:yaml.org,2002:str> 9]
            k: !!seq [1]
            l: !!map {m: 1}
            """
        let value = try read(yaml)
        #expect(plain(value) == #"{a: "123", b: 1.0, c: "true", d: 12, e: true, f: null, g: "", h: "7", i: "8", j: ["7", "8", "1", "", "9"], k: [1], l: {m: 1}}"#)
        guard case .object(let members) = value.value else { Issue.record("not a mapping"); return }
        #expect(members[1].value.value == .number("1.0", isInteger: false))
        #expect(members[3].value.value == .number("12", isInteger: true))
    }

    /// Other tags are refused rather than ignored: a reader that drops `!!binary` or `!custom`
    /// would hand on a value the document does not mean (PyYAML decodes `!!binary` to bytes and
    /// refuses `!custom`); so are core tags on text that is not of their type.
    @Test(arguments: [
        ("a: !!binary aGk=\n", "1:4 the tag '!!binary' is not one docgen reads (only !!str, !!int, !!float, !!bool, !!null, !!map and !!seq)"),
        ("a: [!custom 1]\n", "1:5 the tag '!custom' is not one docgen reads (only !!str, !!int, !!float, !!bool, !!null, !!map and !!seq)"),
        ("a: !!int yes\n", "1:4 the tag '!!int' is on 'yes', which is not an integer"),
        ("a: !!str [1]\n", "1:4 the tag '!!str' is on a sequence"),
    ])
    func otherTagsAreLocatedErrors(_ yaml: String, _ expected: String) {
        #expect(refusal(yaml) == expected)
    }

    @Test func aSinglePairInsideAFlowSequenceIsAMapping() throws {
        #expect(try plain(read("b: [a: 1, b]\nc: [? d : e, ? f]\n")) == #"{b: [{a: 1}, "b"], c: [{d: "e"}, {f: null}]}"#)
        // An empty key is YAML's null, which no JSON key spells (PyYAML refuses `[: e]` too).
        #expect(refusal("a: [: e]\n") == "1:5 an empty key in a flow collection; docgen reads keys that have text")
    }

    @Test func anExplicitKeyInAFlowMappingIsItsText() throws {
        let value = try read("c: {? k}\nd: {? k: v, j: w}\n")
        #expect(plain(value) == #"{c: {k: null}, d: {k: "v", j: "w"}}"#)
        guard case .object(let members) = value.value, case .object(let inner) = members[0].value.value else { Issue.record("not a mapping"); return }
        #expect((inner[0].line, inner[0].column) == (1, 7)) // the key, not its '?'
    }

    @Test(arguments: [
        ("a: 1\n---\nb: 2\n", "2:1 multiple documents: a second document starts here ('---'); docgen reads one"),
        ("a: 1\n...\n---\nb: 2\n", "3:1 multiple documents: a second document starts here ('---'); docgen reads one"),
        ("a: 1\n...\nb: 2\n", "3:1 multiple documents: text after the end of the document ('...'); docgen reads one"),
        ("a: [1,\n---\n]\n", "2:1 a flow collection is never closed before this document marker"),
        ("a: \"x\n---\n\"\n", "2:1 a quoted string is never closed before this document marker"),
        ("a: 1\n%YAML 1.2\n", "2:1 a directive ('%') inside the document; directives come before '---'"),
    ])
    func aSecondDocumentIsALocatedError(_ yaml: String, _ expected: String) {
        #expect(refusal(yaml) == expected)
    }

    @Test func theEndOfDocumentMarkerEndsTheDocument() throws {
        #expect(try plain(read("%YAML 1.2\n---\na: 1\n...\n# after the end\n")) == "{a: 1}")
        #expect(try plain(read("--- |\n  text\n...\n")) == #""text\#n""#)
    }

    /// YAML 1.2's core schema, which OpenAPI 3.1 expects: `0o17` is 15 there; PyYAML (YAML 1.1)
    /// keeps it a string. The text is the integer in decimal, as `Int(_:)` and JSON read it.
    @Test func coreSchemaIntegersAreWrittenInDecimal() throws {
        let value = try read("a: 0x1F\nb: 0o17\nh: +12\nx: -12\nbig: 0xFFFFFFFFFFFFFFFFFFFF\n")
        guard case .object(let members) = value.value else { Issue.record("not a mapping"); return }
        #expect(members.map(\.value.value) == [
            .number("31", isInteger: true), .number("15", isInteger: true), .number("12", isInteger: true),
            .number("-12", isInteger: true), .number("1208925819614629174706175", isInteger: true),
        ])
    }

    /// JSON's spelling: no `+`, a digit on each side of the point. `-.5` is a float in YAML 1.2
    /// (PyYAML, reading 1.1, keeps it a string).
    @Test func floatsAreWrittenAsJSONWritesThem() throws {
        let value = try read("a: +1.5\nb: .5\nc: 3.\nd: -.5\ne: 1.5e+3\n")
        guard case .object(let members) = value.value else { Issue.record("not a mapping"); return }
        #expect(members.map(\.value.value) == ["1.5", "0.5", "3.0", "-0.5", "1.5e+3"].map { .number($0, isInteger: false) })
    }

    /// PyYAML reads these as the floats inf, -inf and nan; JSON has no way to write them, and a
    /// string would be a value the document does not mean.
    @Test(arguments: [("a: .inf\n", "1:4 '.inf'"), ("a: -.Inf\n", "1:4 '-.Inf'"), ("a: [1, .nan]\n", "1:8 '.nan'")])
    func infinityAndNaNAreLocatedErrors(_ yaml: String, _ expected: String) {
        #expect(refusal(yaml) == expected + " is a float JSON cannot hold (infinity or NaN); quote it to keep it as a string")
    }

    @Test func everyDoubleQuotedEscapeIsRead() throws {
        #expect(try plain(read(#"a: "\e""#)) == "{a: \"\u{1B}\"}")
        #expect(try plain(read(#"b: "\a\b\v\f\N\_\L\P""#)) == "{b: \"\u{07}\u{08}\u{0B}\u{0C}\u{85}\u{A0}\u{2028}\u{2029}\"}")
    }

    @Test(arguments: [("a: \"open\n", 2, 1), ("? complex\n: key\n", 1, 1), ("a: 1\n  b: 2\n", 2, 3), ("a: *missing\n", 1, 12)])
    func problemsAreLocatedErrors(_ yaml: String, _ line: Int, _ column: Int) {
        #expect { try YAMLReader.parse(yaml) } throws: { error in
            guard let error = error as? LocatedJSON.ParseError else { return false }
            return (error.line, error.column) == (line, column)
        }
    }
}
