import DocgenDiagnostics
import DocgenDialects
import DocgenKit
import DocgenOpenAPI
import DocgenSchema
import Foundation
import Testing
import TestSupport

/// `--openapi`: the vendor's document fills what the docs cannot say, records where each fact
/// came from, and where the two disagree the docs win with a warning that points at both.
struct OpenAPIEvidenceTests {
    /// A small API, documented in TypeScript (no nullability, one word for numbers).
    static let typeScriptDocs = [
        "models/components/pet.md": """
            # Pet

            ## Fields

            | Field | Type | Required | Description |
            | --- | --- | --- | --- |
            | `petId` | *string* | :heavy_check_mark: | The id. |
            | `age` | *number* | :heavy_check_mark: | Whole years. |
            | `weight` | *number* | :heavy_minus_sign: | Kilograms. |
            | `scores` | *number*[] | :heavy_minus_sign: | Whole points. |
            | `nickname` | *string* | :heavy_minus_sign: | May be null. |
            | `owner` | *string* | :heavy_minus_sign: | Optional here, required there. |
            """,
    ]

    static let typeScriptDocument = """
        openapi: 3.1.0
        components:
          schemas:
            Pet:
              type: object
              required: [pet_id, age, owner]
              properties:
                pet_id: {type: string}
                age: {type: integer}
                weight: {type: number}
                scores:
                  type: array
                  items: {type: integer}
                nickname:
                  type: [string, "null"]
                owner: {type: string}
                chip_code:
                  type: string
                  description: The docs leave it out.
        """

