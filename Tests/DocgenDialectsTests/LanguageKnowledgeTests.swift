import DocgenDialects
import Foundation
import Testing
import TestSupport

/// Everything that differs between the SDK languages belongs to DocgenDialects. This looks for
/// each dialect's own spellings in the string literals and member references of every other
/// module that reads docs, compares or configures: a language's name (`"python"`, `.python`),
/// its file extensions (`".mdx"`), its type-cell signatures and generic wrappers
/// (`"Optional["`, `"T.nilable("`), its "any other value" markers (`"Unrecognized<"`), its
/// fence languages. (The Swift and docs writers are left out: `Nullable<` there is Swift.)
struct LanguageKnowledgeTests {
    static let modules = ["DocgenInput", "DocgenMarkdown", "DocgenSpec", "DocgenSchema", "DocgenKeys", "DocgenConfig", "DocgenDiff",
                          "DocgenKit", "DocgenOutput", "docgen"]

    /// Spellings only a dialect may hold, from the dialects themselves.
    static var spellings: Set<String> {
        var result: Set<String> = []
        for dialect in Dialect.all {
            result.insert("\"\(dialect.name)\"")
            for ext in dialect.extensions { result.insert(".\(ext)\"") }
            for signature in dialect.signatures where signature.count > 3 { result.insert(signature) }
            for marker in dialect.otherValueMarkers { result.insert(marker) }
            for language in dialect.fenceLanguages where language.count > 2 { result.insert("\"\(language)\"") }
            let types = dialect.types
            let names = types.wrappers.keys.map { $0 } + Array(types.lists) + Array(types.maps) + Array(types.unions) + Array(types.literals)
            for name in names where name.count > 1 && name.contains(where: \.isLetter) {
                result.insert(name + "[")
                if name.contains(".") || name.contains(":") { result.insert(name + "(") }
            }
        }
        return result
    }

    /// `.python`, `.typeScript`, …: a dialect chosen by name in code.
    static let memberReferences = ["python", "typeScript", "go", "java", "cSharp", "php", "ruby"].map { "." + $0 }

    /// The code of a Swift file without its comments.
    static func code(_ text: String) -> [(line: Int, text: String)] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            let code = line.range(of: "//").map { String(line[..<$0.lowerBound]) } ?? String(line)
            return code.trimmingCharacters(in: .whitespaces).isEmpty ? nil : (index + 1, code)
        }
    }

    @Test func noModuleOutsideDocgenDialectsSpellsALanguage() throws {
        let spellings = Self.spellings
        #expect(spellings.count > 40, "the dialects' spellings: \(spellings.sorted())")
        var found: [String] = []
        var scanned = 0
        for module in Self.modules {
            let folder = TestPaths.packageRoot.appendingPathComponent("Sources/\(module)")
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }.sorted()
            for file in files {
                scanned += 1
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for (line, code) in Self.code(text) {
                    for spelling in spellings where code.contains(spelling) { found.append("Sources/\(module)/\(file):\(line): \(spelling)") }
                    for reference in Self.memberReferences {
                        if let range = code.range(of: reference), code[range.upperBound...].first.map({ !$0.isLetter && !$0.isNumber }) ?? true {
                            found.append("Sources/\(module)/\(file):\(line): \(reference)")
                        }
                    }
                }
            }
        }
        #expect(scanned > 40)
        #expect(found.isEmpty, "language knowledge outside DocgenDialects:\n\(found.joined(separator: "\n"))")
    }
}
