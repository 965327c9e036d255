import Foundation
import Testing
import TestSupport

/// `docgen diff` as a user runs it: exit statuses, bad input, `--ignore`, `--fail-on`,
/// `--print-schema` and git revisions.
struct DiffCommandTests {
    static let fixtures = TestPaths.packageRoot.appendingPathComponent("Tests/DocgenDiffTests/Fixtures")

    func pair(_ kind: String) -> (old: String, new: String) {
        let folder = Self.fixtures.appendingPathComponent(kind)
        return (folder.appendingPathComponent("old").path, folder.appendingPathComponent("new").path)
    }

    func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docgen-diff-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func identicalTreesReportNoChanges() throws {
        let (old, _) = pair("field-added-required")
        let run = try TestPaths.runDocgen(["diff", old, old, "--fail-on", "warning"])
        #expect(run.status == 0)
        #expect(run.output == "no changes\n")
    }

    @Test func findingsAtOrAboveFailOnExitOne() throws {
        let (old, new) = pair("enum-value-wire-changed") // a warning under --policy swift
        #expect(try TestPaths.runDocgen(["diff", old, new]).status == 0)
        #expect(try TestPaths.runDocgen(["diff", old, new, "--fail-on", "error"]).status == 0)
        #expect(try TestPaths.runDocgen(["diff", old, new, "--fail-on", "warning"]).status == 1)
        #expect(try TestPaths.runDocgen(["diff", old, new, "--fail-on", "error", "--policy", "wire"]).status == 1)
    }

    /// The new tree of `model-added` with an error in `pet.md`.
    func newTreeWithABrokenPet() throws -> URL {
        let folder = try scratch()
        try FileManager.default.copyItem(at: URL(fileURLWithPath: pair("model-added").new), to: folder.appendingPathComponent("new"))
        let pet = folder.appendingPathComponent("new/models/pet.md")
        try "# Pet\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n| `id` | *Strng* | :heavy_check_mark: | N/A |\n"
            .write(to: pet, atomically: true, encoding: .utf8)
        return folder.appendingPathComponent("new")
    }

