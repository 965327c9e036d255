import DocgenDiagnostics
import DocgenRender
import DocgenSchema

/// `Schema` → `[RenderUnit]`: one Swift file per model, and a summary of each model's Swift for
/// its doc page (DocgenDocs). All naming, escaping and layout decisions happen here; templates
/// write the code around them. Name collisions are reported as located errors (fix them with
/// name overrides).
public struct SwiftTranslator: Sendable {
    public var options: SwiftOptions

    /// A renderer for this translator's units: its templates (every one not named `doc-…`),
    /// checked against its names.
    public static func renderer(templates: TemplateSet = .swiftDefaults, diagnostics: inout Diagnostics) -> TemplateRenderer {
        TemplateRenderer(templates: templates.subset { !$0.hasPrefix("doc-") }, vocabulary: ContextName.vocabulary,
                         required: SwiftTemplate.allCases.map(\.rawValue), diagnostics: &diagnostics)
    }

    public init(options: SwiftOptions = SwiftOptions()) {
        self.options = options
    }

    /// Every model at once (`prepare`, each model on all cores, `finish`): the Swift files' units
    /// and the models' summaries, in model order.
    public func translate(_ schema: Schema, diagnostics: inout Diagnostics) -> (units: [RenderUnit], summaries: [SwiftModelSummary]) {
        let plan = prepare(schema, diagnostics: &diagnostics)
        var units: [RenderUnit] = []
        var summaries: [SwiftModelSummary] = []
        for case let model? in Array(plan.models.indices).concurrentMap({ plan.translate(modelAt: $0) }) {
            units.append(model.unit)
            summaries.append(model.summary)
            diagnostics.append(contentsOf: model.diagnostics)
        }
        plan.finish(diagnostics: &diagnostics)
        return (units, summaries)
    }

    /// What every model's translation shares (type names, cycles), decided once. A caller that
    /// renders each model as soon as it is translated never holds all contexts at once.
    public func prepare(_ schema: Schema, diagnostics: inout Diagnostics) -> TranslationPlan {
        let typeNames = assignTypeNames(schema, diagnostics: &diagnostics)
        let speller = SwiftTypeSpeller(typeNames: typeNames, models: Dictionary(uniqueKeysWithValues: schema.models.map { ($0.id, $0) }))
        let cycles = InlineCycles(schema)
        let shapes = options.mergeShapes ? SameShapes(schema, typeNames: typeNames, options: options, cycles: cycles) : SameShapes()
        var options = options
        options.fileLayout = options.fileLayout.resolved(modelCount: schema.models.count)
        return TranslationPlan(schema: schema, options: options, typeNames: typeNames, speller: speller, cycles: cycles, shapes: shapes)
    }

    /// Type names by rule or override; two models with one Swift name is an error. A model's
    /// id (`errors/x.md`) names it alone and wins over its title; a title shared across folders
    /// is told apart by folder (`DistinctNames`: `errors/x.md` titled `X` → `XErrors`).
    func assignTypeNames(_ schema: Schema, diagnostics: inout Diagnostics) -> [String: String] {
        var names: [String: String] = [:]
        var first: [String: Int] = [:] // model positions: storing models made every insert a copy
        names.reserveCapacity(schema.models.count)
        first.reserveCapacity(schema.models.count)
        let qualifiers = DistinctNames.qualifiers(schema)
        // Naming is the costly part and independent per model: on all cores.
        let candidates = schema.models.concurrentMap { model in
            var name: String
            if let override = options.nameOverrides[model.id] {
                name = override
            } else {
                name = options.nameOverrides[model.name] ?? SwiftNaming.typeName(model.name)
                if let qualifier = qualifiers[model.id] {
                    name = SwiftNaming.typeName(name + qualifier.reversed().map(SwiftNaming.upperCamel).joined())
                }
            }
            return (name, name.lowercased())
        }
        for (position, (model, (name, folded))) in zip(schema.models, candidates).enumerated() {
            if let earlier = first[folded].map({ schema.models[$0] }) {
                // Two docs with one title in one folder were already reported by the reader (model.duplicate).
                guard earlier.name != model.name || DistinctNames.folder(of: earlier.id) != DistinctNames.folder(of: model.id) else { continue }
                diagnostics.error("name.collision", "model '\(model.name)' (\(model.id)) becomes the Swift type '\(name)', as '\(earlier.name)' (\(earlier.id)) does; rename one with a name override",
                                  at: model.location, notes: [.init("'\(earlier.name)' is defined here", at: earlier.location)])
                continue
            }
            first[folded] = position
            names[model.id] = name
        }
        return names
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
            diagnostics.error("config.unknown-name", "name override '\(key)' names no model, field or enum value",
                              at: options.overrideLocations["names." + key])
        }
        for key in options.enumOverrides.keys.sorted() where !schema.models.contains(where: { $0.name == key }) {
            diagnostics.error("config.unknown-name", "enum policy override '\(key)' names no model",
                              at: options.overrideLocations["enumOverrides." + key])
        }
    }
}

