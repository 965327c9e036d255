import Foundation
import Testing
import TestSupport

/// How Speakeasy's changelog spells the atoms of a path in TypeScript (OpenRouter's history): a
/// field and an enum value by their words lower camel-cased (`enum(nexAgi)` for "Nex AGI",
/// `enum(digitalOcean)`, `enum(voyageAiByMongoDb)` for "Voyage AI by MongoDB"), and a union
/// member by its model (`union(ProviderName)`).
struct ChangelogAtomTests {
    static let operations = """
        # Endpoints

        ## list

        ### Example Usage

        <!-- UsageSnippet language="typescript" operationID="listEndpoints" method="get" path="/endpoints" -->
        ```typescript
        import { OpenRouter } from "@openrouter/sdk";

        const openRouter = new OpenRouter();

        async function run() {
          const result = await openRouter.endpoints.list();
        }
        ```

        ### Response

        **Promise\\<[models.Endpoint](../../models/endpoint.md)\\>**

        """

    static let endpoint = """
        # Endpoint

        ## Fields

        | Field | Type | Required | Description |
        | --- | --- | --- | --- |
        | `providerName` | [models.ProviderName](../models/providername.md) | :heavy_check_mark: | N/A |

        """

    static func providerName(_ values: [String]) -> String {
        "# ProviderName\n\n## Values\n\n```typescript\n" + values.map { "\"\($0)\"" }.joined(separator: " | ") + "\n```\n"
    }

    /// `Endpoint.provider` lists the provider to ignore and the ones to allow, each a union of
    /// the enum and a plain string (OpenRouter's `ProviderPreferences`).
    static let preferences = [
        "models/endpoint.md": "# Endpoint\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n"
            + "| `provider` | [models.Provider](../models/provider.md) | :heavy_check_mark: | N/A |\n",
        "models/provider.md": "# Provider\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n"
            + "| `ignore` | *models.Ignore*[] | :heavy_minus_sign: | N/A |\n| `only` | *models.Only*[] | :heavy_minus_sign: | N/A |\n",
        "models/ignore.md": "# Ignore\n\n## Supported Types\n\n### `models.ProviderName`\n\n```typescript\nconst value: models.ProviderName = \"OpenAI\";\n```\n\n### `string`\n\n```typescript\nconst value: string = \"<value>\";\n```\n",
        "models/only.md": "# Only\n\n## Supported Types\n\n### `models.ProviderName`\n\n```typescript\nconst value: models.ProviderName = \"OpenAI\";\n```\n\n### `string`\n\n```typescript\nconst value: string = \"<value>\";\n```\n",
    ]

    func changelog(old: [String], new: [String], docs: [String: String] = [:]) throws -> String {
        func tree(_ values: [String]) -> [String: String] {
            ["sdks/endpoints/README.md": Self.operations, "models/endpoint.md": Self.endpoint,
             "models/providername.md": Self.providerName(values)].merging(docs) { _, replacement in replacement }
        }
        return try speakeasyChangelog(old: tree(old), new: tree(new))
    }

    @Test func typeScriptSpellsAnAddedValueAsTheMembersCamelCasedName() throws {
        let output = try changelog(old: ["OpenAI", "Anthropic"], new: ["OpenAI", "Anthropic", "Nex AGI"])
        #expect(output.contains("* `openrouter.endpoints.list()`: `response.providerName.enum(nexAgi)` **Added** (Breaking ⚠️)\n"), "\(output)")
    }

    @Test func aRemovedValueIsSpelledAlike() throws {
        let output = try changelog(old: ["OpenAI", "DigitalOcean"], new: ["OpenAI"])
        #expect(output.contains("`response.providerName.enum(digitalOcean)` **Removed** (Breaking ⚠️)\n"), "\(output)")
        let acronyms = try changelog(old: ["OpenAI", "Voyage AI by MongoDB"], new: ["OpenAI"])
        #expect(acronyms.contains("`response.providerName.enum(voyageAiByMongoDb)` **Removed** (Breaking ⚠️)\n"), "\(acronyms)")
    }

    /// A union member is its own atom (`union(ProviderName)`), and a model that changed is
    /// reported once per method and side, at the first path that reaches it: not under `only` too.
    @Test func aChangeInsideAUnionMemberIsReportedOnceBelowTheMembersAtom() throws {
        let output = try changelog(old: ["OpenAI"], new: ["OpenAI", "Nex AGI"], docs: Self.preferences)
        #expect(output.contains("* `openrouter.endpoints.list()`: `response.provider.ignore[].union(ProviderName).enum(nexAgi)` **Added** (Breaking ⚠️)\n"),
                "\(output)")
        #expect(!output.contains("only"), "\(output)")
    }

    /// A field's name is camel-cased alike, an acronym as a word (OpenRouter's
    /// `request.createByokKeyRequest.provider` for the SDK's `createBYOKKeyRequest`).
    @Test func aFieldsAcronymIsWrittenAsAWord() throws {
        let endpoint = "# Endpoint\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n"
            + "| `defaultBYOKProvider` | [models.ProviderName](../models/providername.md) | :heavy_check_mark: | N/A |\n"
        let output = try changelog(old: ["OpenAI"], new: ["OpenAI", "Nex AGI"], docs: ["models/endpoint.md": endpoint])
        #expect(output.contains("`response.defaultByokProvider.enum(nexAgi)` **Added**"), "\(output)")
    }
}

/// A method whose parameters are `request` and its own `security` reports at `request`, as a
/// lone `request` does (OpenRouter's 8ee7e29: `credits.createCoinbaseCharge()` `request` **Changed**).
struct ChangelogLoneRequestTests {
    static func operations(requestModel: String) -> String {
        """
        # Credits

        ## createCoinbaseCharge

        ### Example Usage

        <!-- UsageSnippet language="typescript" operationID="createCoinbaseCharge" method="post" path="/credits/coinbase" -->
        ```typescript
        import { OpenRouter } from "@openrouter/sdk";

        const openRouter = new OpenRouter();

        async function run() {
          const result = await openRouter.credits.createCoinbaseCharge({ amount: 1 }, { bearer: "x" });
        }
        ```

        ### Parameters

        | Parameter | Type | Required | Description |
        | --- | --- | --- | --- |
        | `request` | [models.\(requestModel)](../../models/\(requestModel.lowercased()).md) | :heavy_check_mark: | The request object to use for the request. |
        | `security` | [operations.CreateCoinbaseChargeSecurity](../../models/operations/createcoinbasechargesecurity.md) | :heavy_check_mark: | The security requirements to use for the request. |

        """
    }

    @Test func theMethodsSecurityParameterIsNoPartOfTheRequest() throws {
        let table = "## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n"
        func tree(_ fields: String) -> [String: String] {
            ["sdks/credits/README.md": Self.operations(requestModel: "CreateChargeRequest"),
             "models/createchargerequest.md": "# CreateChargeRequest\n\n" + table + fields,
             "models/operations/createcoinbasechargesecurity.md": "# CreateCoinbaseChargeSecurity\n\n" + table + "| `bearer` | *string* | :heavy_check_mark: | N/A |\n"]
        }
        let amount = "| `amount` | *number* | :heavy_check_mark: | N/A |\n"
        let output = try speakeasyChangelog(old: tree(amount), new: tree(amount + "| `sender` | *string* | :heavy_check_mark: | N/A |\n"))
        #expect(output.contains("* `openrouter.credits.createCoinbaseCharge()`: `request.sender` **Added** (Breaking ⚠️)\n"), "\(output)")
    }
}
