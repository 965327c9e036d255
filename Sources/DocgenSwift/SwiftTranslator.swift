import DocgenDiagnostics
import DocgenSchema

/// `Schema` → `[RenderUnit]`: one Swift file per model plus a Markdown page per model and an
/// index. All naming, escaping and layout decisions happen here; templates only place text.
/// Name collisions are reported as located errors (fix them with name overrides).
public struct SwiftTranslator: Sendable {
    public var options: SwiftOptions

    public init(options: SwiftOptions = SwiftOptions()) {
        self.options = options
    }

    public func translate(_ schema: Schema, diagnostics: inout Diagnostics) -> [RenderUnit] {
        let typeNames = assignTypeNames(schema, diagnostics: &diagnostics)
        let speller = SwiftTypeSpeller(typeNames: typeNames, models: Dictionary(uniqueKeysWithValues: schema.models.map { ($0.id, $0) }))
        var units: [RenderUnit] = []
        var indexRows: [String] = []
        let cycles = InlineCycles(schema)
        let options = options
        // Models translate independently, on all cores; results come back in model order.
        let translated = schema.models.concurrentMap { model -> (units: [RenderUnit], indexRow: String, diagnostics: Diagnostics)? in
            guard let typeName = typeNames[model.id] else { return nil }
            var diagnostics = Diagnostics()
            var context = ModelTranslation(model: model, typeName: typeName, options: options, speller: speller, cycles: cycles)
            let swift = context.swiftUnit(diagnostics: &diagnostics)
            let docs = RenderUnit(destination: .docs, path: typeName + ".md", template: .docModel, context: .docPage(context.docPage()))
            let row = "| [`\(typeName)`](\(typeName).md) | \(context.kindName) | `\(SwiftEscaping.markdownCell(model.id))` |"
            return ([swift, docs], row, diagnostics)
        }
        for case let result? in translated {
            units += result.units
            indexRows.append(result.indexRow)
            diagnostics.append(contentsOf: result.diagnostics)
        }
        units.append(RenderUnit(destination: .docs, path: "index.md", template: .docIndex,
                                context: .docIndex(DocIndexContext(rows: indexRows))))
        checkOverridesExist(schema, diagnostics: &diagnostics)
        return units
    }

    /// Type names by rule or override; two models with one Swift name is an error.
    private func assignTypeNames(_ schema: Schema, diagnostics: inout Diagnostics) -> [String: String] {
        var names: [String: String] = [:]
        var first: [String: Model] = [:]
        for model in schema.models {
            let name = options.nameOverrides[model.name] ?? SwiftNaming.typeName(model.name)
            if let earlier = first[name.lowercased()] {
                // Two docs with one title were already reported by the reader (model.duplicate).
                guard earlier.name != model.name else { continue }
                diagnostics.error("name.collision", "model '\(model.name)' becomes the Swift type '\(name)', as '\(earlier.name)' does; rename one with a name override",
                                  at: model.location, notes: [.init("'\(earlier.name)' is defined here", at: earlier.location)])
                continue
            }
            first[name.lowercased()] = model
            names[model.id] = name
        }
        return names
    }

    private func checkOverridesExist(_ schema: Schema, diagnostics: inout Diagnostics) {
        var known: Set<String> = []
        for model in schema.models {
            known.insert(model.name)
            switch model.kind {
            case .object(let object): for field in object.fields { known.insert("\(model.name).\(field.name)") }
            case .enumeration(let enumeration): for value in enumeration.values { known.insert("\(model.name).\(value.name)") }
            case .union: break
            }
        }
        for key in options.nameOverrides.keys.sorted() where !known.contains(key) {
            diagnostics.error("config.unknown-name", "name override '\(key)' names no model, field or enum value", at: nil)
        }
        for key in options.enumOverrides.keys.sorted() where !schema.models.contains(where: { $0.name == key }) {
            diagnostics.error("config.unknown-name", "enum policy override '\(key)' names no model", at: nil)
        }
    }
}

/// Which models can reach themselves by value (for `indirect` unions).
struct InlineCycles {
    private var edges: [String: [String]] = [:]

    init(_ schema: Schema) {
        for model in schema.models {
            switch model.kind {
            case .object(let object): edges[model.id] = object.fields.filter { !$0.cyclic }.flatMap(\.type.modelsStoredInline)
            case .union(let union): edges[model.id] = union.variants.flatMap(\.type.modelsStoredInline)
            case .enumeration: edges[model.id] = []
            }
        }
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
