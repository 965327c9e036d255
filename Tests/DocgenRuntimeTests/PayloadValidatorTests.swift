import DocgenRuntime
import Foundation
import Testing

struct PayloadValidatorTests {
    static let color = PayloadSchema.enumeration(name: "Color", values: ["red", "green"], open: false)
    static let thing: PayloadSchema = .object(name: "Thing", properties: [
        PayloadProperty("id", .string, required: true),
        PayloadProperty("when", .dateTime, required: false),
        PayloadProperty("on", .date, required: false),
        PayloadProperty("color", color, required: false),
        PayloadProperty("kind", .constant("thing"), required: true),
        PayloadProperty("note", .string, required: true, nullable: true),
        PayloadProperty("tags", .list(.string), required: false),
        PayloadProperty("child", .reference { PayloadValidatorTests.thing }, required: false),
    ], additionalProperties: nil)

    func issues(_ json: String) -> [String] {
        PayloadValidator.validate(try! JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)), against: Self.thing)
            .map { "\($0.path) \($0.rule)" }
    }

    @Test func aValidPayloadHasNoIssues() {
        #expect(issues(#"{"id":"1","kind":"thing","note":null,"when":"2024-01-01T00:00:00Z","tags":["a"],"color":"red","extra":1}"#) == [])
    }

    @Test func optionalFieldsAcceptNullAsAbsent() {
        #expect(issues(#"{"id":"1","kind":"thing","note":"n","when":null,"color":null}"#) == [])
    }

    @Test func reportsEveryViolationWithPointers() {
        let found = issues(#"{"when":"yesterday","on":"2024-02-30","color":"blue","kind":"other","note":"n","tags":["a",2],"child":{"id":null,"kind":"thing","note":"x"}}"#)
        #expect(found == [
            "/id required",
            "/when format.date-time",
            "/on format.date",
            "/color enum",
            "/kind const",
            "/tags/1 type",
            "/child/id null",
        ])
    }

    @Test func notJSONIsOneIssue() {
        struct T: PayloadDescribed { static var payloadSchema: PayloadSchema { .string } }
        #expect(PayloadValidator.validate(Data("{".utf8), as: T.self).map(\.rule) == ["json"])
    }
}
