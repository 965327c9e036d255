import DocgenKit
import DocgenSchema
import Testing
import TestSupport

/// The founding example, field by field: what the seed's Webhook must mean.
struct WebhookIRTests {
    let webhook: ObjectModel
    let model: Model

    init() throws {
        let result = SpecReader().read(root: TestPaths.packageRoot.appendingPathComponent("Specs"))
        model = try #require(result.schema.model(id: "models/shared/webhook.md"))
        guard case .object(let object) = model.kind else { throw Unexpected.kind }
        webhook = object
    }

    enum Unexpected: Error { case kind }

    func field(_ name: String) throws -> Field {
        try #require(webhook.fields.first { $0.name == name })
    }

    @Test func hasNineteenFieldsInDocumentOrder() {
        #expect(model.name == "Webhook")
        #expect(model.description == "A webhook is used to POST new/updated information to your server.")
        #expect(webhook.fields.map(\.name) == [
            "connection_id", "event", "hook_url", "object_type", "checked_at", "created_at", "environment", "fields",
            "filters", "id", "integration_type", "interval", "is_healthy", "meta", "page_max_limit", "runs",
            "updated_at", "webhook_type", "workspace_id",
        ])
    }

    @Test func exactlyFourFieldsAreRequired() {
        #expect(webhook.fields.filter(\.required).map(\.name) == ["connection_id", "event", "hook_url", "object_type"])
        #expect(webhook.fields.allSatisfy { !$0.nullable && $0.deprecation == nil && !$0.cyclic })
        #expect(webhook.fields.allSatisfy { $0.jsonKey == $0.name })
    }

    @Test func typesAreRight() throws {
        #expect(try field("connection_id").type == .string)
        #expect(try field("event").type == .ref("models/shared/event.md"))
        #expect(try field("object_type").type == .ref("models/shared/objecttype.md"))
        #expect(try field("webhook_type").type == .ref("models/shared/webhooktype.md"))
        for date in ["checked_at", "created_at", "updated_at"] {
            #expect(try field(date).type == .dateTime, "\(date) is an RFC 3339 date-time")
        }
        #expect(try field("filters").type == .map(.string))
        #expect(try field("meta").type == .map(.any))
        #expect(try field("runs").type == .list(.string))
        #expect(try field("interval").type == .number)
        #expect(try field("is_healthy").type == .boolean)
        #expect(try field("runs").description == "An array of the most revent virtual webhook runs")
        #expect(try field("id").description == "")
    }

    @Test func fieldsKnowWhereTheyWereWritten() throws {
        let location = try field("event").location
        #expect(location.file == "models/shared/webhook.md")
        #expect(location.line == 11)
        #expect(location.column == 3)
    }
}
