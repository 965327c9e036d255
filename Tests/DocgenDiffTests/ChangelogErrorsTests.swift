import Foundation
import Testing
import TestSupport

/// `docgen diff --format speakeasy` on an operation's `### Errors` table, as Speakeasy's
/// changelog reports it: `error.status[409]` **Added** for one new status (clerk's Ruby
/// history), `error` **Changed** for several (OpenRouter's TypeScript history), breaking only
/// when a status goes or its body changes.
struct ChangelogErrorsTests {
    static func operationsDoc(errors: [String]) -> String {
        """
        # Pets

        ## get_pet

        ### Example Usage

        <!-- UsageSnippet language="python" operationID="getPet" method="get" path="/pets/{id}" -->
        ```python
        from petstore import Petstore

        with Petstore() as petstore:
            res = petstore.pets.get_pet(id="1")
        ```

        ### Parameters

        | Parameter | Type | Required | Description |
        | --- | --- | --- | --- |
        | `id` | *str* | :heavy_check_mark: | The id |

        ### Response

        **[models.Pet](../../models/pet.md)**

        ### Errors

        | Error Type | Status Code | Content Type |
        | --- | --- | --- |
        \(errors.joined(separator: "\n"))

        """
    }

    static let pet = "# Pet\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `id` | *str* | :heavy_check_mark: | N/A |\n"

    /// The changelog of the tree whose errors table is `old` against the one whose table is `new`.
    func changelog(old: [String], new: [String]) throws -> String {
        func tree(_ errors: [String]) -> [String: String] {
            ["sdks/pets/README.md": Self.operationsDoc(errors: errors), "models/pet.md": Self.pet]
        }
        return try speakeasyChangelog(old: tree(old), new: tree(new))
    }

    static let notFound = "| errors.NotFoundError | 404 | application/json |"
    static let catchAll = "| errors.APIError | 4XX, 5XX | \\*/\\* |"

    @Test func oneNewStatusIsAddedAtItsStatus() throws {
        let output = try changelog(old: [Self.notFound, Self.catchAll],
                                   new: [Self.notFound, "| errors.ConflictError | 409 | application/json |", Self.catchAll])
        #expect(output.contains("* `petstore.pets.get_pet()`: `error.status[409]` **Added**\n"), "\(output)")
    }

    @Test func severalNewStatusesChangeTheErrorWithoutBreakingIt() throws {
        let output = try changelog(old: [Self.notFound, Self.catchAll],
                                   new: [Self.notFound, "| errors.TimeoutError | 408 | application/json |",
                                         "| errors.TooLargeError | 413 | application/json |", Self.catchAll])
        #expect(output.contains("* `petstore.pets.get_pet()`: `error` **Changed**\n"), "\(output)")
    }

    @Test func aStatusThatGoesOrChangesItsContentTypeBreaks() throws {
        let removed = try changelog(old: [Self.notFound, Self.catchAll], new: [Self.catchAll])
        #expect(removed.contains("* `petstore.pets.get_pet()`: `error.status[404]` **Removed** (Breaking ⚠️)\n"), "\(removed)")
        let retyped = try changelog(old: [Self.notFound, Self.catchAll], new: ["| errors.NotFoundError | 404 | text/plain |", Self.catchAll])
        #expect(retyped.contains("* `petstore.pets.get_pet()`: `error.status[404]` **Changed** (Breaking ⚠️)\n"), "\(retyped)")
    }

    @Test func aFieldEveryErrorModelGainsIsReportedOnceUnderError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docgen-changelog-error-models-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let table = ["| errors.NotFoundError | 404 | application/json |", "| errors.ConflictError | 409 | application/json |"]
        for (side, extra) in [("old", ""), ("new", "| `metadata` | Dict[str, *Any*] | :heavy_minus_sign: | N/A |\n")] {
            let root = folder.appendingPathComponent(side)
            try FileManager.default.createDirectory(at: root.appendingPathComponent("sdks/pets"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: root.appendingPathComponent("models/errors"), withIntermediateDirectories: true)
            try Self.operationsDoc(errors: table).replacingOccurrences(of: "errors.NotFoundError", with: "[errors.NotFoundError](../../models/errors/notfounderror.md)")
                .replacingOccurrences(of: "errors.ConflictError", with: "[errors.ConflictError](../../models/errors/conflicterror.md)")
                .write(to: root.appendingPathComponent("sdks/pets/README.md"), atomically: true, encoding: .utf8)
            try Self.pet.write(to: root.appendingPathComponent("models/pet.md"), atomically: true, encoding: .utf8)
            for name in ["NotFoundError", "ConflictError"] {
                try "# \(name)\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `message` | *str* | :heavy_check_mark: | N/A |\n\(extra)"
                    .write(to: root.appendingPathComponent("models/errors/\(name.lowercased()).md"), atomically: true, encoding: .utf8)
            }
        }
        let run = try TestPaths.runDocgen(["diff", folder.appendingPathComponent("old").path, folder.appendingPathComponent("new").path,
                                           "--format", "speakeasy", "--policy", "speakeasy"])
        #expect(run.output.contains("* `petstore.pets.get_pet()`: `error.metadata` **Added**\n"), "\(run.output)")
    }

    @Test func anUnchangedTableReportsNothing() throws {
        let output = try changelog(old: [Self.notFound, Self.catchAll], new: [Self.notFound, Self.catchAll])
        #expect(!output.contains("error"), "\(output)")
    }

    /// A method that goes is **Removed** in the current changelog and **Deleted** in the older one
    /// (StackOne's 2e6f4ac and 09dc11b, OpenRouter's c5714a1; OpenRouter's 1.7xx changelogs write Removed).
    @Test func aRemovedMethodIsDeletedInTheOlderChangelog() throws {
        let old = ["sdks/pets/README.md": Self.operationsDoc(errors: [Self.catchAll]), "models/pet.md": Self.pet]
        let new = ["sdks/pets/README.md": Self.operationsDoc(errors: [Self.catchAll]).replacingOccurrences(of: "get_pet", with: "fetch_pet"),
                   "models/pet.md": Self.pet]
        #expect(try speakeasyChangelog(old: old, new: new, style: "current").contains("* `petstore.pets.get_pet()`: **Removed** (Breaking ⚠️)\n"))
        #expect(try speakeasyChangelog(old: old, new: new, style: "legacy").contains("* `petstore.pets.get_pet()`: **Deleted** **Breaking** :warning:\n"))
    }
}
