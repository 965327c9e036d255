import DocgenDiagnostics
import DocgenRender
import DocgenSwift

/// The templates the docs translator renders (files `Templates/doc-….mustache`).
public enum DocsTemplate: String, Sendable, CaseIterable {
    case docModel = "doc-model"
    case docIndex = "doc-index"
}

/// `SwiftModelSummary` → a Markdown page per model, and the index of them all. The pages
/// describe the Swift: its type and property names, Swift types with links to the models they
/// mention, and where each came from in the docs.
public enum DocsTranslator {
    /// A renderer for the doc pages: the templates named `doc-…`, checked against `DocsContextName`.
    public static func renderer(templates: TemplateSet = .docsDefaults, diagnostics: inout Diagnostics) -> TemplateRenderer {
        TemplateRenderer(templates: templates.subset { $0.hasPrefix("doc-") }, vocabulary: DocsContextName.vocabulary,
                         required: DocsTemplate.allCases.map(\.rawValue), diagnostics: &diagnostics)
    }

    /// One model's page, `TypeName.md`.
    public static func page(_ summary: SwiftModelSummary) -> RenderUnit {
        let model = summary.model
        let (typeName, access) = (summary.typeName, summary.access)
        let declaration: String = switch model.kind {
        case .object: "struct"
        case .enumeration, .union: "enum"
        }
        var intro: [String] = []
        if let deprecation = model.deprecation {
            intro += ["> **Deprecated.**" + (deprecation.message.map { " " + SwiftEscaping.commentText($0) } ?? ""), ""]
        }
        let description = SwiftEscaping.commentLines(model.description)
        if !description.isEmpty { intro += description + [""] }
        let id = SwiftEscaping.markdownCell(model.id)
        if let aliasOf = summary.aliasOf {
            intro.append(text("`\(access) typealias \(typeName) = \(aliasOf)`, generated from `\(id)`: the same shape as [`\(aliasOf)`](\(aliasOf).md)."))
        } else {
            intro.append(text("`\(access) \(declaration) \(typeName)`, generated from `\(id)`."))
        }
        var rows: [String] = []
        var header: [String] = []
        switch model.kind {
        case .object:
            header = ["| Property | Swift type | Required | JSON key | Description |", "| --- | --- | --- | --- | --- |"]
            rows = summary.properties.map { property in
                let key = property.jsonKey.map { text("`\(SwiftEscaping.markdownCell($0))`") } ?? "(other keys)"
                return text("| `\(property.name)` | \(cell(property.swiftType, mentions: property.mentions)) | \(property.required ? "yes" : "no") | \(key) | \(property.deprecated ? "**Deprecated.** " : "")\(SwiftEscaping.markdownCell(property.description)) |")
            }
        case .enumeration:
            header = ["| Case | Raw value | Docs name |", "| --- | --- | --- |"]
            rows = summary.cases.map { value in
                text("| `.\(value.name)` | `\(SwiftEscaping.markdownCell(value.rawValue ?? ""))` | `\(SwiftEscaping.markdownCell(value.docsName ?? ""))` |")
            }
        case .union:
            header = ["| Case | Swift type |", "| --- | --- |"]
            rows = summary.cases.map { alternative in
                text("| `.\(alternative.name)` | \(cell(alternative.swiftType ?? "", mentions: alternative.mentions)) |")
            }
        }
        let isObject = if case .object = model.kind { true } else { false }
        if !rows.isEmpty { rows = header + rows }
        var caseNote: String?
        if let enumeration = summary.enumeration {
            caseNote = enumeration.open
                ? text("Open enum: a value the docs do not list decodes as `.unknown(\(enumeration.rawType))`, keeps the raw value and encodes it back unchanged.")
                : "Closed enum: a value the docs do not list fails to decode."
        }
        let leftOut = summary.leftOut.map {
            text("`\(SwiftEscaping.markdownCell($0.name))` (`\(SwiftEscaping.markdownCell($0.label))`): an SDK-side object, not part of the JSON")
        }
        return RenderUnit(destination: .docs, path: text("\(typeName).md"), template: DocsTemplate.docModel.rawValue, context: context([
            .title: .text(typeName),
            .intro: .lines(intro),
            .propertyRows: .lines(isObject ? rows : []),
            .hasProperties: .flag(isObject && !rows.isEmpty),
            .caseRows: .lines(isObject ? [] : rows),
            .hasCases: .flag(!isObject && !rows.isEmpty),
            .caseNote: caseNote.map(TemplateValue.text) ?? .null,
            .leftOut: .lines(leftOut),
            .hasLeftOut: .flag(!leftOut.isEmpty),
        ]))
    }

    /// A model's row in the index (kept instead of its summary while the run goes on).
    public static func indexRow(_ summary: SwiftModelSummary) -> String {
        let name = summary.typeName
        return text("| [`\(name)`](\(name).md) | \(summary.aliasOf == nil ? summary.kindName : "typealias") | `\(SwiftEscaping.markdownCell(summary.model.id))` |")
    }

    /// `index.md`: every model's row, in model order.
    public static func index(rows: [String]) -> RenderUnit {
        RenderUnit(destination: .docs, path: "index.md", template: DocsTemplate.docIndex.rawValue, context: context([.rows: .lines(rows)]))
    }

    /// A Swift type in a table cell, with links to the pages of the models it mentions.
    static func cell(_ swift: String, mentions: [String]) -> String {
        let code = swift.replacing(bytes: "|", with: "\\|")
        // One interpolation each (joining Strings with `+` copied the cell at every step).
        switch mentions.count {
        case 0: return text("`\(code)`")
        case 1: return text("`\(code)` ([\(mentions[0])](\(mentions[0]).md))")
        default: return text("`\(code)` (\(mentions.map { text("[\($0)](\($0).md)") }.joined(separator: ", ")))")
        }
    }
}

/// Every name a doc template can look up, and what it holds (README "Writing your own templates").
public enum DocsContextName: Int, Sendable, CaseIterable {
    case title, intro, propertyRows, hasProperties, caseRows, hasCases, caseNote, leftOut, hasLeftOut, rows

    public static let vocabulary = TemplateVocabulary(allCases.map { "\($0)" })

    public var meaning: String {
        switch self {
        case .title: "text: the doc page's title (the Swift type's name)"
        case .intro: "lines: the doc page's opening Markdown (deprecation, description, declaration)"
        case .propertyRows: "lines: the Markdown table of properties"
        case .hasProperties: "flag: `propertyRows` is not empty"
        case .caseRows: "lines: the Markdown table of cases"
        case .hasCases: "flag: `caseRows` is not empty"
        case .caseNote: "text or null: how the enum treats values the docs do not list"
        case .leftOut: "lines: SDK-side fields the Swift model has no property for"
        case .hasLeftOut: "flag: `leftOut` is not empty"
        case .rows: "lines: the docs index's table rows"
        }
    }
}

func context(_ pairs: KeyValuePairs<DocsContextName, TemplateValue>) -> TemplateObject {
    TemplateObject(pairs)
}
