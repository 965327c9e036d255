import DocgenSchema
import Testing

struct JSONKeyRuleTests {
    @Test(arguments: [("connection_id", "connection_id"), ("from_", "from"), ("format_", "format"), ("name_", "name_"),
                      ("tagId", "tagId"), ("__pydantic_extra__", "__pydantic_extra__")])
    func asWrittenDropsOnlyPythonsReservedWordUnderscore(_ field: String, _ key: String) {
        #expect(JSONKeyRule().key(forFieldName: field) == key)
    }

    @Test(arguments: [("connection_id", "connectionId"), ("resource_id", "resourceId"), ("idle_session_ttl", "idleSessionTtl"),
                      ("from_", "from"), ("id", "id"), ("already_camelCase", "alreadyCamelCase"), ("__template_token", "__templateToken")])
    func lowerCamelWithoutAcronyms(_ field: String, _ key: String) {
        #expect(JSONKeyRule(style: .lowerCamel).key(forFieldName: field) == key)
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
}
