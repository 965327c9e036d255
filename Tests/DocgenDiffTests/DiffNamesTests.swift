import DocgenConfig
import DocgenDiff
import DocgenKit
import DocgenSchema
import DocgenSwift
import Foundation
import Testing

/// `docgen diff` talks about the generated Swift, so every name and type it prints is the one
/// the generated declarations have: one `SwiftNamer` answers both. Pinned here on a model with
/// every kind of field, enum case and union, against the Swift that generation writes.
struct DiffNamesTests {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("docgen-diff-names-\(UUID().uuidString)")
        let head = "| Field | Type | Required | Description |\n| - | - | - | - |\n"
        let rows = [
            "| `id` | *int* | :heavy_check_mark: | N/A |",
            "| `default` | *Optional[str]* | :heavy_minus_sign: | a keyword |",
            "| `born_at` | [date](https://docs.python.org/3/library/datetime.html#date-objects) | :heavy_check_mark: | N/A |",
            "| `seen_at` | [datetime](https://docs.python.org/3/library/datetime.html#datetime-objects) | :heavy_minus_sign: | N/A |",
            "| `tags` | List[*Nullable[str]*] | :heavy_check_mark: | nullable elements |",
            "| `scores` | Dict[str, *float*] | :heavy_minus_sign: | N/A |",
            "| `nickname` | *OptionalNullable[str]* | :heavy_minus_sign: | N/A |",
            "| `kind` | *Literal[\"pet\"]* | :heavy_check_mark: | a constant |",
            "| `owner` | [Optional[models.Owner]](../models/owner.md) | :heavy_minus_sign: | N/A |",
            "| `friends` | List[[models.Owner](../models/owner.md)] | :heavy_check_mark: | N/A |",
            "| `status` | [models.Status](../models/status.md) | :heavy_check_mark: | N/A |",
            "| `value` | [models.Value](../models/value.md) | :heavy_check_mark: | a union model |",
            "| `extra` | *Any* | :heavy_minus_sign: | N/A |",
            "| `count` | *Nullable[int]* | :heavy_check_mark: | N/A |",
        ]
        try write("models/pet.md", "# Pet\n\n## Fields\n\n" + head + rows.joined(separator: "\n") + "\n")
        try write("models/owner.md", "# Owner\n\n## Fields\n\n" + head + "| `name` | *str* | :heavy_check_mark: | N/A |\n")
        try write("models/status.md", "# Status\n\n## Values\n\n| Name | Value |\n| - | - |\n| `ACTIVE` | active |\n| `DEFAULT` | default |\n| `IN` | in |\n")
        try write("models/value.md", "# Value\n\n\n## Supported Types\n\n### `str`\n\n```python\nvalue: str = /* values here */\n```\n\n"
                  + "### `models.Owner`\n\n```python\nvalue: models.Owner = /* values here */\n```\n")
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// The generated Swift, file by file.
    func generatedSwift() throws -> [String: String] {
        let configuration = Configuration(specs: root, output: root.appendingPathComponent("../Out"), swift: SwiftOptions())
        let output = GeneratorPipeline(configuration: configuration).generate()
        try #require(!output.diagnostics.hasErrors, "\(output.diagnostics.all)")
        return Dictionary(uniqueKeysWithValues: output.files.filter { $0.destination == .swift }.map { ($0.path, $0.contents) })
    }

    /// What a reader writes for a declared type: the same text without module qualifiers.
    func unqualified(_ declared: String) -> String {
        declared.replacingOccurrences(of: "DocgenRuntime.", with: "").replacingOccurrences(of: "Swift.", with: "")
    }

