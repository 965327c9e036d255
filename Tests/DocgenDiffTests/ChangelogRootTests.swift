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
}
