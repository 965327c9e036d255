import DocgenDialects
import DocgenSchema
import Testing

struct JSONKeyRuleTests {
    @Test(arguments: [("connection_id", "connection_id"), ("from_", "from"), ("format_", "format"), ("name_", "name_"),
                      ("tagId", "tagId"), ("__pydantic_extra__", "__pydantic_extra__")])
    func asWrittenDropsOnlyPythonsReservedWordUnderscore(_ field: String, _ key: String) {
        #expect(JSONKeyRule().resolved(for: .python).key(forFieldName: field) == key)
    }

    @Test func otherDialectsKeepATrailingUnderscore() {
        #expect(JSONKeyRule().resolved(for: .typeScript).key(forFieldName: "from_") == "from_")
    }

    @Test(arguments: [("connectionId", "connection_id"), ("ConnectionID", "connection_id"), ("HTTPServer", "http_server"),
                      ("input_audio", "input_audio"), ("InputAudio", "input_audio"), ("id", "id"), ("ID", "id"),
                      ("Value2", "value2"), ("__templateToken", "__template_token")])
    func snakeCaseKeepsAcronymsWhole(_ field: String, _ key: String) {
        #expect(JSONKeyRule(style: .snakeCase).key(forFieldName: field) == key)
    }

    @Test func eachDialectHasItsDefaultStyle() {
        #expect(JSONKeyRule().resolved(for: .python).style == .asWritten)
        #expect(JSONKeyRule().resolved(for: .typeScript).style == .asWritten)
        #expect(JSONKeyRule().resolved(for: .go).style == .snakeCase)
        #expect(JSONKeyRule(style: .lowerCamel).resolved(for: .go).style == .lowerCamel)
    }

    @Test(arguments: [("connection_id", "connectionId"), ("resource_id", "resourceId"), ("idle_session_ttl", "idleSessionTtl"),
                      ("from_", "from"), ("id", "id"), ("already_camelCase", "alreadyCamelCase"), ("__template_token", "__templateToken")])
    func lowerCamelWithoutAcronyms(_ field: String, _ key: String) {
        #expect(JSONKeyRule(style: .lowerCamel).resolved(for: .python).key(forFieldName: field) == key)
    }

    @Test func acronymsAreWrittenInCapitalsExceptAsTheFirstWord() {
        let rule = JSONKeyRule(style: .lowerCamel, acronyms: ["ID", "ttl", "URL"])
        #expect(rule.key(forFieldName: "resource_id") == "resourceID")
        #expect(rule.key(forFieldName: "idle_session_ttl") == "idleSessionTTL")
        #expect(rule.key(forFieldName: "id_token") == "idToken")
        #expect(rule.key(forFieldName: "api_url") == "apiURL")
        #expect(rule.key(forFieldName: "identity") == "identity")
    }

    @Test func overridesWinOverTheRule() {
        let rule = JSONKeyRule(style: .lowerCamel, overrides: ["Widget.state": .init(key: "STATE")])
        #expect(rule.key(model: "Widget", field: "state") == "STATE")
        #expect(rule.key(model: "Other", field: "state") == "state")
    }

    @Test func normalisedKeysCompareLettersAndDigitsOnly() {
        #expect(JSONKeyRule.normalised("resource_id") == JSONKeyRule.normalised("resourceID"))
        #expect(JSONKeyRule.normalised("__template_tokenUrl") == "templatetokenurl")
        #expect(JSONKeyRule.normalised("Job Level") == "joblevel")
    }

    /// ASCII is normalised by its bytes; every ASCII character reads as the scalar filter reads it.
    @Test func asciiBytesNormaliseAsTheirScalars() {
        func byScalars(_ key: String) -> String {
            String(key.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
                .map(Character.init))
        }
        let ascii = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self)
        #expect(JSONKeyRule.normalised(ascii) == byScalars(ascii))
        for key in ["", "A", "\r\n", "Components/ATSLocation.md", "public-api.v1.clients.list", "x_Account-ID9"] {
            #expect(JSONKeyRule.normalised(key) == byScalars(key))
        }
        #expect(JSONKeyRule.normalised("Ünïcode_ﬁeld") == byScalars("Ünïcode_ﬁeld"))
    }
}