    /// `public var NAME: TYPE` (stored or computed) → TYPE, by property name.
    func declaredProperties(_ swift: String) -> [String: String] {
        var properties: [String: String] = [:]
        for line in swift.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("public var ") else { continue }
            let declaration = trimmed.dropFirst("public var ".count).prefix { $0 != "{" && $0 != "=" }
            guard let colon = declaration.firstIndex(of: ":") else { continue }
            let name = declaration[..<colon].replacingOccurrences(of: "`", with: "")
            properties[name] = declaration[declaration.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return properties
    }

    @Test func diffNamesEveryTypePropertyAndTypeAsTheGeneratedSwiftDeclaresIt() throws {
        let swift = try generatedSwift()
        let side = try DiffReading.side(at: root, named: "tree", settings: Configuration.File())
        var checkedFields = 0
        for model in side.schema.models {
            let type = side.names.type(model)
            let file = try #require(swift["\(type).swift"], "no \(type).swift for \(model.id)")
            #expect(file.contains(" \(type):") || file.contains("enum \(type)") || file.contains("struct \(type)"), "\(type) is not declared")
            guard case .object(let object) = model.kind else { continue }
            let declared = declaredProperties(file)
            for field in object.fields {
                let property = side.names.property(field, of: model)
                let declaredType = try #require(declared[property], "the diff's \(property) is not a property of \(type): \(declared.keys.sorted())")
                let spelled = side.names.fieldType(field, nested: "", readable: true)
                if case .const(let value) = field.type {
                    // A constant shows its value too, as its declaration's default does.
                    #expect(value == .string("pet") && spelled == "\(unqualified(declaredType)) = \"pet\"", "\(spelled)")
                } else {
                    #expect(spelled == unqualified(declaredType), "\(model.name).\(field.name)")
                }
                checkedFields += 1
            }
        }
        #expect(checkedFields == 15) // Pet's 14 and Owner's one
    }

    @Test func aNullableListElementIsSpelledAsTheGeneratedOptional() throws {
        let side = try DiffReading.side(at: root, named: "tree", settings: Configuration.File())
        let pet = try #require(side.schema.models.first { $0.name == "Pet" })
        guard case .object(let object) = pet.kind else { Issue.record("Pet is no object"); return }
        let tags = try #require(object.fields.first { $0.name == "tags" })
        #expect(side.names.fieldType(tags, nested: "", readable: true) == "[String?]")
    }

    @Test func diffCasesAreTheGeneratedEnumsCases() throws {
        let swift = try generatedSwift()
        let side = try DiffReading.side(at: root, named: "tree", settings: Configuration.File())
        let status = try #require(side.schema.models.first { $0.name == "Status" })
        guard case .enumeration(let enumeration) = status.kind else { Issue.record("Status is no enum"); return }
        let file = try #require(swift["Status.swift"])
        let names = enumeration.values.map { side.names.enumCase($0, of: status) }
        #expect(names == ["active", "default", "in"])
        let declaredCases = file.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("case ") && !$0.contains("(") && !$0.contains(":") }
            .map { $0.dropFirst("case ".count).prefix { $0 != " " }.replacingOccurrences(of: "`", with: "") }
        #expect(declaredCases == names)
    }

    /// The report itself, end to end: removing every field names each by its property and type.
    @Test func aReportNamesRemovedFieldsByTheirDeclarations() throws {
        let swift = try generatedSwift()
        let old = try DiffReading.side(at: root, named: "old", settings: Configuration.File())
        try write("models/pet.md", "# Pet\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n| `id` | *int* | :heavy_check_mark: | N/A |\n")
        let new = try DiffReading.side(at: root, named: "new", settings: Configuration.File())
        let removed = SchemaDiff(old: old, new: new).compare().changes.filter { $0.kind == .fieldRemoved }
        let declared = declaredProperties(try #require(swift["Pet.swift"]))
        #expect(removed.count == 13)
        for change in removed {
            let property = try #require(change.subject.split(separator: ".").last.map(String.init))
            let type = try #require(declared[property], "\(change.subject)")
            #expect(change.detail.hasPrefix("removed: \(unqualified(type))"), "\(change.subject): \(change.detail)")
        }
    }
}
