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
        #expect(try plain(read(yaml)) == #"{base: {type: "string"}, copy: {type: "string"}, tagged: 5}"#)
    }

    @Test func keysAndValuesAreLocated() throws {
        guard case .object(let members) = try read("a:\n  b: 1\n  c:\n    - x\n").value,
              case .object(let inner) = members[0].value.value else { Issue.record("not a mapping"); return }
        #expect((members[0].line, members[0].column) == (1, 1))
        #expect(inner.map { "\($0.key)@\($0.line):\($0.column)" } == ["b@2:3", "c@3:3"])
        #expect((inner[1].value.line, inner[1].value.column) == (4, 5))
    }

    @Test(arguments: [("a: \"open\n", 2, 1), ("? complex\n: key\n", 1, 1), ("a: 1\n  b: 2\n", 2, 3), ("a: *missing\n", 1, 12)])
    func problemsAreLocatedErrors(_ yaml: String, _ line: Int, _ column: Int) {
        #expect { try YAMLReader.parse(yaml) } throws: { error in
            guard let error = error as? LocatedJSON.ParseError else { return false }
            return (error.line, error.column) == (line, column)
        }
    }
}
