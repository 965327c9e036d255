import DocgenDiagnostics
import DocgenDialects
import DocgenMarkdown
@testable import DocgenSchema
import DocgenSpec
import Testing

/// An operation's HTTP facts: the endpoint its UsageSnippet comment names, where each parameter
/// goes by the location rules, the body, and the documented responses.
struct OperationHTTPTests {
    /// One group page with one method, plus model docs; the operation read from them.
    func operation(_ parameters: [String], endpoint: String? = #"operationID="getX" method="get" path="/x/{id}""#,
                   errors: [String] = [], models: [String: String] = [:], dialect: Dialect = .python)
        -> (Operation, Diagnostics) {
        var text = "# Things\n\n## do\n\nDoes it.\n\n### Example Usage\n\n"
        if let endpoint { text += "<!-- UsageSnippet language=\"python\" \(endpoint) -->\n" }
        text += "```python\nres = s.things.do()\n```\n\n### Parameters\n\n| Parameter | Type | Required | Description |\n| --- | --- | --- | --- |\n"
        text += parameters.map { "\($0) | :heavy_check_mark: | N/A |\n" }.joined()
        if !errors.isEmpty {
            text += "\n### Errors\n\n| Error Type | Status Code | Content Type |\n| --- | --- | --- |\n" + errors.map { $0 + "\n" }.joined()
        }
        var diagnostics = Diagnostics()
        let docs = ["sdks/things/README.md": text].merging(models) { $1 }
        let pages = docs.sorted { $0.key < $1.key }.map { path, text in
            let file = SourceFile(relativePath: path, text: text)
            return PageExtractor.extract(MarkdownParser.parse(file), from: file, dialect: dialect, diagnostics: &diagnostics)
        }
        let schema = SchemaBuilder(dialect: dialect).build(pages, rootPath: "/root", diagnostics: &diagnostics)
        return (schema.operations[0], diagnostics)
    }

    func object(_ name: String, _ fields: [String]) -> String {
        "# \(name)\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n"
            + fields.map { "\($0) | :heavy_check_mark: | N/A |\n" }.joined()
    }

    func places(_ operation: Operation) -> [String] {
        operation.bindings.map { "\($0.name) \($0.place.rawValue) \($0.wireName ?? "-")" }
    }

    // MARK: The endpoint

