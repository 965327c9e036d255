import DocgenDiagnostics
import DocgenMarkdown
@testable import DocgenSchema
import DocgenSpec
import TestSupport
import Testing

struct SchemaBuilderTests {
    func build(_ docs: [String: String]) -> (Schema, Diagnostics) {
        var diagnostics = Diagnostics()
        let pages = docs.sorted { $0.key < $1.key }.map { path, text in
            let file = SourceFile(relativePath: path, text: text)
            return PageExtractor.extract(MarkdownParser.parse(file), from: file, dialect: .python, diagnostics: &diagnostics)
        }
        let schema = SchemaBuilder(dialect: .python).build(pages, rootPath: "/root", diagnostics: &diagnostics)
        return (schema, diagnostics)
    }

    func object(_ name: String, _ rows: String) -> String {
        "# \(name)\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n" + rows
    }

    @Test func unknownTypeSuggestsTheClosestName() {
        let (_, diagnostics) = build(["a.md": object("A", "| `x` | *Strng* | :heavy_check_mark: | N/A |")])
        #expect(diagnostics.all.map(\.message) == ["unknown type 'Strng'; did you mean 'str'?"])
        #expect(diagnostics.all.first?.location == SourceLocation(file: "a.md", line: 7, column: 9))
    }

    @Test func reservedWordUnderscoreIsDroppedFromTheKey() {
        let rule = JSONKeyRule().resolved(for: .python)
        #expect(rule.key(forFieldName: "from_") == "from")
        #expect(rule.key(forFieldName: "format_") == "format")
        #expect(rule.key(forFieldName: "id") == "id")
        #expect(rule.key(forFieldName: "name_") == "name_")
        #expect(rule.key(forFieldName: "__pydantic_extra__") == "__pydantic_extra__")
    }

    @Test func linksMayClimbAboveTheRootAndComeBack() {
        #expect(LinkPath.resolve("../../models/shared/x.md", from: "shared/a.md", rootPath: "/d/models") == .inside("shared/x.md"))
        #expect(LinkPath.resolve("./x.md#frag", from: "a/b.md", rootPath: "/r") == .inside("a/x.md"))
        #expect(LinkPath.resolve("x%20y.md", from: "b.md", rootPath: "/r") == .inside("x y.md"))
        #expect(LinkPath.resolve("../../etc/passwd", from: "a/b.md", rootPath: "/r") == .outsideRoot)
        #expect(LinkPath.resolve("/etc/passwd", from: "b.md", rootPath: "/r") == .outsideRoot)
        #expect(LinkPath.resolve("file:///etc/passwd", from: "b.md", rootPath: "/r") == .outsideRoot)
        #expect(LinkPath.resolve("../r2/x.md", from: "b.md", rootPath: "/r") == .outsideRoot)
    }