    /// Writes `docs` and `document` to a scratch folder and reads them in `dialect`.
    func read(_ docs: [String: String], document: String, dialect: Dialect) throws -> SpecReader.Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docgen-evidence-\(UUID().uuidString)")
        for (path, text) in docs {
            let url = folder.appendingPathComponent("docs/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let openAPI = folder.appendingPathComponent("openapi.yaml")
        try document.write(to: openAPI, atomically: true, encoding: .utf8)
        return SpecReader(dialect: dialect, openAPI: openAPI).read(root: folder.appendingPathComponent("docs"))
    }

    func fields(_ result: SpecReader.Result, _ model: String) throws -> [String: Field] {
        let found = try #require(result.schema.models.first { $0.name == model })
        guard case .object(let object) = found.kind else { Issue.record("\(model) is no object"); return [:] }
        return Dictionary(uniqueKeysWithValues: object.fields.map { ($0.name, $0) })
    }

    @Test func wireKeysNullabilityAndIntegersComeFromTheDocumentWithTheirSource() throws {
        let result = try read(Self.typeScriptDocs, document: Self.typeScriptDocument, dialect: .typeScript)
        let pet = try fields(result, "Pet")
        #expect(pet["petId"]?.jsonKey == "pet_id")
        #expect(pet["petId"]?.sources.jsonKey == .openapi)
        #expect(pet["age"]?.type == .integer)
        #expect(pet["age"]?.sources.type == .openapi)
        #expect(pet["weight"]?.type == .number)
        #expect(pet["weight"]?.sources.type == .docs)
        #expect(pet["scores"]?.type == .list(.integer))
        #expect(pet["nickname"]?.nullable == true)
        #expect(pet["nickname"]?.sources.nullable == .openapi)
        #expect(pet["petId"]?.nullable == false)
    }

    @Test func aPropertyTheDocsLeaveOutIsAddedFromTheDocumentAndLocatedThere() throws {
        let result = try read(Self.typeScriptDocs, document: Self.typeScriptDocument, dialect: .typeScript)
        let chip = try #require(try fields(result, "Pet")["chip_code"])
        #expect(chip.type == .string)
        #expect(!chip.required)
        #expect(chip.description == "The docs leave it out.")
        #expect(chip.sources == Field.Sources(jsonKey: .openapi, type: .openapi, required: .openapi, nullable: .openapi))
        #expect(chip.location.file.hasSuffix("openapi.yaml") && chip.location.line == 17)
    }

    @Test func whereTheDocsSaySomethingElseTheyWinWithAWarningAtBoth() throws {
        let result = try read(Self.typeScriptDocs, document: Self.typeScriptDocument, dialect: .typeScript)
        #expect(try fields(result, "Pet")["owner"]?.required == false)
        let conflicts = result.diagnostics.all.filter { $0.id == DiagnosticID.openapiConflict.rawValue }
        #expect(conflicts.count == 1)
        let conflict = try #require(conflicts.first)
        #expect(conflict.severity == .warning)
        #expect(conflict.message.contains("field 'owner' of Pet: the docs say optional; the OpenAPI document says required"))
        #expect(conflict.location?.file.hasSuffix("models/components/pet.md") == true && conflict.location?.line == 12)
        #expect(conflict.notes.first?.location?.file.hasSuffix("openapi.yaml") == true && conflict.notes.first?.location?.line == 16)
        let summary = try #require(result.diagnostics.all.first { $0.id == DiagnosticID.openapiEvidence.rawValue })
        #expect(summary.severity == .note)
        #expect(summary.message.contains("1 models matched a component schema; filled 1 wire keys, 1 nullable fields, 2 integer types"))
        #expect(summary.message.contains("1 fields the docs leave out, 0 models that keep other keys; 1 disagreements"))
    }

    /// OpenRouter's TypeScript trees of 2026 link models they hold no doc of: the document's
    /// component stands in, with the components it names in turn, instead of any JSON value.
    @Test func aModelTheDocsNameAndDoNotDescribeIsTheDocumentsComponent() throws {
        let docs = ["models/components/order.md": """
            # Order

            ## Fields

            | Field | Type | Required | Description |
            | --- | --- | --- | --- |
            | `id` | *string* | :heavy_check_mark: | N/A |
            | `pet` | [models.Pet](../../models/components/pet.md) | :heavy_check_mark: | Not in the tree. |
            """]
        let document = """
            components:
              schemas:
                Pet:
                  type: object
                  description: A pet.
                  required: [kind]
                  properties:
                    kind: {$ref: '#/components/schemas/Kind'}
                    tag:
                      oneOf: [{type: string}, {type: integer}]
                    favourite:
                      allOf: [{$ref: '#/components/schemas/Kind'}, {description: A reference described in place.}]
                Kind:
                  type: string
                  enum: [cat, dog]
                Unused:
                  type: object
                  properties:
                    x: {type: string}
            """
        let result = try read(docs, document: document, dialect: .typeScript)
        #expect(!result.diagnostics.all.contains { $0.id == DiagnosticID.modelUndocumented.rawValue })
        #expect(try fields(result, "Order")["pet"]?.type == .ref("openapi.yaml#/components/schemas/Pet"))
        #expect(result.schema.models.map(\.name) == ["Order", "Kind", "Pet"])  // not Unused: no doc names it
        let pet = try fields(result, "Pet")
        #expect(pet["kind"]?.type == .ref("openapi.yaml#/components/schemas/Kind") && pet["kind"]?.required == true)
        #expect(pet["tag"]?.type == .union([.string, .integer]) && pet["tag"]?.required == false)
        #expect(pet["favourite"]?.type == .ref("openapi.yaml#/components/schemas/Kind"))
        let petModel = try #require(result.schema.models.first { $0.name == "Pet" })
        #expect(petModel.description == "A pet.")
        #expect(petModel.location.file.hasSuffix("openapi.yaml") && petModel.location.line == 4)
        let kind = try #require(result.schema.models.first { $0.name == "Kind" })
        guard case .enumeration(let values) = kind.kind else { Issue.record("Kind is no enum"); return }
        #expect(values.values.map(\.value) == ["cat", "dog"] && values.rawType == .string)
        let summary = try #require(result.diagnostics.all.first { $0.id == DiagnosticID.openapiEvidence.rawValue })
        #expect(summary.message.contains("2 models matched a component schema (2 of them stand-ins for models the docs name and do not describe)"))

        // Without the document the value is any JSON, and the reader is told.
        let alone = try read(docs, document: "components: {}\n", dialect: .typeScript)
        #expect(try fields(alone, "Order")["pet"]?.type == .any)
        #expect(alone.diagnostics.all.contains { $0.id == DiagnosticID.modelUndocumented.rawValue })
    }

    /// Speakeasy names an inline union after its field (`*models.Ignore*[]`) and writes no doc
    /// for it: the document's property gives the type where the docs' reads any JSON value.
    @Test func aTypeTheDocsNameAndDoNotDescribeIsTheDocumentsProperty() throws {
        let docs = ["models/components/preferences.md": """
            # Preferences

            ## Fields

            | Field | Type | Required | Description |
            | --- | --- | --- | --- |
            | `ignore` | *models.Ignore*[] | :heavy_minus_sign: | Providers to skip. |
            | `extra` | *any* | :heavy_minus_sign: | Any JSON value, by the docs' word. |
            """,
            "models/components/providername.md": """
            # ProviderName

            ## Values

            ```typescript
            "OpenAI" | "Anthropic"
            ```
            """]
        let document = """
            components:
              schemas:
                Preferences:
                  type: object
                  properties:
                    ignore:
                      type: array
                      items:
                        anyOf: [{$ref: '#/components/schemas/ProviderName'}, {type: string}]
                    extra: {type: string}
                ProviderName:
                  type: string
                  enum: [OpenAI, Anthropic]
            """
        let result = try read(docs, document: document, dialect: .typeScript)
        let preferences = try fields(result, "Preferences")
        #expect(preferences["ignore"]?.type == .list(.union([.ref("models/components/providername.md"), .string])))
        #expect(preferences["ignore"]?.sources.type == .openapi)
        #expect(preferences["extra"]?.type == .any)  // the docs said so: not filled
        let summary = try #require(result.diagnostics.all.first { $0.id == DiagnosticID.openapiEvidence.rawValue })
        #expect(summary.message.contains("1 field types the docs name and do not describe"))
    }

    /// An SDK name may not start with a digit: Speakeasy spells the number (Go's `OneAi` for `01ai`).
    @Test func aKeyStartingWithANumberMatchesTheFieldThatSpellsIt() throws {
        let docs = ["models/components/provideroptions.md": """
            # ProviderOptions

            ## Fields

            | Field | Type | Required | Description |
            | --- | --- | --- | --- |
            | `oneAi` | Record<string, *any*> | :heavy_minus_sign: | N/A |
            """]
        let document = "components:\n  schemas:\n    ProviderOptions:\n      type: object\n      properties:\n        01ai: {type: object}\n"
        let options = try fields(try read(docs, document: document, dialect: .typeScript), "ProviderOptions")
        #expect(options.count == 1)
        #expect(options["oneAi"]?.jsonKey == "01ai")
    }

    /// Java prints a union doc's title and nothing else.
    @Test func aTitleOnlyUnionGetsItsMembersFromTheDocumentAndLosesItsWarning() throws {
        let docs = [
            "models/components/Replacement.md": "# Replacement\n",
            "models/components/StaticReplacement.md": """
                # StaticReplacement

                ## Fields

                | Field | Type | Required | Description |
                | --- | --- | --- | --- |
                | `value` | *String* | :heavy_check_mark: | N/A |
                """,
        ]
        let document = """
            components:
              schemas:
                Replacement:
                  oneOf:
                    - $ref: '#/components/schemas/StaticReplacement'
                    - type: integer
                StaticReplacement:
                  type: object
                  properties:
                    value: {type: string}
            """
        let withoutDocument = SpecReader(dialect: .java).read([
            SourceFile(relativePath: "models/components/Replacement.md", text: docs["models/components/Replacement.md"]!),
        ])
        #expect(withoutDocument.diagnostics.all.contains { $0.id == DiagnosticID.unionMembersUnknown.rawValue })

        let result = try read(docs, document: document, dialect: .java)
        let union = try #require(result.schema.models.first { $0.name == "Replacement" })
        guard case .union(let members) = union.kind else { Issue.record("no union"); return }
        #expect(members.variants.map(\.type) == [.ref("models/components/StaticReplacement.md"), .integer])
        #expect(members.variantsSource == .openapi)
        #expect(!result.diagnostics.all.contains { $0.id == DiagnosticID.unionMembersUnknown.rawValue })
        #expect(SchemaDump.tree(result.schema).contains("union Replacement from openapi(variants)"))
    }

    /// TypeScript's union docs name `number` for an integer member too: the document's member in
    /// the same place decides, and members it does not type `integer` stay as written.
    @Test func aUnionsNumberMemberTakesIntegerFromTheDocument() throws {
        let docs = [
            "models/components/chip.md": """
                # Chip

                ## Supported Types

                ### `string`

                ```typescript
                const value: string = "<value>";
                ```

                ### `number`

                ```typescript
                const value: number = 1234;
                ```

                ### `number`

                ```typescript
                const value: number = 1.5;
                ```
                """,
        ]
        let document = """
            components:
              schemas:
                Chip:
                  oneOf:
                    - type: string
                    - type: integer
                    - type: number
            """
        let result = try read(docs, document: document, dialect: .typeScript)
        let chip = try #require(result.schema.models.first { $0.name == "Chip" })
        guard case .union(let members) = chip.kind else { Issue.record("no union"); return }
        #expect(members.variants.map(\.type) == [.string, .integer, .number])
        #expect(members.variantsSource == .docs)
        let summary = try #require(result.diagnostics.all.first { $0.id == DiagnosticID.openapiEvidence.rawValue })
        #expect(summary.message.contains("filled 0 wire keys, 0 nullable fields, 1 integer types"))
    }

    /// Python's table enums print integers and strings alike: without a marker, the document decides.
    @Test func anEnumWithoutAMarkerTakesItsRawTypeFromTheDocument() throws {
        let docs = [
            "models/level.md": """
                # Level

                ## Values

                | Name | Value |
                | --- | --- |
                | `ONE` | 1 |
                | `TWO` | 2 |
                """,
        ]
        let integers = "components:\n  schemas:\n    Level:\n      type: integer\n      enum: [1, 2]\n"
        let strings = "components:\n  schemas:\n    Level:\n      type: string\n      enum: ['1', '2']\n"
        for (document, expected) in [(integers, EnumModel.RawType.integer), (strings, .string)] {
            let result = try read(docs, document: document, dialect: .python)
            guard case .enumeration(let level)? = result.schema.models.first?.kind else { Issue.record("no enum"); continue }
            #expect(level.rawType == expected)
            #expect(level.rawTypeSource == .openapi)
        }
    }

    @Test func queryParametersSpeakeasyRenamedForSharingANameKeepTheirOrder() throws {
        // `frontendApi` and `frontend_api` are both `frontend_api` in Python: Speakeasy names the
        // first `frontend_api_query_parameter` and the second `frontend_api_query_parameter1`.
        let docs = [
            "sdks/misc/README.md": """
                # Misc

                ## get_interstitial

                ### Example Usage

                <!-- UsageSnippet language="python" operationID="getInterstitial" method="get" path="/interstitial" -->
                ```python
                res = s.misc.get_interstitial(frontend_api_query_parameter1="pk")
                ```

                ### Parameters

                | Parameter | Type | Required | Description |
                | --------- | ---- | -------- | ----------- |
                | `frontend_api_query_parameter` | *Optional[str]* | :heavy_minus_sign: | Deprecated |
                | `frontend_api_query_parameter1` | *Optional[str]* | :heavy_minus_sign: | The key |
                | `accept` | *Optional[str]* | :heavy_minus_sign: | Read by the rules |
                """,
        ]
        let document = """
            openapi: 3.1.0
            paths:
              /interstitial:
                get:
                  operationId: getInterstitial
                  parameters:
                    - {name: frontendApi, in: query, schema: {type: string}}
                    - {name: frontend_api, in: query, schema: {type: string}}
                    - {name: Accept, in: header, schema: {type: string}}
                  responses:
                    '200': {description: The page}
            """
        let result = try read(docs, document: document, dialect: .python)
        let operation = try #require(result.schema.operations.first)
        let bindings = Dictionary(uniqueKeysWithValues: operation.bindings.map { ($0.name, $0) })
        #expect(bindings["frontend_api_query_parameter"]?.wireName == "frontendApi")
        #expect(bindings["frontend_api_query_parameter1"]?.wireName == "frontend_api")
        // OpenAPI 3 ignores a header parameter named Accept: the docs' `accept` keeps the rules' place.
        #expect(bindings["accept"]?.place == .query && bindings["accept"]?.source == .rule)
    }

    @Test func dumpIRPrintsEachFactsSource() throws {
        let result = try read(Self.typeScriptDocs, document: Self.typeScriptDocument, dialect: .typeScript)
        let json = SchemaDump.json(result.schema)
        #expect(json.contains("""
                      "source": {
                        "jsonKey": "openapi",
                        "type": "openapi"
                      }
            """))
        #expect(SchemaDump.tree(result.schema).contains("field age: integer required from openapi(jsonKey, type)  @8:3"))
    }

    @Test func aDocumentThatDoesNotParseIsALocatedErrorAndNothingIsWritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docgen-evidence-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("docs"), withIntermediateDirectories: true)
        try Self.typeScriptDocs.values.first!.write(to: folder.appendingPathComponent("docs/pet.md"), atomically: true, encoding: .utf8)
        try "components:\n  schemas: [unclosed\n".write(to: folder.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        let run = try TestPaths.runDocgen(["generate", "--specs", "docs", "--output", "Swift", "--openapi", "bad.yaml"], in: folder)
        #expect(run.status == 1)
        #expect(run.output.contains("bad.yaml:"))
        #expect(run.output.contains("error: the OpenAPI document does not parse"))
        #expect(run.output.contains("[openapi.unreadable]"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Swift").path))
    }
}

/// `docgen conformance`: the one comparison of the IR with the document, before and after the evidence.
struct ConformanceTests {
    /// `yaml` written to a scratch file and read as an OpenAPI document.
    func document(_ yaml: String) throws -> OpenAPIDocument {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("docgen-conformance-\(UUID().uuidString).yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        var diagnostics = Diagnostics()
        return try #require(OpenAPIDocument.read(path: file.path, diagnostics: &diagnostics))
    }

    /// A doc that shares only its name with a component is not its subject: an enum doc and an
    /// object schema, an object doc without one of the schema's property names, an object doc
    /// and a union schema (whose doc is then `<Name>Union`).
    @Test func aDocThatSharesOnlyItsNameWithAComponentIsNotMatchedToIt() throws {
        let document = try document("""
            openapi: 3.1.0
            components:
              schemas:
                StatusEnum:
                  type: object
                  properties: {value: {type: string}, source_value: {type: string}}
                Error:
                  type: object
                  properties: {error: {type: object, properties: {code: {type: string}}}}
                ToolChoice:
                  anyOf:
                    - {type: string, enum: [auto]}
                    - {type: object, properties: {type: {type: string}}}
                Pet:
                  type: object
                  properties: {name: {type: string}}
            """)
        let table = "## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n"
        let docs = SpecReader(dialect: .typeScript).read([
            SourceFile(relativePath: "models/components/statusenum.md", text: "# StatusEnum\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `Active` | active |\n"),
            SourceFile(relativePath: "models/components/error.md", text: "# Error\n\n" + table + "| `code` | *string* | :heavy_check_mark: | N/A |\n"),
            SourceFile(relativePath: "models/components/toolchoice.md", text: "# ToolChoice\n\n" + table + "| `type` | *string* | :heavy_check_mark: | N/A |\n"),
            SourceFile(relativePath: "models/components/toolchoiceunion.md", text: "# ToolChoiceUnion\n\n## Supported Types\n\n### `string`\n\n```typescript\nconst value: string = \"auto\";\n```\n\n### `models.ToolChoice`\n\n```typescript\nconst value: models.ToolChoice = { type: \"x\" };\n```\n"),
            SourceFile(relativePath: "models/components/pet.md", text: "# Pet\n\n" + table + "| `name` | *string* | :heavy_check_mark: | N/A |\n"),
        ])
        let matches = SchemaMatches(docs.schema, document)
        let matched = Dictionary(uniqueKeysWithValues: matches.all.map { ($0.component, $0.modelID) })
        #expect(matched["StatusEnum"] == nil)
        #expect(matched["Error"] == nil)
        func id(_ name: String) -> String? { docs.schema.models.first { $0.name == name }?.id }
        #expect(matched["ToolChoice"] != nil && matched["ToolChoice"] == id("ToolChoiceUnion"))
        #expect(matched["Pet"] != nil && matched["Pet"] == id("Pet"))
    }

    /// Go's docs name a union the document writes inline (`[]components.InputsUnion1` for an
    /// array of an inline `anyOf`): the comparison looks through the union doc no component describes.
    @Test func aUnionDocNoComponentDescribesIsComparedAsTheInlineUnionItNames() throws {
        let document = try document("""
            openapi: 3.1.0
            components:
              schemas:
                Inputs:
                  anyOf:
                    - {type: string}
                    - {type: array, items: {anyOf: [{$ref: '#/components/schemas/Message'}, {type: object, properties: {id: {type: string}}}]}}
                Message:
                  type: object
                  properties: {role: {type: string}}
            """)
        func union(_ name: String, _ members: [String]) -> String {
            "# \(name)\n\n## Supported Types\n\n" + members.map { "### `\($0)`\n\n```typescript\nconst value: \($0) = x;\n```\n\n" }.joined()
        }
        let table = "## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n"
        let read = SpecReader(dialect: .typeScript).read([
            SourceFile(relativePath: "models/components/inputsunion.md", text: union("InputsUnion", ["string", "models.InputsUnion1[]"])),
            SourceFile(relativePath: "models/components/inputsunion1.md", text: union("InputsUnion1", ["models.Message", "models.Other"])),
            SourceFile(relativePath: "models/components/message.md", text: "# Message\n\n" + table + "| `role` | *string* | :heavy_minus_sign: | N/A |\n"),
            SourceFile(relativePath: "models/components/other.md", text: "# Other\n\n" + table + "| `id` | *string* | :heavy_minus_sign: | N/A |\n"),
        ])
        #expect(!read.diagnostics.hasErrors)
        let conformance = Conformance(read.schema, document)
        #expect(conformance.matched == 2)
        #expect(conformance.disagreements.isEmpty, "\(conformance.disagreements.map(\.detail))")
    }

    /// Ruby's and Java's union docs print only a title: the docs say nothing a member could
    /// disagree with, so the union is silent, not a disagreement, until `--openapi` fills it.
    @Test func aUnionWhoseDocsListNoMembersIsSilentUntilTheDocumentFillsIt() throws {
        let document = try document("""
            openapi: 3.1.0
            components:
              schemas:
                Api:
                  oneOf: [{type: string}, {type: integer}]
            """)
        let read = SpecReader(dialect: .ruby).read([SourceFile(relativePath: "models/components/api.md", text: "# Api\n")])
        let docs = Conformance(read.schema, document)
        #expect(docs.matched == 1 && docs.silent == 1)
        #expect(docs.disagreements.isEmpty)
        var quiet = Diagnostics()
        let filled = Conformance(OpenAPIEvidence(document: document, dialect: read.dialect).apply(to: read.schema, diagnostics: &quiet).schema, document)
        #expect(filled.matched == 1 && filled.silent == 0)
        #expect(filled.disagreements.isEmpty && filled.agreement == 100)
    }

    @Test func theDocsAloneMissKeysAndPropertiesTheEvidenceFillsButNotWhereTheDocsWin() throws {
        let evidence = OpenAPIEvidenceTests()
        let document = try document(OpenAPIEvidenceTests.typeScriptDocument)
        let docsOnly = SpecReader(dialect: .typeScript).read([SourceFile(relativePath: "models/components/pet.md",
                                                                          text: OpenAPIEvidenceTests.typeScriptDocs.values.first!)])
        let before = Conformance(docsOnly.schema, document)
        #expect(before.matched == 1)
        #expect(before.disagreements.map(\.kind) == ["property-set"])
        #expect(before.disagreements.first?.detail == "OpenAPI only: [chip_code, pet_id]; IR only: [petId]")
        let after = Conformance(try evidence.read(OpenAPIEvidenceTests.typeScriptDocs, document: OpenAPIEvidenceTests.typeScriptDocument,
                                                  dialect: .typeScript).schema, document)
        #expect(after.disagreements.map(\.detail) == ["required only in OpenAPI: [owner]; only in the IR: none"])
        #expect(after.agreement == 0)
    }
}

/// `--openapi` for operations: the document's paths fill the HTTP facts the docs cannot say.
struct OperationEvidenceTests {
    static let fixture = TestPaths.packageRoot.appendingPathComponent("Tests/DocgenKitTests/EdgeCases/operation-http-facts-python")

    static let document = """
        openapi: 3.1.0
        paths:
          /products/{product_id}:
            patch:
              operationId: updateProduct
              parameters:
                - {name: product_id, in: path, required: true, schema: {type: string}}
                - {name: X-Tenant, in: header, style: simple, schema: {type: string}}
              requestBody:
                content:
                  application/merge-patch+json:
                    schema:
                      type: object
                      properties:
                        name: {type: string}
                        price: {type: number}
              responses:
                '204': {description: Updated}
                '400': {description: Bad request}
                '401': {description: Unauthorized}
                '409':
                  description: Taken
                  content:
                    application/json: {schema: {$ref: '#/components/schemas/Group'}}
                '4XX': {description: Any other}
          /products/{product}/groups:
            post:
              operationId: listGroups
              parameters:
                - {name: product, in: path, required: true, schema: {type: string}}
                - {name: limit, in: query, style: form, explode: false, schema: {type: integer}}
              responses:
                '200':
                  description: The groups
                  content:
                    application/json: {schema: {type: array}}
        components:
          schemas:
            Group:
              type: object
              properties:
                id: {type: string}
        """

    /// The fixture, with update_product's UsageSnippet comment taken out (as Mintlify trees print none).
    func read() throws -> SpecReader.Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docgen-operation-evidence-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.fixture, to: folder)
        let readme = folder.appendingPathComponent("sdks/products/README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        try text.replacing("<!-- UsageSnippet language=\"python\" operationID=\"updateProduct\" method=\"patch\" path=\"/products/{product_id}\" -->\n", with: "")
            .write(to: readme, atomically: true, encoding: .utf8)
        let openAPI = folder.appendingPathComponent("openapi.yaml")
        try Self.document.write(to: openAPI, atomically: true, encoding: .utf8)
        return SpecReader(dialect: .python, openAPI: openAPI).read(root: folder)
    }

    @Test func anEndpointTheDocsDoNotPrintComesFromTheDocumentAndTheRulesRunAgain() throws {
        let result = try read()
        let update = try #require(result.schema.operations.first { $0.method == "update_product" })
        #expect(update.endpoint?.method == "patch" && update.endpoint?.path == "/products/{product_id}")
        #expect(update.endpoint?.source == .openapi)
        let places = Dictionary(uniqueKeysWithValues: update.bindings.map { ($0.name, $0) })
        #expect(places["product_id"]?.place == .path)
        #expect(places["x_tenant"]?.place == .header && places["x_tenant"]?.wireName == "X-Tenant" && places["x_tenant"]?.style == "simple")
        #expect(places["x_tenant"]?.source == .openapi)
        #expect(places["name"]?.place == .body && places["name"]?.source == .openapi)
        #expect(update.body?.contentType == "application/merge-patch+json" && update.body?.source == .openapi)
        #expect(update.responses.first?.status == "204")
    }

    @Test func errorStatusesTheTableLeavesOutComeFromTheDocumentWithTheirModel() throws {
        let result = try read()
        let update = try #require(result.schema.operations.first { $0.method == "update_product" })
        // The table's 400, 404, 4XX and 5XX stay the docs'; 401 and 409 are the document's.
        #expect(update.errorResponses.map { "\($0.status ?? "-") \($0.source.rawValue)" } == ["400 docs", "404 docs", "4XX docs", "5XX docs", "401 openapi", "409 openapi"])
        let taken = try #require(update.errorResponses.last)
        let group = try #require(result.schema.models.first { $0.name == "Group" })
        #expect(taken.type == .ref(group.id) && taken.contentType == "application/json")
        #expect(update.errorResponses[4].type == nil && update.errorResponses[4].location?.file.hasSuffix("openapi.yaml") == true)
    }

    @Test func aDocsEndpointTheDocumentContradictsIsAConflictTheDocsWin() throws {
        let result = try read()
        let list = try #require(result.schema.operations.first { $0.method == "list_groups" })
        #expect(list.endpoint?.method == "get" && list.endpoint?.source == .docs)
        let conflict = try #require(result.diagnostics.all.first { $0.id == DiagnosticID.openapiConflict.rawValue && $0.message.hasPrefix("operation ") })
        #expect(list.endpoint?.disputed?.says == "POST /products/{product}/groups")
        #expect(conflict.message == "operation 'listGroups': the docs say GET /products/{product}/groups; the OpenAPI document says POST /products/{product}/groups; the docs win")
        #expect(conflict.location?.line == 51) // the snippet comment, one line up once update_product lost its own
        #expect(conflict.notes.first?.location?.file.hasSuffix("openapi.yaml") == true)
        let limit = try #require(list.bindings.first { $0.name == "limit" })
        #expect(limit.style == "form" && limit.explode == false && limit.source == .openapi)
        #expect(list.responses.first?.status == "200" && list.responses.first?.contentType == "application/json")
    }
}

/// Request and response bodies that are no component take their facts from the operation's
/// inline schema, but only the model that is the body: not an SDK's response wrapper, not a
/// wrapper of the parameters that shares only the body's name.
struct BodyMatchTests {
    static let operations = """
        # Pets

        ## get_pet

        ### Example Usage

        <!-- UsageSnippet language="python" operationID="getPet" method="get" path="/pets" -->
        ```python
        from petstore import Petstore

        with Petstore() as petstore:
            res = petstore.pets.get_pet()
        ```

        ### Response

        **[models.GetPetResponse](../../models/getpetresponse.md)**

        """

    static let table = "## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n"

    static let document = """
        openapi: 3.1.0
        paths:
          /pets:
            get:
              operationId: getPet
              responses:
                "200":
                  description: OK
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          name: {type: string}
                          chip_code: {type: string}
        """

    /// meitner's Python: `GetPetResponse` is the SDK's (`headers` beside `result`), `Pet` the body.
    @Test func aResponseWrappersBodyFieldTakesTheInlineSchemaNotTheWrapper() throws {
        let result = try OpenAPIEvidenceTests().read([
            "sdks/pets/README.md": Self.operations,
            "models/getpetresponse.md": "# GetPetResponse\n\n" + Self.table
                + "| `headers` | Dict[str, List[*str*]] | :heavy_check_mark: | N/A |\n| `result` | [models.Pet](../models/pet.md) | :heavy_check_mark: | N/A |\n",
            "models/pet.md": "# Pet\n\n" + Self.table + "| `name` | *str* | :heavy_check_mark: | N/A |\n",
        ], document: Self.document, dialect: .python)
        let wrapper = try #require(result.schema.models.first { $0.name == "GetPetResponse" })
        #expect(wrapper.isSDKResponseWrapper)
        #expect(wrapper.sdkResponseBody?.name == "result")
        #expect(try OpenAPIEvidenceTests().fields(result, "GetPetResponse").keys.sorted() == ["headers", "result"])
        #expect(try OpenAPIEvidenceTests().fields(result, "Pet").keys.sorted() == ["chip_code", "name"])
    }

    /// OpenRouter's TypeScript `operations.CreateGuardrailRequest` holds the headers and the body
    /// (`createGuardrailRequest`); the body's schema has none of its names, so it gains none of its properties.
    @Test func aWrapperSharingOnlyTheBodysNameGainsNoneOfItsProperties() throws {
        let operations = """
            # Guardrails

            ## create

            ### Example Usage

            <!-- UsageSnippet language="typescript" operationID="createGuardrail" method="post" path="/guardrails" -->
            ```typescript
            import { OpenRouter } from "@openrouter/sdk";

            const openRouter = new OpenRouter();

            async function run() {
              const result = await openRouter.guardrails.create({ createGuardrailRequest: { name: "x" } });
            }
            ```

            ### Parameters

            | Parameter | Type | Required | Description |
            | --- | --- | --- | --- |
            | `request` | [operations.CreateGuardrailRequest](../../models/operations/createguardrailrequest.md) | :heavy_check_mark: | The request object to use for the request. |

            """
        let document = """
            openapi: 3.1.0
            paths:
              /guardrails:
                post:
                  operationId: createGuardrail
                  requestBody:
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/CreateGuardrailRequest'}
                  responses:
                    "201": {description: Created}
            components:
              schemas:
                CreateGuardrailRequest:
                  type: object
                  properties:
                    name: {type: string}
                    limit_usd: {type: number}
            """
        let result = try OpenAPIEvidenceTests().read([
            "sdks/guardrails/README.md": operations,
            "models/operations/createguardrailrequest.md": "# CreateGuardrailRequest\n\n" + Self.table
                + "| `appTitle` | *string* | :heavy_minus_sign: | N/A |\n"
                + "| `createGuardrailRequest` | [models.CreateGuardrailRequest](../../models/createguardrailrequest.md) | :heavy_check_mark: | N/A |\n",
        ], document: document, dialect: .typeScript)
        #expect(try OpenAPIEvidenceTests().fields(result, "CreateGuardrailRequest").keys.sorted() == ["appTitle", "createGuardrailRequest"])
    }
}