    @Test func theUsageSnippetCommentNamesTheEndpoint() {
        let (operation, diagnostics) = operation([], endpoint: #"operationID="getConfigGroupAcl" method="GET" path="/products/{product}/groups/{id}/acl""#)
        #expect(operation.endpoint?.operationID == "getConfigGroupAcl")
        #expect(operation.endpoint?.method == "get")
        #expect(operation.endpoint?.path == "/products/{product}/groups/{id}/acl")
        #expect(operation.endpoint?.pathVariables == ["product", "id"])
        #expect(operation.endpoint?.source == .docs)
        #expect(operation.endpoint?.location == SourceLocation(file: "sdks/things/README.md", line: 9, column: 1))
        #expect(diagnostics.all.isEmpty)
    }

    @Test func withoutTheCommentTheEndpointIsUnknownAndAWarningSaysSo() {
        let (operation, diagnostics) = operation([], endpoint: nil)
        #expect(operation.endpoint == nil)
        #expect(diagnostics.all.map(\.id) == [DiagnosticID.operationNoEndpoint.rawValue])
        #expect(diagnostics.all.first?.severity == .warning)
        #expect(diagnostics.all.first?.location == SourceLocation(file: "sdks/things/README.md", line: 3, column: 4))
    }

    // MARK: Rule 1: the path

    @Test func aNameThatIsAPathVariableGoesInThePathUnderTheVariablesSpelling() {
        let (operation, _) = operation(["| `product_param` | *str*", "| `ID` | *str*"],
                                       endpoint: #"operationID="getX" method="get" path="/p/{product}/x/{id}""#)
        #expect(places(operation) == ["product_param path product", "ID path id"])
        #expect(operation.bindings.allSatisfy { $0.source == .rule })
    }

    // MARK: Rule 2: the body

    @Test func aBodyIsNamedOrTypedLikeOne() {
        let models = [
            "models/operations/xrequestbody.md": object("XRequestBody", ["| `a` | *str*"]),
            "models/shared/accountingaccount.md": object("AccountingAccount", ["| `a` | *str*"]),
            "models/shared/petinput.md": object("PetInput", ["| `a` | *str*"]),
        ]
        for row in ["| `request_body` | *str*", "| `requestBody` | *str*", "| `body` | *str*",
                    "| `payload` | [operations.XRequestBody](../../models/operations/xrequestbody.md)",
                    "| `file` | *bytes*",
                    "| `accounting_account` | [shared.AccountingAccount](../../models/shared/accountingaccount.md)",
                    "| `pet` | [shared.PetInput](../../models/shared/petinput.md)"] {
            let (operation, _) = operation([row], endpoint: #"operationID="postX" method="post" path="/x""#, models: models)
            #expect(operation.bindings.map(\.place) == [.body], "\(row)")
            #expect(operation.body != nil, "\(row)")
        }
    }

    @Test func aModelTheFieldIsNotNamedAfterIsNoBody() {
        let models = ["models/shared/owner.md": object("Owner", ["| `a` | *str*"])]
        let (operation, _) = operation(["| `filter` | [shared.Owner](../../models/shared/owner.md)"], models: models)
        #expect(places(operation) == ["filter query filter"])
    }

    @Test func bytesGoAsOctetStreamAndAFileModelAsMultipart() {
        let models = [
            "models/operations/uploadrequestbody.md": object("UploadRequestBody", ["| `file` | [operations.File](../../models/operations/file.md)"]),
            "models/operations/file.md": object("File", ["| `file_name` | *str*", "| `content` | *str*"]),
        ]
        let (bytes, _) = operation(["| `body` | *bytes*"], endpoint: #"operationID="putX" method="put" path="/x""#)
        #expect(bytes.body?.contentType == "application/octet-stream")
        let (upload, _) = operation(["| `request_body` | [operations.UploadRequestBody](../../models/operations/uploadrequestbody.md)"],
                                    endpoint: #"operationID="putX" method="put" path="/x""#, models: models)
        #expect(upload.body?.contentType == "multipart/form-data")
        #expect(upload.body?.source == .rule)
    }

    // MARK: Rule 3: a flattened signature

    @Test func inAFlattenedSignatureTheRequestModelsNamesAreParametersAndTheRestBodyProperties() {
        let models = [
            "models/operations/updatexrequest.md": object("UpdateXRequest", [
                "| `id` | *str*", "| `x_tenant` | *str*",
                "| `request_body` | [operations.UpdateXRequestBody](../../models/operations/updatexrequestbody.md)"]),
            "models/operations/updatexrequestbody.md": object("UpdateXRequestBody", ["| `name` | *str*", "| `from_` | *str*"]),
        ]
        let (operation, _) = operation(["| `id` | *str*", "| `x_tenant` | *str*", "| `name` | *str*", "| `from_` | *str*"],
                                       endpoint: #"operationID="updateX" method="patch" path="/x/{id}""#, models: models)
        #expect(operation.requestShape == .arguments)
        #expect(places(operation) == ["id path id", "x_tenant header x-tenant", "name body name", "from_ body from"])
        #expect(operation.body?.type == .ref("models/operations/updatexrequestbody.md"))
    }

    /// Without a request model doc, Speakeasy flattened only the body (meitner's
    /// `create(employee_id=…, roles=…)`, POST, CLI 1.697): a POST's, PUT's or PATCH's names
    /// that no other rule places are body properties; a GET's stay query parameters.
    @Test func withoutARequestModelDocAPostsFlattenedNamesAreItsBody() {
        let (post, _) = operation(["| `id` | *str*", "| `x_tenant` | *str*", "| `name` | *str*", "| `roles` | List[*str*]"],
                                  endpoint: #"operationID="createX" method="post" path="/x/{id}""#)
        #expect(places(post) == ["id path id", "x_tenant header x-tenant", "name body name", "roles body roles"])
        #expect(post.body?.contentType == "application/json")
        let (get, _) = operation(["| `id` | *str*", "| `name` | *str*"], endpoint: #"operationID="getX" method="get" path="/x/{id}""#)
        #expect(places(get) == ["id path id", "name query name"])
    }

    // MARK: Rules 4 and 5: headers, the query

    @Test func aNameThatStartsWithTheWordXIsAHeader() {
        let (operation, _) = operation(["| `XAccountId` | *str*", "| `x_api_key` | *str*", "| `xOpenRouterMetadata` | *str*", "| `xml` | *str*"])
        #expect(places(operation) == ["XAccountId header x-account-id", "x_api_key header x-api-key",
                                      "xOpenRouterMetadata header x-open-router-metadata", "xml query xml"])
    }

    @Test func multiWordStandardHeadersAreHeadersUnderTheirOwnSpelling() {
        let (operation, _) = operation(["| `acceptLanguage` | *str*", "| `idempotency_key` | *str*"])
        #expect(places(operation) == ["acceptLanguage header Accept-Language", "idempotency_key header Idempotency-Key"])
    }

    @Test func aQueryParameterSuffixMakesAQueryParameterOfTheNameBeforeIt() {
        let (operation, _) = operation(["| `XAccountIdQueryParameter` | *str*", "| `frontend_api_query_parameter` | *str*"])
        #expect(places(operation) == ["XAccountIdQueryParameter query x-account-id", "frontend_api_query_parameter query frontend_api"])
    }

    @Test func anyOtherNameIsAQueryParameterUnderItsKey() {
        let (operation, _) = operation(["| `limit` | *int*", "| `from_` | *str*"])
        #expect(places(operation) == ["limit query limit", "from_ query from"])
    }

    // MARK: A lone `request`: wrapper or body

    let request = "| `request` | [operations.DoRequest](../../models/operations/dorequest.md)"

    func wrapperOrBody(method: String, path: String = "/x", fields: [String]) -> RequestShape {
        let models = ["models/operations/dorequest.md": object("DoRequest", fields),
                      "models/operations/dorequestbody.md": object("DoRequestBody", ["| `a` | *str*"])]
        return operation([request], endpoint: #"operationID="do" method="\#(method)" path="\#(path)""#, models: models).0.requestShape
    }

    @Test func aRequestWrapsTheParametersOfAGetOrDelete() {
        #expect(wrapperOrBody(method: "get", fields: ["| `name` | *str*"]) == .wrapper)
        #expect(wrapperOrBody(method: "delete", fields: ["| `name` | *str*"]) == .wrapper)
    }

    @Test func aRequestWrapsTheParametersWhenAFieldIsAPathVariableOrNamedLikeABody() {
        #expect(wrapperOrBody(method: "post", path: "/x/{id}", fields: ["| `id` | *str*", "| `name` | *str*"]) == .wrapper)
        #expect(wrapperOrBody(method: "post", fields: ["| `request_body` | *str*"]) == .wrapper)
        #expect(wrapperOrBody(method: "post", fields: ["| `data` | [operations.DoRequestBody](../../models/operations/dorequestbody.md)"]) == .wrapper)
    }

    @Test func otherwiseTheRequestIsTheBodyItself() {
        #expect(wrapperOrBody(method: "post", fields: ["| `name` | *str*", "| `id` | *str*"]) == .body)
    }

    @Test func aWrappersFieldsGetPlacesByTheSameRules() {
        let models = ["models/operations/dorequest.md": object("DoRequest", ["| `id` | *str*", "| `x_trace` | *str*", "| `request_body` | *str*"])]
        let (operation, _) = operation([request], endpoint: #"operationID="do" method="put" path="/x/{id}""#, models: models)
        #expect(operation.requestShape == .wrapper)
        #expect(places(operation) == ["id path id", "x_trace header x-trace", "request_body body -"])
        #expect(operation.bindings.first?.location.file == "models/operations/dorequest.md")
        #expect(operation.body?.type == .string)
    }

    @Test func aRequestOfAnotherModelOrAListIsTheBody() {
        let models = ["models/shared/pet.md": object("Pet", ["| `id` | *str*"])]
        for row in ["| `request` | [shared.Pet](../../models/shared/pet.md)", "| `request` | List[[shared.Pet](../../models/shared/pet.md)]"] {
            let (operation, _) = operation([row], endpoint: #"operationID="do" method="get" path="/x/{id}""#, models: models)
            #expect(operation.requestShape == .body, "\(row)")
            #expect(places(operation) == ["request body -"], "\(row)")
        }
    }

    // MARK: Responses

    @Test func eachStatusOfAnErrorsRowIsAnErrorResponse() {
        let models = ["models/errors/notfound.md": object("NotFound", ["| `message` | *str*"])]
        let (operation, _) = operation([], errors: ["| errors.NotFound | 400, 404 | application/json |", "| errors.APIError | 4XX, 5XX | \\*/\\* |",
                                                    "| errors.SDKError | 4xx-5xx | */* |"], models: models)
        #expect(operation.errorResponses.map { "\($0.status ?? "-") \($0.contentType ?? "-")" }
            == ["400 application/json", "404 application/json", "4XX */*", "5XX */*", "4XX */*", "5XX */*"])
        #expect(operation.errorResponses.first?.type == .ref("models/errors/notfound.md"))
        #expect(operation.errorResponses.last?.type == .sdkOnly("errors.SDKError"))
        #expect(operation.errorResponses.allSatisfy { $0.source == .docs })
    }

    // MARK: Dialects

    @Test func phpsDollarSigilIsNoPartOfTheName() {
        let models = ["Models/Operations/DoRequest.md": object("DoRequest", ["| `limit` | *?int*"])]
        let (operation, _) = operation(["| `$request` | [Operations\\DoRequest](../../Models/Operations/DoRequest.md)"],
                                       endpoint: #"operationID="do" method="get" path="/x""#, models: models, dialect: .php)
        #expect(operation.requestShape == .wrapper)
        #expect(operation.requestModel == "Models/Operations/DoRequest.md")
        #expect(places(operation) == ["limit query limit"])
    }

    @Test func aMethodsOwnCredentialsAreNoParameterInCSharpAndGo() {
        for dialect in [Dialect.cSharp, .go] {
            let (operation, _) = operation(["| `security` | *string*", "| `Id` | *string*"], dialect: dialect)
            #expect(operation.parameters.map(\.name) == ["Id"], "\(dialect)")
            #expect(places(operation) == ["Id path id"], "\(dialect)")
        }
    }

    /// A model's stem, split by bytes for an ASCII id, is the one Characters give.
    @Test(arguments: ["models/operations/GetXRequest.md", "Components/ATSLocation.md", "a/b/", "//", "", "x/.md", "x/...",
                      "x.y.z", "models/opérations/Ünïcode.md", "a/\u{301}b.md"])
    func stemSplitsByBytesAsByCharacters(_ id: String) {
        let byCharacters = JSONKeyRule.normalised(String(id.split(separator: "/").last?.split(separator: ".").first ?? Substring(id)))
        #expect(ParameterLocator.stem(id) == byCharacters)
    }
}
