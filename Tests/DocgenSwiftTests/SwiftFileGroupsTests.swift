import DocgenSwift
import Testing

struct SwiftFileGroupsTests {
    @Test func fewTypesGoByTheirFirstLetter() {
        let files = SwiftFileGroups.files(for: ["Webhook", "WebhookType", "Event", "ObjectType"])
        #expect(files == ["Webhook": "Models+W.swift", "WebhookType": "Models+W.swift",
                          "Event": "Models+E.swift", "ObjectType": "Models+O.swift"])
    }

    @Test func aCrowdedLetterSplitsByTheNextOnesAndNoTwoFilesDifferOnlyInCase() {
        let names = (0..<5).map { "Hris\($0)" } + (0..<3).map { "HRIS\($0)x" } + ["Ha", "Hb", "Audit"]
        let files = SwiftFileGroups.files(for: names, limit: 4)
        #expect(files["Audit"] == "Models+A.swift")
        #expect(files["Ha"] == "Models+Ha.swift")
        #expect(files["Hris0"] == "Models+Hris0.swift")
        #expect(files["HRIS0x"] == files["Hris0"], "case folded: one file, whatever the case")
        let distinct = Set(files.values)
        #expect(Set(distinct.map { $0.lowercased() }).count == distinct.count)
    }

    @Test func addingATypeUnderAnotherLetterMovesNoOtherType() {
        let before = SwiftFileGroups.files(for: ["Alpha", "Beta", "Gamma"])
        let after = SwiftFileGroups.files(for: ["Alpha", "Beta", "Gamma", "Delta"])
        #expect(before.allSatisfy { after[$0.key] == $0.value })
    }
}