    /// The resolver against the plainest statement of the rule: a relative link's components,
    /// `.` dropped and `..` popping one, must start with the root's and go on past them.
    @Test func linksResolveAsPathComponentsDo() {
        func reference(_ link: String, _ referrer: String, _ root: String) -> LinkPath.Resolution {
            if link.hasPrefix("/") { return .outsideRoot } // absolute: outside by definition
            var components = root.split(separator: "/").map(String.init) + referrer.split(separator: "/").dropLast().map(String.init)
            for part in link.split(separator: "/") where part != "." {
                if part == ".." {
                    if components.isEmpty { return .outsideRoot }
                    components.removeLast()
                } else {
                    components.append(String(part))
                }
            }
            let rootComponents = root.split(separator: "/").map(String.init)
            guard components.count > rootComponents.count, Array(components.prefix(rootComponents.count)) == rootComponents else { return .outsideRoot }
            return .inside(components.dropFirst(rootComponents.count).joined(separator: "/"))
        }
        var generator = SeededGenerator(state: 0x11AC)
        let parts = ["..", ".", "a", "b", "models", "d", "x.md", "", "shared"]
        let referrers = ["x.md", "a/x.md", "shared/b.md", "a/b/c.md"]
        for root in ["/", "/d/models", "/d", "/r/a"] {
            for _ in 0..<2_000 {
                let link = (0..<Int.random(in: 1...6, using: &generator)).map { _ in parts.randomElement(using: &generator)! }.joined(separator: "/")
                let referrer = referrers.randomElement(using: &generator)!
                #expect(LinkPath.resolve(link, from: referrer, rootPath: root) == reference(link, referrer, root),
                        "'\(link)' from '\(referrer)' under '\(root)'")
            }
        }
    }

    @Test func percentEscapesDecodeOnlyWhenWellFormed() {
        #expect(LinkPath.resolve("%2e%2e/%2E%2E/etc/x.md", from: "a/b.md", rootPath: "/r") == .outsideRoot)
        #expect(LinkPath.resolve("caf%C3%A9.md", from: "b.md", rootPath: "/r") == .inside("café.md"))
        #expect(LinkPath.resolve("100%25.md", from: "b.md", rootPath: "/r") == .inside("100%.md"))
        #expect(LinkPath.resolve("a%+fb%2.md", from: "b.md", rootPath: "/r") == .inside("a%+fb%2.md"))
        #expect(LinkPath.resolve("x.md?raw=1", from: "s/b.md", rootPath: "/r") == .inside("s/x.md"))
    }

    @Test func onlyCyclesThroughStoredValuesAreMarked() throws {
        let (schema, diagnostics) = build([
            "a.md": object("A", "| `b` | [Optional[B]](b.md) | :heavy_minus_sign: | N/A |\n| `all` | List[[A](a.md)] | :heavy_minus_sign: | N/A |"),
            "b.md": object("B", "| `a` | [Optional[A]](a.md) | :heavy_minus_sign: | N/A |\n| `c` | [Optional[C]](c.md) | :heavy_minus_sign: | N/A |"),
            "c.md": object("C", "| `x` | *str* | :heavy_minus_sign: | N/A |"),
        ])
        #expect(!diagnostics.hasErrors)
        func cyclic(_ id: String) -> [String] {
            guard case .object(let o) = schema.model(id: id)?.kind else { return [] }
            return o.fields.filter(\.cyclic).map(\.name)
        }
        #expect(cyclic("a.md") == ["b"])
        #expect(cyclic("b.md") == ["a"])
        #expect(cyclic("c.md") == [])
    }

    /// Recursion is decided once, in the IR: a union is `recursive` (a writer boxes it) only
    /// when it holds itself by value once cyclic fields are boxed.
    @Test func onlyUnionsThatHoldThemselvesByValueAreRecursive() throws {
        let (schema, diagnostics) = build([
            "u.md": "# U\n\n## Supported Types\n\n### `str`\n\n### `V`\n",
            "v.md": "# V\n\n## Supported Types\n\n### `int`\n\n### `U`\n",
            "w.md": "# W\n\n## Supported Types\n\n### `str`\n\n### `O`\n",
            "o.md": object("O", "| `w` | [Optional[W]](w.md) | :heavy_minus_sign: | N/A |"),
            "x.md": "# X\n\n## Supported Types\n\n### `str`\n\n### `List[X]`\n",
        ])
        #expect(!diagnostics.hasErrors, "\(diagnostics.all)")
        func recursive(_ id: String) -> Bool? {
            guard case .union(let union) = schema.model(id: id)?.kind else { return nil }
            return union.recursive
        }
        #expect(recursive("u.md") == true)
        #expect(recursive("v.md") == true)
        #expect(recursive("w.md") == false) // O's field is boxed instead
        #expect(recursive("x.md") == false) // a list stores its elements out of line
        guard case .object(let o) = schema.model(id: "o.md")?.kind else { Issue.record("O is no object"); return }
        #expect(o.fields.map(\.cyclic) == [true])
        #expect(SchemaDump.tree(schema).contains("union U recursive  @"))
    }

    /// C#'s error docs list the SDK's `HTTPMetadata` (raw request and response) as a required
    /// field: a model of SDK-side fields only is no JSON, so neither is a field of its type.
    @Test func aFieldTypedWithAModelOfSDKSideFieldsOnlyIsSDKSide() throws {
        let (schema, diagnostics) = build([
            "meta.md": object("HTTPMetadata", "| `raw_response` | [httpx.Response](https://www.python-httpx.org/api/#response) | :heavy_check_mark: | N/A |"),
            "error.md": object("ServerError", "| `message` | *str* | :heavy_check_mark: | N/A |\n| `http_meta` | [shared.HTTPMetadata](meta.md) | :heavy_check_mark: | N/A |"),
        ])
        #expect(!diagnostics.hasErrors, "\(diagnostics.all)")
        guard case .object(let error) = schema.model(id: "error.md")?.kind else { Issue.record("ServerError is no object"); return }
        #expect(error.fields.map(\.type) == [.string, .sdkOnly("HTTPMetadata")])
    }

    @Test func unlinkedNamesResolveByTitleOrFileName() {
        let (schema, diagnostics) = build([
            "u.md": "# U\n\n## Supported Types\n\n### `shared.Pet`\n\n### `List[shared.Pet]`\n",
            "pet.md": object("Pet", "| `x` | *str* | :heavy_minus_sign: | N/A |"),
        ])
        #expect(!diagnostics.hasErrors)
        guard case .union(let union) = schema.model(id: "u.md")?.kind else {
            Issue.record("expected a union")
            return
        }
        #expect(union.variants.map(\.type) == [.ref("pet.md"), .list(.ref("pet.md"))])
    }

    @Test func suggestionsNeedToBeClose() {
        #expect(Suggestion.closest(to: "Strng", in: ["str", "int"]) == "str")
        #expect(Suggestion.closest(to: "Webhok", in: ["Webhook", "Event"]) == "Webhook")
        #expect(Suggestion.closest(to: "Zebra", in: ["str", "int"]) == nil)
    }

    func enumeration(_ id: String, in schema: Schema) -> EnumModel? {
        if case .enumeration(let e) = schema.model(id: id)?.kind { e } else { nil }
    }

    @Test func quotedNumbersAreStringValues() {
        let (schema, diagnostics) = build(["year.md": "# Year\n\n## Values\n\n- `\"6\"`\n- `\"7\"`\n"])
        #expect(diagnostics.all.isEmpty)
        #expect(enumeration("year.md", in: schema)?.rawType == .string)
        #expect(enumeration("year.md", in: schema)?.values.map(\.value) == ["6", "7"])
    }

    @Test func onlyUnquotedIntegerLiteralsMakeAnIntegerEnum() {
        let (schema, _) = build([
            "bullets.md": "# Bullets\n\n## Values\n\n- `6`\n- `7`\n",
            "table.md": "# Table\n\n## Values\n\n| Name | Value |\n| - | - |\n| `LOW` | 1 |\n| `HIGH` | -2 |\n",
            "mixed.md": "# Mixed\n\n## Values\n\n- `6`\n- `\"7\"`\n",
        ])
        #expect(enumeration("bullets.md", in: schema)?.rawType == .integer)
        // Python's tables print strings bare too: meitner's `| ZERO | 0 |` was the string "0".
        #expect(enumeration("table.md", in: schema)?.rawType == .string)
        #expect(enumeration("mixed.md", in: schema)?.rawType == .string)
    }

    @Test func goTablesKeepIntegerValues() {
        var diagnostics = Diagnostics()
        let file = SourceFile(relativePath: "table.md", text: "# Table\n\n## Values\n\n| Name | Value |\n| - | - |\n| `TableLow` | 1 |\n| `TableHigh` | -2 |\n")
        let page = PageExtractor.extract(MarkdownParser.parse(file), from: file, dialect: .go, diagnostics: &diagnostics)
        let schema = SchemaBuilder(dialect: .go).build([page], rootPath: "/root", diagnostics: &diagnostics)
        #expect(enumeration("table.md", in: schema)?.rawType == .integer)
    }

    @Test func oneTitleInTwoFoldersIsTwoModels() {
        let (schema, diagnostics) = build([
            "models/x.md": object("X", "| `code` | *str* | :heavy_check_mark: | N/A |"),
            "errors/x.md": object("X", "| `error` | [models.X](../models/x.md) | :heavy_check_mark: | N/A |"),
        ])
        #expect(diagnostics.all.isEmpty)
        #expect(schema.models.map(\.id) == ["errors/x.md", "models/x.md"])
    }

    @Test func oneTitleTwiceInOneFolderIsADuplicate() {
        let (_, diagnostics) = build([
            "models/x.md": object("X", "| `code` | *str* | :heavy_check_mark: | N/A |"),
            "models/x2.md": object("X", "| `code` | *str* | :heavy_check_mark: | N/A |"),
        ])
        #expect(diagnostics.all.map(\.id) == ["model.duplicate"])
        #expect(diagnostics.all.first?.location?.file == "models/x2.md")
    }

    @Test func titlesSharedAcrossFoldersAreQualifiedByTheirFolders() {
        let row = "| `code` | *str* | :heavy_check_mark: | N/A |"
        let (schema, _) = build([
            "models/x.md": object("X", row), "models/y.md": object("Y", row), "models/z.md": object("Z", row),
            "errors/x.md": object("X", row),
            "a/errors/z.md": object("Z", row), "b/errors/z.md": object("Z", row), "errors/y.md": object("Y", row),
            "solo/w.md": object("W", row),
            "models/apicall.md": object("APICall", row), "errors/apicall.md": object("ApiCall", row),
        ])
        #expect(DistinctNames.qualifiers(schema) == [
            "errors/apicall.md": ["errors"],
            "errors/x.md": ["errors"],
            "errors/y.md": ["errors"],
            "a/errors/z.md": ["a", "errors"],
            "b/errors/z.md": ["b", "errors"],
        ])
    }

    /// A doc comment's type is read from the rest of the first line with the tag, as reading
    /// the code line by line reads it.
    @Test(arguments: ["/**\n* @var \\A\\B\n*/\nB $value = 1", "/** @var array<string, mixed> $value */", "@var  X \t\r\n@var Y",
                      "no tag\n", "@var \n@var Z", "a\r\n* @var Q\r\n*/", "@var é $x $y", "", "@var"])
    func taggedTypeReadsTheFirstTaggedLine(_ code: String) {
        func lineByLine() -> String? {
            for line in code.split(separator: "\n") {
                guard let found = line.firstRange(of: "@var ") else { continue }
                var written = line[found.upperBound...].drop { $0 == " " || $0 == "\t" }
                if let variable = written.ranges(of: " $").last { written = written[..<variable.lowerBound] }
                while let last = written.last, last == " " || last == "\t" || last == "\r" { written = written.dropLast() }
                return written.isEmpty ? nil : String(written)
            }
            return nil
        }
        #expect(SchemaBuilder.taggedType("@var ", in: code) == lineByLine())
    }
}
