import DocgenRuntime
import Foundation
import Testing
import WebhookModels

/// The checked-in Webhook models (generated from Specs/, compiled with MainActor as the
/// default isolation) against real-looking payloads, with a plain JSONDecoder.
struct WebhookModelTests {
    @Test func decodesEveryFieldAndEncodesTheSameJSON() throws {
        let webhook = try Fixture.decode(Webhook.self, "webhook-full.json")
        #expect(webhook.connectionId == "conn_123")
        #expect(webhook.event == .updated)
        #expect(webhook.objectType == .crmContact)
        #expect(webhook.webhookType == .virtual)
        #expect(webhook.checkedAt == DateTime(rfc3339: "2024-04-26T08:00:00Z"))
        #expect(webhook.filters == ["owner": "me", "status": "active"])
        #expect(webhook.interval == 15.5)
        #expect(webhook.isHealthy == true)
        #expect(webhook.pageMaxLimit == 100)
        #expect(webhook.runs == ["run_1", "run_2"])
        #expect(try Fixture.json(webhook) == Fixture.fileJSON("webhook-full.json"))
    }

    @Test func nestedMetaKeepsIntegersNullsAndArrays() throws {
        let meta = try #require(try Fixture.decode(Webhook.self, "webhook-full.json").meta)
        #expect(meta["retries"] == .integer(3))
        #expect(meta["big"] == .integer(9_007_199_254_740_993))
        #expect(meta["nested"] == ["list": [1, "two", nil, false]])
        #expect(meta["nothing"] == .null)
    }

    @Test func minimalPayloadLeavesOptionalsNil() throws {
        let webhook = try Fixture.decode(Webhook.self, "webhook-minimal.json")
        #expect(webhook.event == .created)
        #expect(webhook.checkedAt == nil && webhook.meta == nil && webhook.runs == nil && webhook.webhookType == nil)
        #expect(try Fixture.json(webhook) == Fixture.json(#"{"connection_id":"c","event":"created","hook_url":"https://example.com","object_type":"hris_employee"}"#))
    }

    @Test func unknownEnumValuesAreKeptAndWrittenBack() throws {
        let webhook = try Fixture.decode(Webhook.self, "webhook-unknown-enum.json")
        #expect(webhook.event == .unknown("archived"))
        #expect(webhook.objectType == .unknown("crm_spaceship"))
        #expect(!Event.allCases.contains(webhook.event))
        let json = try Fixture.json(webhook)
        #expect(try json == Fixture.fileJSON("webhook-unknown-enum.json"))
        #expect(webhook.validate().map(\.description) == [
            "/event: archived is not a documented Event value [enum.unknown-value]",
            "/object_type: crm_spaceship is not a documented ObjectType value [enum.unknown-value]",
        ])
    }

    @Test func datesAcceptFractionsAndOffsetsAndEncodeCanonically() throws {
        let webhook = try Fixture.decode(Webhook.self, "webhook-dates.json")
        #expect(webhook.checkedAt?.rfc3339String == "2024-04-26T08:00:00.5Z")
        #expect(webhook.createdAt?.rfc3339String == "2024-04-26T08:00:00Z")
        #expect(webhook.updatedAt?.rfc3339String == "2024-04-26T08:00:00.123456789Z")
        guard case .object(let members) = try Fixture.json(webhook) else {
            Issue.record("expected an object")
            return
        }
        #expect(members["checked_at"] == "2024-04-26T08:00:00.5Z")
    }

    @Test func explicitNullsOnOptionalFieldsReadAsAbsent() throws {
        let webhook = try Fixture.decode(Webhook.self, "webhook-nulls.json")
        #expect(webhook.environment == nil && webhook.filters == nil && webhook.interval == nil && webhook.webhookType == nil)
        #expect(PayloadValidator.validate(try Fixture.data("webhook-nulls.json"), as: Webhook.self).isEmpty)
    }

    @Test func missingRequiredKeyIsAClearError() throws {
        do {
            _ = try Fixture.decode(Webhook.self, "webhook-missing-hook-url.json")
            Issue.record("decoding should fail")
        } catch DecodingError.keyNotFound(let key, _) {
            #expect(key.stringValue == "hook_url")
        }
        #expect(PayloadValidator.validate(try Fixture.data("webhook-missing-hook-url.json"), as: Webhook.self).map(\.description)
            == ["/hook_url: required key 'hook_url' is missing [required]"])
    }

    @Test func payloadValidatorReportsEveryViolationAtOnce() throws {
        let issues = PayloadValidator.validate(try Fixture.data("webhook-many-violations.json"), as: Webhook.self)
        #expect(issues.map { "\($0.path) \($0.rule)" } == [
            "/connection_id required",
            "/event type",
            "/hook_url null",
            "/checked_at format.date-time",
            "/filters/a type",
            "/interval type",
            "/runs/1 type",
        ])
    }

    @Test func buildsInCodeWithTheMemberwiseInit() throws {
        let webhook = Webhook(connectionId: "c", event: .deleted, hookUrl: "h", objectType: .unknown("new_thing"))
        #expect(try Fixture.json(webhook) == Fixture.json(#"{"connection_id":"c","event":"deleted","hook_url":"h","object_type":"new_thing"}"#))
        #expect(webhook.validate().map(\.rule) == ["enum.unknown-value"])
    }
}
