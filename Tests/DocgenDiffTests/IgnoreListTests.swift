import DocgenDiff
import Foundation
import Testing

/// `--ignore FILE` as the library reads it: fingerprints and `kind Model.member` lines,
/// comments and blanks passed over, a bad line named by file and line.
struct IgnoreListTests {
    func file(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("docgen-ignore-\(UUID().uuidString).txt")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func readsFingerprintsAndKindLinesAndKeepsTheirPlaces() throws {
        let path = try file("# accepted\n\n0123456789ABCDEF\nfield-removed  Pet.tag \r\n")
        let list = try IgnoreList.read(path)
        #expect(list.entries.map(\.place) == ["\(path):3", "\(path):4"])
        #expect(list.entries[0].fingerprint == "0123456789abcdef")
        #expect(list.entries[1].kind == .fieldRemoved && list.entries[1].subject == "Pet.tag")
    }

    @Test func aLineThatIsNeitherIsAnErrorAtItsLine() throws {
        let path = try file("model-added Fish\nnot a fingerprint\n")
        let failure = #expect(throws: IgnoreList.Failure.self) { try IgnoreList.read(path) }
        #expect(failure?.description == "\(path):2: expected a fingerprint or 'kind Model.member', got 'not a fingerprint'")
        #expect(throws: IgnoreList.Failure.self) { try IgnoreList.read("/no/such/ignore-file") }
    }
}
