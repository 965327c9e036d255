import DocgenRuntime
import Foundation
import Testing

struct ValueTypesTests {
    struct Holder: Codable, Equatable {
        var value: Nullable<Int>?

        enum CodingKeys: String, CodingKey { case value }

        init(value: Nullable<Int>?) { self.value = value }

        init(from decoder: any Decoder) throws {
            value = try decoder.container(keyedBy: CodingKeys.self).decodeNullableIfPresent(Int.self, forKey: .value)
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(value, forKey: .value)
        }
    }

    func roundTrip<T: Codable>(_ json: String, as type: T.Type) throws -> (T, String) {
        let value = try JSONDecoder().decode(T.self, from: Data(json.utf8))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (value, String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    @Test func nullableKeepsThreeStates() throws {
        #expect(try roundTrip(#"{}"#, as: Holder.self) == (Holder(value: nil), #"{}"#))
        #expect(try roundTrip(#"{"value":null}"#, as: Holder.self) == (Holder(value: .null), #"{"value":null}"#))
        #expect(try roundTrip(#"{"value":3}"#, as: Holder.self) == (Holder(value: .value(3)), #"{"value":3}"#))
    }

    @Test func jsonValueKeepsIntegersExactAndEveryShape() throws {
        let json = #"{"a":9007199254740993,"b":1.5,"c":[true,null,"x"],"d":{"e":{}}}"#
        let (value, encoded) = try roundTrip(json, as: JSONValue.self)
        guard case .object(let members) = value else {
            Issue.record("expected an object")
            return
        }
        #expect(members["a"] == .integer(9_007_199_254_740_993))
        #expect(members["b"] == .double(1.5))
        #expect(members["c"] == [true, nil, "x"])
        #expect(encoded == json)
    }

    @Test func indirectEncodesAsItsValue() throws {
        let (value, encoded) = try roundTrip(#"[1]"#, as: [Indirect<Int>].self)
        #expect(value.map(\.value) == [1])
        #expect(encoded == "[1]")
    }

    @Test func jsonPointersEscapeSlashAndTilde() {
        #expect(JSONPointer().appending("a/b").appending("c~d").appending(0).description == "/a~1b/c~0d/0")
    }
}
