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

    init(_ schema: Schema, typeNames: [String: String], options: SwiftOptions, cycles: InlineCycles) {
        let models = schema.models.filter { typeNames[$0.id] != nil }
        guard models.count > 1 else { return }
        // Partition refinement: every round tells apart models whose references fall in
        // different classes of the previous round, until no class splits.
        var classOf: [String: Int] = Dictionary(uniqueKeysWithValues: models.map { ($0.id, 0) })
        var classCount = 1
        while true {
            let signature = ShapeSignature(typeNames: typeNames, options: options, cycles: cycles, classOf: classOf)
            let keys = models.concurrentMap { model in signature.of(model) }
            var ids: [String: Int] = [:]
            var next: [String: Int] = [:]
            for (model, key) in zip(models, keys) {
                let id = ids[key] ?? ids.count
                ids[key] = id
                next[model.id] = id
            }
            classOf = next
            if ids.count == classCount { break }
            classCount = ids.count
        }
        var groups: [Int: [Model]] = [:]
        for model in models { groups[classOf[model.id]!, default: []].append(model) }
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

/// A model's shape as text, with references spelled as the class of their target.
private struct ShapeSignature {
    let typeNames: [String: String]
    let options: SwiftOptions
    let cycles: InlineCycles
    let classOf: [String: Int]

    func of(_ model: Model) -> String {
        var text = "\(classOf[model.id]!)|"
        switch model.kind {
        case .object(let object):
            text += "object|"
            for field in object.fields {
                if case .sdkOnly = field.type { continue }
                text += "\(field.name)=\(options.nameOverride(model.name, field.name) ?? "")"
                text += "\u{1}\(field.jsonKey)\u{1}\(field.required)\(field.nullable)\(field.cyclic)"
                text += "\u{1}\(field.deprecation.map { "d" + ($0.message ?? "") } ?? "")"
                text += "\u{1}\(type(field.type, caseNames: false))\u{2}"
            }
            text += "+\(object.additionalProperties.map { type($0, caseNames: false) } ?? "-")"
        case .enumeration(let enumeration):
            let policy = options.enumOverrides[model.name] ?? (enumeration.open ? .open : options.enumPolicy)
            text += "enum|\(policy)|\(enumeration.rawType)|"
            for value in enumeration.values {
                text += "\(value.name)=\(options.nameOverride(model.name, value.name) ?? "")\u{1}\(value.value)\u{2}"
            }
        case .union(let union):
            let variants = union.variants.map(\.type).filter { if case .sdkOnly = $0 { false } else { true } }
            let indirect = variants.contains { $0.modelsStoredInline.contains { cycles.reaches($0, model.id) } }
            text += "union|\(indirect)|" + variants.map { type($0, caseNames: true) }.joined(separator: "\u{2}")
        }
        return text
    }

    /// A union's case names come from its alternatives' type names, so inside a union a
    /// reference also keeps its name.
    func type(_ type: TypeRef, caseNames: Bool) -> String {
        switch type {
        case .ref(let id):
            guard let target = classOf[id] else { return "ref(\(id))" }
            return caseNames ? "ref(\(target):\(typeNames[id] ?? ""))" : "ref(\(target))"
        case .list(let element): return "list(\(self.type(element, caseNames: caseNames)))"
        case .map(let value): return "map(\(self.type(value, caseNames: caseNames)))"
        case .nullable(let inner): return "nullable(\(self.type(inner, caseNames: caseNames)))"
        case .union(let variants): return "union(" + variants.map { self.type($0, caseNames: true) }.joined(separator: ",") + ")"
        case .const(let value): return "const(\(value))"
        case .sdkOnly(let label): return "sdk(\(label))"
        case .string, .integer, .number, .boolean, .dateTime, .date, .any: return "\(type)"
        }
    }
}
