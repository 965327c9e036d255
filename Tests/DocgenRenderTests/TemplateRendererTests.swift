import DocgenDiagnostics
import DocgenRender
import Testing

/// The engine alone, with a vocabulary of its own: it knows no language, only names.
struct TemplateRendererTests {
    static let vocabulary = TemplateVocabulary(["name", "items", "flag", "child", "lines", "missing"])

    static func object(_ pairs: KeyValuePairs<String, TemplateValue>) -> TemplateObject {
        TemplateObject(names: pairs.map { vocabulary.position(of: $0.key)! }, values: pairs.map(\.value))
    }

    static func render(_ templates: [String: String], _ context: TemplateObject, diagnostics: inout Diagnostics) -> String? {
        let renderer = TemplateRenderer(templates: TemplateSet(templates: templates, paths: ["main": "T/main.mustache"]),
                                        vocabulary: vocabulary, required: ["main"], diagnostics: &diagnostics)
        return renderer.render(RenderUnit(destination: .swift, path: "out", template: "main", context: context))?.contents
    }

    static func render(_ templates: [String: String], _ context: TemplateObject) -> String? {
        var diagnostics = Diagnostics()
        let text = render(templates, context, diagnostics: &diagnostics)
        #expect(diagnostics.all.isEmpty)
        return text
    }

    @Test func sectionsIterateListsAndLookNamesUpOutwards() {
        let context = Self.object([
            "name": .text("outer"),
            "items": .list([.object(Self.object(["name": .text("a"), "flag": .flag(true)])), .object(Self.object(["flag": .flag(false)]))]),
        ])
        // The second item has no `name`: the lookup finds the outer one, as Mustache does.
        let text = Self.render(["main": "{{#items}}\n{{name}}{{#flag}}!{{/flag}}{{^flag}}?{{/flag}}\n{{/items}}\n"], context)
        #expect(text == "a!\nouter?\n")
    }

    @Test func nullAndEmptyListsAndFalseAreFalsy() {
        let context = Self.object(["child": .null, "items": .list([]), "flag": .flag(false), "lines": .lines([])])
        let text = Self.render(["main": "{{^child}}1{{/child}}{{^items}}2{{/items}}{{^flag}}3{{/flag}}{{^lines}}4{{/lines}}{{#child}}x{{/child}}\n"], context)
        #expect(text == "1234\n")
    }

    @Test func aStandalonePartialIsIndentedLineByLineAndBlankLinesStayBlank() {
        let context = Self.object(["lines": .lines(["one", "", "two"])])
        let templates = ["main": "{\n    {{>inner}}\n}\n", "inner": "{{#lines}}\n{{.}}\n{{/lines}}\n"]
        #expect(Self.render(templates, context) == "{\n    one\n\n    two\n}\n")
    }

    @Test func aPartialInsideALineIsPlacedAsItIs() {
        let context = Self.object(["name": .text("x")])
        #expect(Self.render(["main": "a({{>arg}}) b\n", "arg": "{{name}}: 1"], context) == "a(x: 1) b\n")
    }

    @Test func outputLosesTrailingBlanksAndRepeatedBlankLines() {
        let context = Self.object(["name": .text("x")])
        #expect(Self.render(["main": "\n\n{{name}}   \n\n\n\nend\n\n"], context) == "x\n\nend\n")
    }

    @Test func aNameOutsideTheVocabularyIsALocatedTemplateError() {
        var diagnostics = Diagnostics()
        let text = Self.render(["main": "ok\n{{#items}}\n{{nmae}}\n{{/items}}\n"], Self.object([:]), diagnostics: &diagnostics)
        #expect(text == nil)
        #expect(diagnostics.all.map(\.id) == ["template.invalid"])
        #expect(diagnostics.all.first?.location == SourceLocation(file: "T/main.mustache", line: 3, column: 1))
        #expect(diagnostics.all.first?.message == "template 'main' does not parse: 'nmae' is not a name docgen provides (README: Writing your own templates)")
    }

    @Test func anUnclosedSectionAndAMissingTemplateAreErrors() {
        var diagnostics = Diagnostics()
        let renderer = TemplateRenderer(templates: TemplateSet(templates: ["main": "{{#items}}\n"]), vocabulary: Self.vocabulary,
                                        required: ["main", "other"], diagnostics: &diagnostics)
        #expect(diagnostics.all.map(\.id) == ["template.invalid", "template.missing"])
        #expect(diagnostics.all.first?.location?.file == "main.mustache")
        #expect(renderer.render(RenderUnit(destination: .swift, path: "x", template: "main", context: Self.object([:]))) == nil)
    }
}