    /// A user comparing two releases never gets nothing: the docs with errors are left out on
    /// both sides and named, their errors printed as warnings, and the rest is compared.
    @Test func aTreeWithErrorsIsComparedButTheDocsThatHaveThem() throws {
        let new = try newTreeWithABrokenPet()
        defer { try? FileManager.default.removeItem(at: new.deletingLastPathComponent()) }
        let run = try TestPaths.runDocgen(["diff", pair("model-added").old, new.path])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("/models/pet.md:7:10: warning: unknown type 'Strng'; did you mean 'str'? [type.unknown]"), "\(run.output)")
        #expect(run.output.contains("warning: 1 doc has errors and is left out of the comparison on both sides: models/pet.md [diff.docs-skipped]"))
        // What model-added reports, and nothing about Pet, whose doc could not be read.
        #expect(run.output.contains("Toy"), "\(run.output)")
        #expect(!run.output.contains("'Pet'") && !run.output.contains("Pet."), "\(run.output)")
    }

    @Test func withStrictATreeWithErrorsIsNotComparedAndExits65() throws {
        let new = try newTreeWithABrokenPet()
        defer { try? FileManager.default.removeItem(at: new.deletingLastPathComponent()) }
        let run = try TestPaths.runDocgen(["diff", pair("model-added").old, new.path, "--strict"])
        #expect(run.status == 65)
        #expect(run.output.contains("/models/pet.md:7:10: error: unknown type 'Strng'; did you mean 'str'? [type.unknown]"), "\(run.output)")
        #expect(run.output.contains("cannot compare"))
    }

    @Test func aPathThatIsNeitherAFolderNorARevisionExits65() throws {
        let (old, _) = pair("model-added")
        let run = try TestPaths.runDocgen(["diff", old, "no/such/folder"])
        #expect(run.status == 65)
        #expect(run.output.contains("'no/such/folder' is neither a folder nor a git revision"))
    }

    @Test func usageErrorsExit64() throws {
        #expect(try TestPaths.runDocgen(["diff", "only-one"]).status == 64)
        #expect(try TestPaths.runDocgen(["diff", "a", "b", "--format", "yaml"]).status == 64)
    }

    @Test func gitRevisionsAreReadLikeFolders() throws {
        let repository = try scratch()
        defer { try? FileManager.default.removeItem(at: repository) }
        let (old, new) = pair("field-removed")
        func git(_ arguments: String...) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-C", repository.path] + arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "git \(arguments)")
        }
        let docs = repository.appendingPathComponent("docs")
        try git("init", "-q")
        try FileManager.default.copyItem(atPath: old, toPath: docs.path)
        try git("add", "docs")
        try git("commit", "-q", "-m", "old")
        try FileManager.default.removeItem(at: docs)
        try FileManager.default.copyItem(atPath: new, toPath: docs.path)
        try git("commit", "-q", "-a", "-m", "new")

        let run = try TestPaths.runDocgen(["diff", "HEAD~1:docs", "HEAD:docs"], in: repository)
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("HEAD~1:docs/models/pet.md:12:3: error: Pet.tag: removed: String? [field-removed]"), "\(run.output)")
        #expect(try TestPaths.runDocgen(["diff", "HEAD:docs", "docs"], in: repository).output == "no changes\n")

        let missing = try TestPaths.runDocgen(["diff", "HEAD:nothing", "docs"], in: repository)
        #expect(missing.status == 65)
        #expect(missing.output.contains("cannot read 'HEAD:nothing'"), "\(missing.output)")
        let blob = try TestPaths.runDocgen(["diff", "HEAD:docs/models/pet.md", "docs"], in: repository)
        #expect(blob.status == 65)
        #expect(blob.output.contains("names a blob, not a folder"), "\(blob.output)")
        let badRevision = try TestPaths.runDocgen(["diff", "no-such-rev:docs", "docs"], in: repository)
        #expect(badRevision.status == 65)
        // A revision that begins with '-' never reaches git, where it would be an option.
        let option = try TestPaths.runDocgen(["diff", "--", "--output=x:docs", "docs"], in: repository)
        #expect(option.status == 65)
        #expect(option.output.contains("'--output=x:docs' begins with '-', which git would read as an option"), "\(option.output)")
        #expect(!FileManager.default.fileExists(atPath: repository.appendingPathComponent("x").path))
    }

    @Test func ignoredChangesAreLeftOutAndStaleEntriesNoted() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (old, new) = pair("union-variant-added")
        let json = try TestPaths.runDocgen(["diff", old, new, "--format", "json"]).output
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let changes = try #require(report["changes"] as? [[String: Any]])
        let variant = try #require(changes.first { $0["kind"] as? String == "union-variant-added" })
        let ignore = folder.appendingPathComponent("ignore.txt")
        try "# accepted\n\(variant["fingerprint"]!)\nmodel-added Fish\nfield-removed Pet.gone\n".write(to: ignore, atomically: true, encoding: .utf8)

        let run = try TestPaths.runDocgen(["diff", old, new, "--ignore", ignore.path, "--fail-on", "error"])
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("no changes\n"))
        #expect(run.output.contains("ignore.txt:4:1: note: ignore entry 'field-removed Pet.gone' matches no change [diff.ignore-unused]"))

        try "not a fingerprint\n".write(to: ignore, atomically: true, encoding: .utf8)
        #expect(try TestPaths.runDocgen(["diff", old, new, "--ignore", ignore.path]).status == 64)
    }

    @Test func theJSONSchemaDescribesTheJSONFormat() throws {
        let schemaText = try TestPaths.runDocgen(["diff", "--print-schema"]).output
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(schemaText.utf8)) as? [String: Any])
        let properties = try #require(schema["properties"] as? [String: Any])
        let changes = try #require((properties["changes"] as? [String: Any])?["items"] as? [String: Any])
        let required = try #require(changes["required"] as? [String])

        let (old, new) = pair("field-type-changed")
        let json = try TestPaths.runDocgen(["diff", old, new, "--format", "json"]).output
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(report.keys) == Set(schema["required"] as? [String] ?? []))
        for change in try #require(report["changes"] as? [[String: Any]]) {
            #expect(Set(change.keys) == Set(required))
        }
    }
}
