import DocgenDiagnostics
import DocgenSchema

/// Models whose Swift would be the same type under two names: Speakeasy writes a doc for each use
/// of a shape (`ConditionSpecificConfigurations1`, `…2`), so a tree often holds the same object,
/// enum or union many times. Each group is generated once, as its canonical model; the others
/// become `typealias`es of it, keeping every name and compiling one type.
///
/// Two models are the same shape when their Swift declarations would match line for line, apart
/// from doc comments and their own names: the same properties, JSON keys, optionality,
/// nullability, deprecations, enum values, union alternatives, and references to models that are
/// themselves the same shape (found as a fixed point, so recursive shapes merge too).
///
/// The canonical model of a group is the one the user named in `names`, else the shortest Swift
/// name, ties broken by byte order: a rule that depends only on the group, so it is stable.
struct SameShapes {
    /// Model id → the id of the model it is an alias of (canonical models are absent).
    private(set) var canonical: [String: String] = [:]

    /// No model is an alias (`mergeShapes` off).
    init() {}

    init(_ schema: Schema, namer: SwiftNamer) {
        let typeNames = namer.declared.typeNames, options = namer.options
        let models = schema.models.filter { typeNames[$0.id] != nil }
        guard models.count > 1 else { return }
        let index = Dictionary(uniqueKeysWithValues: models.enumerated().map { ($0.element.id, $0.offset) })
        // A model's shape is its own text, written once, and the models it references, whose
        // shapes are found by partition refinement: the first classes are the texts; every round
        // tells apart models whose references fall in different classes, until no class splits.
        let shapes = models.concurrentMap { ShapeSignature(of: $0, namer: namer, index: index) }
        var ids: [String: Int] = [:]
        var classOf = shapes.map { shape in
            let id = ids[shape.text] ?? ids.count
            ids[shape.text] = id
            return id
        }
        var classCount = ids.count
        while true {
            var keys: [[Int]: Int] = [:]
            let next = shapes.indices.map { model in
                var key = [classOf[model]]
                key.reserveCapacity(shapes[model].references.count + 1)
                for reference in shapes[model].references { key.append(classOf[reference]) }
                let id = keys[key] ?? keys.count
                keys[key] = id
                return id
            }
            classOf = next
            if keys.count == classCount { break }
            classCount = keys.count
        }
        var groups: [Int: [Model]] = [:]
        for (position, model) in models.enumerated() { groups[classOf[position], default: []].append(model) }
        for group in groups.values where group.count > 1 {
            let chosen = group.min { a, b in
                let namedA = options.names(a), namedB = options.names(b)
                if namedA != namedB { return namedA }
                let nameA = typeNames[a.id]!, nameB = typeNames[b.id]!
                if nameA.utf8.count != nameB.utf8.count { return nameA.utf8.count < nameB.utf8.count }
                return nameA.utf8.lexicographicallyPrecedes(nameB.utf8)
            }!
            for model in group where model.id != chosen.id { canonical[model.id] = chosen.id }
        }
    }
}

extension SwiftOptions {
    /// Whether the user named this model in `names` (by id or title).
    func names(_ model: Model) -> Bool {
        !nameOverrides.isEmpty && (nameOverrides[model.id] != nil || nameOverrides[model.name] != nil)
    }
}

/// A model's shape: its text, with each reference to a model that may merge spelled as a
/// placeholder, and those models (positions in the list being merged) in the order they appear.
private struct ShapeSignature {
    private(set) var text = ""
    private(set) var references: [Int] = []

    init(of model: Model, namer: SwiftNamer, index: [String: Int]) {
        let typeNames = namer.declared.typeNames, options = namer.options
        switch model.kind {
        case .object(let object):
            text += "object|"
            for field in object.fields {
                if case .sdkOnly = field.type { continue }
                text += field.name
                text += "="
                text += options.nameOverride(model.name, field.name) ?? ""
                text += "\u{1}"
                text += field.jsonKey
                text += "\u{1}"
                text += field.required ? "t" : "f"
                text += field.nullable ? "t" : "f"
                text += field.cyclic ? "t" : "f"
                text += "\u{1}"
                if let deprecation = field.deprecation { text += "d" + (deprecation.message ?? "") }
                text += "\u{1}"
                append(field.type, caseNames: false, typeNames: typeNames, index: index)
                text += "\u{2}"
            }
            text += "+"
            if let additional = object.additionalProperties {
                append(additional, caseNames: false, typeNames: typeNames, index: index)
            } else {
                text += "-"
            }
        case .enumeration(let enumeration):
            text += namer.keepsUnknownValues(model) ? "enum|open|" : "enum|closed|"
            text += "\(enumeration.rawType)|"
            for value in enumeration.values {
                text += "\(value.name)=\(options.nameOverride(model.name, value.name) ?? "")\u{1}\(value.value)\u{2}"
            }
        case .union(let union):
            let variants = union.variants.map(\.type).filter { if case .sdkOnly = $0 { false } else { true } }
            text += union.recursive ? "union|t|" : "union|f|"
            for (position, variant) in variants.enumerated() {
                if position > 0 { text += "\u{2}" }
                append(variant, caseNames: true, typeNames: typeNames, index: index)
            }
        }
    }

    /// A union's case names come from its alternatives' type names, so inside a union a
    /// reference also keeps its name.
    private mutating func append(_ type: TypeRef, caseNames: Bool, typeNames: [String: String], index: [String: Int]) {
        switch type {
        case .ref(let id):
            guard let target = index[id] else {
                text += "ref(" + id + ")"
                return
            }
            references.append(target)
            text += caseNames ? "ref(#:" + (typeNames[id] ?? "") + ")" : "ref(#)"
        case .list(let element):
            text += "list("
            append(element, caseNames: caseNames, typeNames: typeNames, index: index)
            text += ")"
        case .map(let value):
            text += "map("
            append(value, caseNames: caseNames, typeNames: typeNames, index: index)
            text += ")"
        case .nullable(let inner):
            text += "nullable("
            append(inner, caseNames: caseNames, typeNames: typeNames, index: index)
            text += ")"
        case .union(let variants):
            text += "union("
            for (position, variant) in variants.enumerated() {
                if position > 0 { text += "," }
                append(variant, caseNames: true, typeNames: typeNames, index: index)
            }
            text += ")"
        case .const(let value): text += "const(\(value))"
        case .sdkOnly(let label): text += "sdk(" + label + ")"
        case .string: text += "string"
        case .integer: text += "integer"
        case .number: text += "number"
        case .boolean: text += "boolean"
        case .dateTime: text += "dateTime"
        case .date: text += "date"
        case .any: text += "any"
        }
    }
}
