import DocgenRuntime
import Foundation
import Testing

/// `decodeField` / `encodeField` and their `IfPresent` forms do what the standard `decode` /
/// `encode` calls do, for the primitives they route to the containers' own overloads and for
/// everything else.
struct FieldsTests {
    struct Record: Codable, Equatable {
        var text: String
        var number: Double?
        var flag: Bool?
        var count: Int?
        var tags: [String]?
        var extra: JSONValue?

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyCodingKey.self)
            text = try container.decodeField(String.self, forKey: "text")
            number = try container.decodeFieldIfPresent(Double.self, forKey: "number")
            flag = try container.decodeFieldIfPresent(Bool.self, forKey: "flag")
            count = try container.decodeFieldIfPresent(Int.self, forKey: "count")
            tags = try container.decodeFieldIfPresent([String].self, forKey: "tags")
            extra = try container.decodeFieldIfPresent(JSONValue.self, forKey: "extra")
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: AnyCodingKey.self)
            try container.encodeField(text, forKey: "text")
            try container.encodeFieldIfPresent(number, forKey: "number")
            try container.encodeFieldIfPresent(flag, forKey: "flag")
            try container.encodeFieldIfPresent(count, forKey: "count")
            try container.encodeFieldIfPresent(tags, forKey: "tags")
            try container.encodeFieldIfPresent(extra, forKey: "extra")
        }
    }

    func reencoded(_ json: String) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(JSONDecoder().decode(Record.self, from: Data(json.utf8))), as: UTF8.self)
    }

    @Test func everyKindOfFieldRoundTrips() throws {
        let json = #"{"count":3,"extra":{"a":[1,null]},"flag":true,"number":1.5,"tags":["x"],"text":"hi"}"#
        #expect(try reencoded(json) == json)
    }

    @Test func absentAndNullOptionalsDecodeAsNilAndAreNotWritten() throws {
        #expect(try reencoded(#"{"text":"hi","number":null}"#) == #"{"text":"hi"}"#)
    }

    @Test func aWrongTypeFailsAsTheStandardCallFails() throws {
        let error = try #require(throws: DecodingError.self) {
            try JSONDecoder().decode(Record.self, from: Data(#"{"text":"hi","count":"3"}"#.utf8))
        }
        guard case .typeMismatch(let type, let context) = error else {
            Issue.record("expected a type mismatch, got \(error)")
            return
        }
        #expect(ObjectIdentifier(type) == ObjectIdentifier(Int.self))
        #expect(context.codingPath.map(\.stringValue) == ["count"])
    }

    @Test func aMissingRequiredKeyFailsAsTheStandardCallFails() throws {
        let error = try #require(throws: DecodingError.self) {
            try JSONDecoder().decode(Record.self, from: Data(#"{"count":3}"#.utf8))
        }
        guard case .keyNotFound(let key, _) = error else {
            Issue.record("expected a missing key, got \(error)")
            return
        }
        #expect(key.stringValue == "text")
    }
}
