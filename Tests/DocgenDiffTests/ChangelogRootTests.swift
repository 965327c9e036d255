@testable import DocgenDiff
import Testing

/// The SDK's name at the start of each changelog method, per language.
struct ChangelogRootTests {
    /// C#: the imported package, its first name PascalCase with acronyms as words, the rest
    /// camelCase, as StackOne's changelogs write it (`StackOneHq.client.Hris.Employees.Get()`).
    @Test func aCSharpPackageIsSpelledAsSpeakeasysChangelogSpellsIt() {
        #expect(SpeakeasyChangelog.packageRoot("StackOneHQ.Client") == "StackOneHq.client")
        #expect(SpeakeasyChangelog.packageRoot("Unkey") == "Unkey")
    }

    /// C#'s paths: a method's arguments camelCase (`request.hrisCreateEmployeeRequestDto`), a
    /// lone request wrapper's properties as written (`request.Filter`).
    @Test func cSharpCamelCasesArgumentsButNotAWrappersProperties() {
        typealias Delta = SpeakeasyChangelog.Delta
        let flattened = Delta.changed(breaking: false, children: [("HrisCreateEmployeeRequestDto", .added(breaking: false))])
        #expect(flattened.atomsAreArguments(of: flattened))
        guard case .changed(_, let children) = flattened.camelCasedAtoms else { Issue.record("not changed"); return }
        #expect(children.map(\.atom) == ["hrisCreateEmployeeRequestDto"])
        let wrapper = Delta.changed(breaking: false, children: [("Filter", .added(breaking: false))])
        let request = Delta.changed(breaking: false, children: [("request", wrapper)])
        #expect(!wrapper.atomsAreArguments(of: request))
    }
}
