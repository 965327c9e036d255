import DocgenDiagnostics
import DocgenRender
import DocgenSchema

/// `Schema` → `[RenderUnit]`: one Swift file per model, and a summary of each model's Swift for
/// its doc page (DocgenDocs). All naming, escaping and layout decisions happen here; templates
/// write the code around them. Name collisions are reported as located errors (fix them with
/// name overrides).
public struct SwiftTranslator: Sendable {
    public var options: SwiftOptions

    /// A renderer for this translator's units: its templates (every one not named `doc-…` or
    /// `client…`), checked against its names.
    public static func renderer(templates: TemplateSet = .swiftDefaults, diagnostics: inout Diagnostics) -> TemplateRenderer {
        TemplateRenderer(templates: templates.subset { !$0.hasPrefix("doc-") && !$0.hasPrefix("client") }, vocabulary: ContextName.vocabulary,
                         required: SwiftTemplate.allCases.map(\.rawValue), diagnostics: &diagnostics)
    }

    public init(options: SwiftOptions = SwiftOptions()) {
        self.options = options
    }

    /// What every model's translation shares (its names, same shapes), decided once. A caller
    /// that renders each model as soon as it is translated never holds all contexts at once.
    public func prepare(_ schema: Schema, diagnostics: inout Diagnostics) -> TranslationPlan {
        let namer = SwiftNamer(schema, options: options)
        diagnostics.append(contentsOf: namer.collisions)
        let shapes = options.mergeShapes ? SameShapes(schema, namer: namer) : SameShapes()
        var options = options
        options.fileLayout = options.fileLayout.resolved(modelCount: schema.models.count)
        return TranslationPlan(schema: schema, options: options, namer: namer, shapes: shapes)
    }

    fileprivate static func checkOverridesExist(_ schema: Schema, options: SwiftOptions, diagnostics: inout Diagnostics) {
        guard !options.nameOverrides.isEmpty || !options.enumOverrides.isEmpty else { return } // the usual case
        var known: Set<String> = []
        for model in schema.models {
            known.insert(model.id)
            known.insert(model.name)
            switch model.kind {
            case .object(let object): for field in object.fields { known.insert("\(model.name).\(field.name)") }
            case .enumeration(let enumeration): for value in enumeration.values { known.insert("\(model.name).\(value.name)") }
            case .union: break
            }
        }
        for key in options.nameOverrides.keys.sorted() where !known.contains(key) {
            diagnostics.error(.configUnknownName, "name override '\(key)' names no model, field or enum value",
                              at: options.overrideLocations["names." + key])
        }
        for key in options.enumOverrides.keys.sorted() where !schema.models.contains(where: { $0.name == key }) {
            diagnostics.error(.configUnknownName, "enum policy override '\(key)' names no model",
                              at: options.overrideLocations["enumOverrides." + key])
        }
    }
}

/// A schema ready to translate model by model (`SwiftTranslator.prepare`).
public struct TranslationPlan: Sendable {
    let schema: Schema
    let options: SwiftOptions
    public let namer: SwiftNamer
    let shapes: SameShapes

    public var models: [Model] { schema.models }
    /// `perModel` or `grouped`: `auto` already decided by the number of models.
    public var fileLayout: SwiftOptions.FileLayout { options.fileLayout }

    /// One model's Swift file, and the summary its doc page is made from.
    public struct ModelTranslationResult: Sendable {
        public var unit: RenderUnit
        /// The modules the unit's code needs (a `typealias` needs none).
        public var imports: [String]
        public var summary: SwiftModelSummary
        public var diagnostics: Diagnostics
    }

    /// Nil for a model left without a type name (its collision is already reported).
    @Sendable public func translate(modelAt index: Int) -> ModelTranslationResult? {
        let model = schema.models[index]
        guard let typeName = namer.type(id: model.id) else { return nil }
        var diagnostics = Diagnostics()
        var context = ModelTranslation(model: model, typeName: typeName, options: options, namer: namer)
        if let canonical = shapes.canonical[model.id].flatMap({ namer.declared.models[$0] }) {
            // An alias's own declaration is never rendered: only its summary and diagnostics.
            context.summarize(diagnostics: &diagnostics)
            let unit = context.aliasUnit(of: canonical, typeName: namer.type(id: canonical.id)!)
            return ModelTranslationResult(unit: unit, imports: [], summary: context.summary, diagnostics: diagnostics)
        }
        let unit = context.swiftUnit(diagnostics: &diagnostics)
        let imports = ["DocgenRuntime"]
        return ModelTranslationResult(unit: unit, imports: imports, summary: context.summary, diagnostics: diagnostics)
    }

    /// The head of a file that holds several models, rendered with the `swift-header` template:
    /// their models' units have none of their own.
    func groupHeader(path: String, imports: [String]) -> RenderUnit {
        RenderUnit(destination: .swift, path: path, template: "swift-header", context: context([
            .comments: .lines(["// Generated by docgen. Do not edit: change the specs and regenerate.",
                               "// swift-format-ignore-file", "// swiftlint:disable all"]),
            .imports: .lines(imports),
        ]))
    }

    /// The Swift files to make, as the positions of the models each holds: with `grouped`,
    /// `SwiftFileGroups`' files (`name`), each with its models in path order, so the pipeline
    /// joins a file as soon as its models are rendered; else one file per model (`name` nil),
    /// in model order. Models without a type name are in none.
    public func swiftFiles() -> [(name: String?, models: [Int])] {
        guard options.fileLayout == .grouped else { return models.indices.map { (nil, [$0]) } }
        let named = models.indices.compactMap { index in namer.type(id: models[index].id).map { (index, $0) } }
        let fileOf = SwiftFileGroups.files(for: named.map(\.1))
        var groups: [String: [Int]] = [:]
        // In the order of the models' own files' paths, as their declarations follow each other.
        for (index, typeName) in named.sorted(byBytesOf: { $0.1 + ".swift" }) { groups[fileOf[typeName]!, default: []].append(index) }
        return groups.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// One file of several models (`"swiftFiles": "grouped"`): a head rendered with the imports
    /// its models need, then their declarations (rendered without a head of their own), each
    /// without its final newline, a blank line apart.
    public func joined(_ bodies: [String], path: String, imports: Set<String>, renderer: TemplateRenderer) -> OutputFile {
        var text = renderer.render(groupHeader(path: path, imports: imports.sorted()))?.contents ?? ""
        text.reserveCapacity(text.utf8.count + bodies.reduce(0) { $0 + $1.utf8.count + 1 } + 1)
        for (index, body) in bodies.enumerated() {
            text += index == 0 ? "\n" : "\n\n"
            // Cut by UTF-8 index (String's `dropLast` counts the whole text's Characters to find its end).
            text += body.utf8.last == 0x0A ? body[..<body.utf8.index(before: body.utf8.endIndex)] : body[...]
        }
        text += "\n"
        return OutputFile(destination: .swift, path: path, contents: text)
    }

    /// What only all models together tell: overrides that name nothing.
    public func finish(diagnostics: inout Diagnostics) {
        SwiftTranslator.checkOverridesExist(schema, options: options, diagnostics: &diagnostics)
    }
}
