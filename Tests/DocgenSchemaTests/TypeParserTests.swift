import DocgenDialects
@testable import DocgenSchema
import TestSupport
import Testing

/// Type cells exactly as Speakeasy's Python docs write them, and what they mean.
struct TypeParserTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var cell: String
        var meaning: String
        var testDescription: String { cell }
    }

    @Test(arguments: [
        Case(cell: "*str*", meaning: "string"),
        Case(cell: "*int*", meaning: "integer"),
        Case(cell: "*float*", meaning: "number"),
        Case(cell: "*bool*", meaning: "boolean"),
        Case(cell: "*Any*", meaning: "any"),
        Case(cell: "*Optional[str]*", meaning: "optional string"),
        Case(cell: "*Nullable[str]*", meaning: "nullable string"),
        Case(cell: "*OptionalNullable[bool]*", meaning: "optional nullable boolean"),
        Case(cell: "List[*str*]", meaning: "list<string>"),
        Case(cell: "list[*str*]", meaning: "list<string>"),
        Case(cell: "Dict[str, *Any*]", meaning: "map<any>"),
        Case(cell: "dict[str, *int*]", meaning: "map<integer>"),
        Case(cell: "Dict[str, List[*str*]]", meaning: "map<list<string>>"),
        Case(cell: "List[List[*int*]]", meaning: "list<list<integer>>"),
        Case(cell: "List[*Optional[str]*]", meaning: "list<nullable<string>>"),
        Case(cell: "[shared.Event](../../models/shared/event.md)", meaning: "model(Event → ../../models/shared/event.md)"),
        Case(cell: "[Event](event.md)", meaning: "model(Event → event.md)"),
        Case(cell: "[Optional[shared.WebhookType]](../../models/shared/webhooktype.md)",
             meaning: "optional model(WebhookType → ../../models/shared/webhooktype.md)"),
        Case(cell: "[Nullable[models.X]](x.md)", meaning: "nullable model(X → x.md)"),
        Case(cell: "List[[shared.CrmEmail](../../models/shared/crmemail.md)]",
             meaning: "list<model(CrmEmail → ../../models/shared/crmemail.md)>"),
        Case(cell: "Dict[str, [shared.X](x.md)]", meaning: "map<model(X → x.md)>"),
        Case(cell: "List[Dict[str, [shared.X](x.md)]]", meaning: "list<map<model(X → x.md)>>"),
        Case(cell: "[Union[shared.A, shared.B]](../../models/shared/aorb.md)",
             meaning: "model(AOrB → ../../models/shared/aorb.md)"),
        Case(cell: "*Union[str, int]*", meaning: "union<string, integer>"),
        Case(cell: "*Union[str, None]*", meaning: "nullable string"),
        Case(cell: "*Literal[\"active\"]*", meaning: "const(\"active\")"),
        Case(cell: "*Literal[True]*", meaning: "const(true)"),
        Case(cell: "*Literal[3]*", meaning: "const(3)"),
        Case(cell: "[date](https://docs.python.org/3/library/datetime.html#date-objects)", meaning: "dateTime"),
        Case(cell: "[datetime](https://docs.python.org/3/library/datetime.html#datetime-objects)", meaning: "date"),
        Case(cell: "[requests.Response](https://requests.readthedocs.io/en/latest/api/#requests.Response)",
             meaning: "sdkOnly(\"requests.Response\")"),
        Case(cell: "[httpx.Response](https://www.python-httpx.org/api/#response)", meaning: "sdkOnly(\"httpx.Response\")"),
        Case(cell: "*Optional[requests_http.Response]*", meaning: "optional sdkOnly(\"requests_http.Response\")"),
        Case(cell: "*Union[bytes, IO[bytes], io.BufferedReader]*",
             meaning: "sdkOnly(\"Union[bytes, IO[bytes], io.BufferedReader]\")"),
        Case(cell: "*io.IOBase*", meaning: "sdkOnly(\"io.IOBase\")"),
        Case(cell: "*shared.Pet*", meaning: "model(Pet)"),
    ])
    func pythonTypeCells(_ c: Case) throws {
        let parsed = try TypeParser(vocabulary: TypeVocabulary(Dialect.python.types)).parse(c.cell).get()
        #expect(describe(parsed) == c.meaning)
    }

    @Test(arguments: [
        Case(cell: "*string*", meaning: "string"),
        Case(cell: "*number*", meaning: "number"),
        Case(cell: "*boolean*", meaning: "boolean"),
        Case(cell: "*any*", meaning: "any"),
        Case(cell: "*string*[]", meaning: "list<string>"),
        Case(cell: "*string*[][]", meaning: "list<list<string>>"),
        Case(cell: "Record<string, *any*>", meaning: "map<any>"),
        Case(cell: "Record<string, *string*[]>[]", meaning: "list<map<list<string>>>"),
        Case(cell: "{ [k: string]: any }", meaning: "map<any>"),
        Case(cell: "[components.Link](../../models/components/link.md)[]", meaning: "list<model(Link → ../../models/components/link.md)>"),
        Case(cell: "*\"click\"*", meaning: "const(\"click\")"),
        Case(cell: "*true*", meaning: "const(true)"),
        Case(cell: "*shared.ExtraData*", meaning: "model(ExtraData)"),
        Case(cell: "*models.Stop*[]", meaning: "list<model(Stop)>"),
        Case(cell: "*string* | *number*", meaning: "union<string, number>"),
        Case(cell: "*string* | *null*", meaning: "nullable string"),
        Case(cell: "[Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date)", meaning: "dateTime"),
        Case(cell: "[RFCDate](../../types/rfcdate.md)", meaning: "date"),
        Case(cell: "[File](https://developer.mozilla.org/en-US/docs/Web/API/File) | [Blob](https://developer.mozilla.org/en-US/docs/Web/API/Blob)",
             meaning: "sdkOnly(\"File | Blob\")"),
        Case(cell: "ReadableStream<Uint8Array>", meaning: "sdkOnly(\"ReadableStream\")"),
    ])
    func typeScriptTypeCells(_ c: Case) throws {
        let parsed = try TypeParser(vocabulary: TypeVocabulary(Dialect.typeScript.types)).parse(c.cell).get()
        #expect(describe(parsed) == c.meaning)
    }

    @Test(arguments: [
        Case(cell: "`string`", meaning: "string"),
        Case(cell: "`*string`", meaning: "optional string"),  // a field's own pointer: nil-able
        Case(cell: "**string*", meaning: "optional string"),
        Case(cell: "*int64*", meaning: "integer"),
        Case(cell: "`*float64`", meaning: "optional number"),
        Case(cell: "[]`string`", meaning: "list<string>"),
        Case(cell: "map[string]`any`", meaning: "map<any>"),
        Case(cell: "map[string][]`string`", meaning: "map<list<string>>"),
        Case(cell: "[]map[string]`any`", meaning: "list<map<any>>"),
        Case(cell: "optionalnullable.OptionalNullable[`int64`]", meaning: "optional nullable integer"),
        Case(cell: "optionalnullable.OptionalNullable[[]`string`]", meaning: "optional nullable list<string>"),
        Case(cell: "[*components.Owner](../../models/components/owner.mdx)", meaning: "model(Owner → ../../models/components/owner.mdx)"),
        Case(cell: "[][*components.Owner](../../models/components/owner.mdx)", meaning: "list<model(Owner → ../../models/components/owner.mdx)>"),
        Case(cell: "[*time.Time](https://pkg.go.dev/time#Time)", meaning: "dateTime"),
        Case(cell: "[*types.Date](../../types/date.md)", meaning: "date"),
        Case(cell: "*stream.EventStream[components.Chunk]", meaning: "optional sdkOnly(\"stream.EventStream\")"),
        Case(cell: "[]components.Owner", meaning: "list<model(Owner)>"),
    ])
    func goTypeCells(_ c: Case) throws {
        let parsed = try TypeParser(vocabulary: TypeVocabulary(Dialect.go.types)).parse(c.cell).get()
        #expect(describe(parsed) == c.meaning)
    }

    @Test(arguments: [
        Case(cell: "*String*", meaning: "string"),
        Case(cell: "*long*", meaning: "integer"),
        Case(cell: "*Optional\\<Long>*", meaning: "optional integer"),
        Case(cell: "JsonNullable\\<*String*>", meaning: "nullable string"),
        Case(cell: "List\\<*String*>", meaning: "list<string>"),
        Case(cell: "Map\\<String, List\\\\<*String*>>", meaning: "map<list<string>>"),
        Case(cell: "[Optional\\<Link>](../../models/components/Link.md)", meaning: "optional model(Link → ../../models/components/Link.md)"),
        Case(cell: "[HttpResponse\\<?>](https://docs.oracle.com/en/java/javase/11/docs/api/java.net.http/java/net/http/HttpResponse.html)",
             meaning: "sdkOnly(\"HttpResponse\")"),
        Case(cell: "*byte[]*", meaning: "sdkOnly(\"byte[]\")"),
        Case(cell: "[OffsetDateTime](https://docs.oracle.com/javase/8/docs/api/java/time/OffsetDateTime.html)", meaning: "dateTime"),
        Case(cell: "[com.vendor.models.shared.Event](../../models/shared/Event.md)", meaning: "model(Event → ../../models/shared/Event.md)"),
    ])
    func javaTypeCells(_ c: Case) throws {
        let parsed = try TypeParser(vocabulary: TypeVocabulary(Dialect.java.types)).parse(c.cell).get()
        #expect(describe(parsed) == c.meaning)
    }

    @Test(arguments: [
        Case(cell: "*string*", meaning: "string"),
        Case(cell: "*double*", meaning: "number"),
        Case(cell: "List<*string*>", meaning: "list<string>"),
        Case(cell: "Dictionary<String, *object*>", meaning: "map<any>"),
        Case(cell: "Dictionary<String, List<*string*>>", meaning: "map<list<string>>"),
        Case(cell: "[DateTime](https://learn.microsoft.com/en-us/dotnet/api/system.datetime?view=net-5.0)", meaning: "dateTime"),
        Case(cell: "[HttpResponseMessage](https://learn.microsoft.com/en-us/dotnet/api/system.net.http.httpresponsemessage)",
             meaning: "sdkOnly(\"HttpResponseMessage\")"),
        Case(cell: "[Models.Components.Pet](../../Models/Components/Pet.md)", meaning: "model(Pet → ../../Models/Components/Pet.md)"),
    ])
    func cSharpTypeCells(_ c: Case) throws {
        let parsed = try TypeParser(vocabulary: TypeVocabulary(Dialect.cSharp.types)).parse(c.cell).get()
        #expect(describe(parsed) == c.meaning)
    }

    @Test(arguments: [
        Case(cell: "*string*", meaning: "string"),
        Case(cell: "*?string*", meaning: "optional string"),
        Case(cell: "*mixed*", meaning: "any"),
        Case(cell: "array<*string*>", meaning: "list<string>"),
        Case(cell: "array<string, array<*string*>>", meaning: "map<list<string>>"),
        Case(cell: "[\\DateTime](https://www.php.net/manual/en/class.datetime.php)", meaning: "dateTime"),
        Case(cell: "[?Shared\\DbType](../../Models/Shared/DbType.md)", meaning: "optional model(DbType → ../../Models/Shared/DbType.md)"),
        Case(cell: "array<[Components\\Line](../../Models/Components/Line.md)>", meaning: "list<model(Line → ../../Models/Components/Line.md)>"),
        Case(cell: "[Components\\A\\|Components\\B](../../Models/Components/AOrB.md)", meaning: "model(AOrB → ../../Models/Components/AOrB.md)"),
        Case(cell: "[\\Psr\\Http\\Message\\ResponseInterface](https://www.php-fig.org/psr/psr-7/#33-psrhttpmessageresponseinterface)",
             meaning: "sdkOnly(\"\\\\Psr\\\\Http\\\\Message\\\\ResponseInterface\")"),
    ])
    func phpTypeCells(_ c: Case) throws {
        // The table splitter has already turned the cell's `\\|` into `|`.
        let parsed = try TypeParser(vocabulary: TypeVocabulary(Dialect.php.types)).parse(c.cell.replacing("\\|", with: "|")).get()
        #expect(describe(parsed) == c.meaning)
    }

    @Test(arguments: [
        Case(cell: "*::String*", meaning: "string"),
        Case(cell: "*T.nilable(::Integer)*", meaning: "optional integer"),
        Case(cell: "*T::Boolean*", meaning: "boolean"),
        Case(cell: "T::Array<*::String*>", meaning: "list<string>"),
        Case(cell: "T::Hash[Symbol, *::Object*]", meaning: "map<any>"),
        Case(cell: "[T.nilable(Models::Shared::DbType)](../../models/shared/dbtype.md)", meaning: "optional model(DbType → ../../models/shared/dbtype.md)"),
        Case(cell: "*Crystalline::Nilable.new(::String)*", meaning: "optional string"),
        Case(cell: "*Crystalline::Boolean.new*", meaning: "boolean"),
        Case(cell: "Crystalline::Array<*::String*>", meaning: "list<string>"),
        Case(cell: "Crystalline::Hash[Symbol, *::Object*]", meaning: "map<any>"),
        Case(cell: "[Crystalline::Nilable.new(Crystalline::Union.new(Models::Components::A, Models::Components::B))](../../models/shared/aorb.md)",
             meaning: "optional model(AOrB → ../../models/shared/aorb.md)"),
        Case(cell: "[Date](https://ruby-doc.org/stdlib-2.6.1/libdoc/date/rdoc/Date.html)", meaning: "dateTime"),
        Case(cell: "[DateTime](https://ruby-doc.org/stdlib-2.6.1/libdoc/date/rdoc/DateTime.html)", meaning: "date"),
        Case(cell: "[Faraday::Response](https://www.rubydoc.info/gems/faraday/Faraday/Response)", meaning: "sdkOnly(\"Faraday::Response\")"),
    ])
    func rubyTypeCells(_ c: Case) throws {
        let parsed = try TypeParser(vocabulary: TypeVocabulary(Dialect.ruby.types)).parse(c.cell).get()
        #expect(describe(parsed) == c.meaning)
    }

    struct Failure: CustomTestStringConvertible, Sendable {
        var cell: String
        var id: String
        var testDescription: String { cell }
    }

    @Test(arguments: [
        Failure(cell: "", id: "type.empty"),
        Failure(cell: "List[*str*", id: "type.malformed"),
        Failure(cell: "List[*str*]]", id: "type.malformed"),
        Failure(cell: "Dict[*str*]", id: "type.arity"),
        Failure(cell: "Dict[int, *str*]", id: "type.map-key"),
        Failure(cell: "Frobnicate[*str*]", id: "type.unknown"),
        Failure(cell: "*\"active\"*", id: "type.malformed"),
        Failure(cell: "[Thing](https://example.com/thing)", id: "type.unknown-external"),
        Failure(cell: String(repeating: "List[", count: 40) + "*str*" + String(repeating: "]", count: 40), id: "type.too-deep"),
        Failure(cell: "*str* *int*", id: "type.malformed"),
    ])
    func malformedCellsAreRejectedWithAnId(_ f: Failure) {
        guard case .failure(let problem) = TypeParser(vocabulary: TypeVocabulary(Dialect.python.types)).parse(f.cell) else {
            Issue.record("expected \(f.id)")
            return
        }
        #expect(problem.id.rawValue == f.id)
    }

    @Test func nestingUpToTheLimitIsAccepted() throws {
        let depth = TypeParser.maximumDepth
        let cell = String(repeating: "List[", count: depth) + "*str*" + String(repeating: "]", count: depth)
        let parsed = try TypeParser(vocabulary: TypeVocabulary(Dialect.python.types)).parse(cell).get()
        #expect(describe(parsed).hasPrefix("list<list<"))
    }

    @Test func redundantWrapperIsAWarning() throws {
        let parsed = try TypeParser(vocabulary: TypeVocabulary(Dialect.python.types)).parse("*Optional[Optional[str]]*").get()
        #expect(parsed.warnings.map(\.id) == [.typeRedundantWrapper])
    }

    @Test func tokenizerKeepsNamespacesOfEveryDialect() {
        #expect(TypeTokenizer.tokenize("T::Array<Shared\\Pet>") == [.name("T::Array"), .open("<"), .name("Shared\\Pet"), .close(">")])
        #expect(TypeTokenizer.tokenize("Record<string, X>[]") == [
            .name("Record"), .open("<"), .name("string"), .comma, .name("X"), .close(">"), .open("["), .close("]"),
        ])
    }

    /// The byte tokenizer (ASCII cells) reads every cell as the scalar one does.
    @Test func asciiTokensMatchTheScalarTokenizer() {
        var generator = SeededGenerator(state: 0x70CE)
        let pieces = ["str", "Optional", "[", "]", "<", ">", "(", ")", ",", "|", " ", "\t", "\"", "'", "\\", "-", "1", "2.5",
                      "shared.X", "_a", ":", "::", "@", "*", "\n", "{", "}", "é"]
        for _ in 0..<20_000 {
            let cell = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(TypeTokenizer.tokenize(cell) == TypeTokenizer.tokenizeScalars(cell), "'\(cell)'")
        }
    }
}

/// A compact, readable rendering of a parsed cell for table-driven expectations.
func describe(_ parsed: ParsedType) -> String {
    var prefix = ""
    if parsed.optional { prefix += "optional " }
    if parsed.nullable { prefix += "nullable " }
    return prefix + describe(parsed.expression)
}

func describe(_ expression: TypeExpression) -> String {
    switch expression {
    case .resolved(let type): SchemaDump.tree(type)
    case .model(let reference): "model(\(reference.name)\(reference.link.map { " → \($0)" } ?? ""))"
    case .list(let element): "list<\(describe(element))>"
    case .map(let value): "map<\(describe(value))>"
    case .union(let members): "union<\(members.map(describe).joined(separator: ", "))>"
    case .nullable(let inner): "nullable<\(describe(inner))>"
    }
}
