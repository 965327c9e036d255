import DocgenRuntime
import Foundation
import KeywordZooModels
import Testing

/// Swift keywords and builtin names as model, field and enum names: the zoo compiles (it is
/// a target of this package) and keeps every JSON key and raw value.
struct KeywordZooModelTests {
    @Test func keywordNamedFieldsKeepTheirJSONKeys() throws {
        let json = #"{"class":"c","default":"d","self":"s","Type":"t","init":1,"in":"i","where":"w","123abc":"n","protocol":"none","type":"x","nil":"z","true":true,"größe":1.5}"#
        let value = try JSONDecoder().decode(KeywordZooModels.String.self, from: Foundation.Data(json.utf8))
        #expect(value.class == "c")
        #expect(value.default == "d")
        #expect(value.self_ == "s")
        #expect(value.type == "t")
        #expect(value.init_ == 1)
        #expect(value.in == "i")
        #expect(value._123abc == "n")
        #expect(value.protocol == Protocol_.none_)
        #expect(value.typeUnion == .string("x"))
        #expect(value.größe == 1.5)
        #expect(try Fixture.json(value) == Fixture.json(json))
    }

    @Test func reservedEnumValuesBecomeSafeCases() throws {
        let raw = #"["none","self","Type","init","rawValue","unknown","default","1password","not-supported","allCases","say \"hi\" | \\(x)"]"#
        let values = try JSONDecoder().decode([Protocol_].self, from: Foundation.Data(raw.utf8))
        #expect(values == [.none_, .self_, .type, .init_, .rawValue_, .unknown_, .default, .onePassword, .notSupported, .allCases_, .quote])
        #expect(!values.contains { if case .unknown = $0 { true } else { false } })
        #expect(Swift.String(decoding: try JSONEncoder().encode(values), as: UTF8.self).utf8.count == raw.utf8.count)
        let bullets = try JSONDecoder().decode([Bullets].self, from: Foundation.Data(#"["1password","not-supported","none","class","a b c"]"#.utf8))
        #expect(bullets == [._1password, .notSupported, .none_, .class, .aBC])
    }

    /// Past 256 values an open enum looks raw values up in a table instead of a switch (the
    /// switch type-checks slowly); it must decode and encode exactly as the small form does.
    @Test func largeOpenEnumsLookValuesUpAndKeepUnknownOnes() throws {
        let raw = #"["region-000","region-137","region-299","region-300"]"#
        let values = try JSONDecoder().decode([Region].self, from: Foundation.Data(raw.utf8))
        #expect(values == [.region000, .region137, .region299, .unknown("region-300")])
        #expect(Swift.String(decoding: try JSONEncoder().encode(values), as: UTF8.self) == raw)
        #expect(Region.allCases.count == 300)
        #expect(Region.allCases.allSatisfy { Region(rawValue: $0.rawValue) == $0 })
    }

    /// Past 64 properties the payload schema is appended one statement at a time (an 80-element
    /// literal type-checks slowly); it must describe the model exactly as the literal form does.
    @Test func wideModelsDecodeAndValidateLikeNarrowOnes() throws {
        var members: [Swift.String: JSONValue] = [:]
        for column in 0..<80 where column % 4 == 0 || column % 4 == 3 {
            members[Swift.String(format: "column_%02d", column)] = column % 4 == 0 ? .string("v\(column)") : .bool(true)
        }
        let row = try JSONDecoder().decode(WideRow.self, from: JSONEncoder().encode(JSONValue.object(members)))
        #expect(row.column00 == "v0" && row.column79 == true && row.column01 == nil)
        #expect(PayloadValidator.validate(.object(members), against: WideRow.payloadSchema).isEmpty)

        members["column_00"] = nil
        members["column_01"] = .string("not a number")
        let issues = PayloadValidator.validate(.object(members), against: WideRow.payloadSchema).map { "\($0.path) \($0.rule)" }
        #expect(issues == ["/column_00 required", "/column_01 type"])
    }

    @Test func closedEnumsRejectUnknownValues() throws {
        #expect(try JSONDecoder().decode([Level].self, from: Foundation.Data(#"["1","2"]"#.utf8)) == [.low, .high])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Level].self, from: Foundation.Data(#"["3"]"#.utf8)) }
    }

    @Test func modelsNamedLikeBuiltinsDoNotCaptureThem() throws {
        let data = try JSONDecoder().decode(KeywordZooModels.Data.self, from: Foundation.Data(#"{"date":"2024-01-01T00:00:00Z","error":{"localized_description":"x","sendable":{"k":1}}}"#.utf8))
        #expect(data.error?.localizedDescription == "x")
        #expect(data.error?.sendable?.additionalProperties == ["k": 1])
    }

    @Test func selfReferencingModelIsBoxed() throws {
        let value = try JSONDecoder().decode(Class.self, from: Foundation.Data(#"{"self_":{"self_":{"status":"2"}}}"#.utf8))
        #expect(value.self_?.self_?.status == .high)
    }
}