/// A schema ready to translate model by model (`SwiftTranslator.prepare`).
public struct TranslationPlan: Sendable {
    let schema: Schema
    let options: SwiftOptions
    let typeNames: [String: String]
    let speller: SwiftTypeSpeller
    let cycles: InlineCycles
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
        guard let typeName = typeNames[model.id] else { return nil }
        var diagnostics = Diagnostics()
        var context = ModelTranslation(model: model, typeName: typeName, options: options, speller: speller, cycles: cycles)
        if let canonical = shapes.canonical[model.id].flatMap({ speller.models[$0] }) {
            // An alias's own declaration is never rendered: only its summary and diagnostics.
            context.summarize(diagnostics: &diagnostics)
            let unit = context.aliasUnit(of: canonical, typeName: typeNames[canonical.id]!)
            return ModelTranslationResult(unit: unit, imports: [], summary: context.summary, diagnostics: diagnostics)
        }
        let unit = context.swiftUnit(diagnostics: &diagnostics)
        let imports = ["DocgenRuntime"]
        return ModelTranslationResult(unit: unit, imports: imports, summary: context.summary, diagnostics: diagnostics)
    }

    /// The head of a file that holds several models (`"swiftFiles": "grouped"`), rendered with
    /// the `swift-header` template: their models' units have none of their own.
    func groupHeader(path: String, imports: [String]) -> RenderUnit {
        RenderUnit(destination: .swift, path: path, template: "swift-header", context: context([
            .comments: .lines(["// Generated by docgen. Do not edit: change the specs and regenerate.",
                               "// swift-format-ignore-file", "// swiftlint:disable all"]),
            .imports: .lines(imports),
        ]))
    }

    /// The Swift files joined into `SwiftFileGroups`' files (`"swiftFiles": "grouped"`): a head
    /// rendered for each group with the imports its models need, then the models' declarations
    /// (rendered without a head of their own), a blank line apart. Other files pass through.
    public func grouped(_ files: [OutputFile], imports: [String: [String]], renderer: TemplateRenderer) -> [OutputFile] {
        let swift = TemplateRenderer.sorted(files.filter { $0.destination == .swift })
        let fileOf = SwiftFileGroups.files(for: swift.map { String($0.path.utf8.dropLast(".swift".utf8.count))! })
        var groups: [String: (imports: Set<String>, bodies: [String])] = [:]
        for file in swift {
            let name = fileOf[String(file.path.utf8.dropLast(".swift".utf8.count))!]!
            groups[name, default: ([], [])].imports.formUnion(imports[file.path] ?? [])
            groups[name, default: ([], [])].bodies.append(file.contents)
        }
        // Each group's file is made on its own, on all cores.
        let joined = Array(groups).concurrentMap { name, group -> OutputFile in
            // Each body without its final newline, a blank line apart; cut by UTF-8 index
            // (String's `dropLast` counts the whole text's Characters to find its end).
            var text = renderer.render(groupHeader(path: name, imports: group.imports.sorted()))?.contents ?? ""
            text.reserveCapacity(text.utf8.count + group.bodies.reduce(0) { $0 + $1.utf8.count + 1 } + 1)
            for (index, body) in group.bodies.enumerated() {
                text += index == 0 ? "\n" : "\n\n"
                text += body.utf8.last == 0x0A ? body[..<body.utf8.index(before: body.utf8.endIndex)] : body[...]
            }
            text += "\n"
            return OutputFile(destination: .swift, path: name, contents: text)
        }
        return files.filter { $0.destination != .swift } + joined
    }

    /// What only all models together tell: overrides that name nothing.
    public func finish(diagnostics: inout Diagnostics) {
        SwiftTranslator.checkOverridesExist(schema, options: options, diagnostics: &diagnostics)
    }
}

/// Which models can reach themselves by value (for `indirect` unions).
struct InlineCycles {
    private var edges: [String: [String]] = [:]

    init(_ schema: Schema) {
        let targets = schema.models.concurrentMap { model -> [String] in
            switch model.kind {
            case .object(let object): object.fields.filter { !$0.cyclic }.flatMap(\.type.modelsStoredInline)
            case .union(let union): union.variants.flatMap(\.type.modelsStoredInline)
            case .enumeration: []
            }
        }
        edges.reserveCapacity(schema.models.count)
        for (model, modelTargets) in zip(schema.models, targets) { edges[model.id] = modelTargets }
    }

    /// Whether `start` reaches `target` through values stored inline.
    func reaches(_ start: String, _ target: String) -> Bool {
        var seen: Set<String> = []
        var pending = [start]
        while let next = pending.popLast() {
            if next == target { return true }
            guard seen.insert(next).inserted else { continue }
            pending.append(contentsOf: edges[next] ?? [])
        }
        return false
    }
}
