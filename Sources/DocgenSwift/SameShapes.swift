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
        // A text seen before is looked up once; only a new one is hashed again to insert it.
        var classOf = shapes.map { shape in
            if let id = ids[shape.text] { return id }
            ids[shape.text] = ids.count
            return ids.count - 1
        }
        var classCount = ids.count
        while true {
            var keys: [[Int]: Int] = [:]
            let next = shapes.indices.map { model in
                var key = [classOf[model]]
                key.reserveCapacity(shapes[model].references.count + 1)
                for reference in shapes[model].references { key.append(classOf[reference]) }
                if let id = keys[key] { return id }
                keys[key] = keys.count
                return keys.count - 1
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
    /// The text as it is written: appending to a `String` piece by piece cost a quarter of
    /// a thousand instructions a piece (same-shape merging's largest cost).
    private var bytes: [UInt8] = []

    init(of model: Model, namer: SwiftNamer, index: [String: Int]) {
        let typeNames = namer.declared.typeNames, options = namer.options
        bytes.reserveCapacity(256)
        switch model.kind {
        case .object(let object):
            add("object|")
            for field in object.fields {
                if case .sdkOnly = field.type { continue }
                add(field.name)
                mark("=")
                if let override = options.nameOverride(model.name, field.name) { add(override) }
                mark("\u{1}")
                add(field.jsonKey)
                mark("\u{1}")
                mark(field.required ? "t" : "f")
                mark(field.nullable ? "t" : "f")
                mark(field.cyclic ? "t" : "f")
                mark("\u{1}")
                if let deprecation = field.deprecation {
                    mark("d")
                    if let message = deprecation.message { add(message) }
                }
                mark("\u{1}")
                append(field.type, caseNames: false, typeNames: typeNames, index: index)
                mark("\u{2}")
            }
            mark("+")
            if let additional = object.additionalProperties {
                append(additional, caseNames: false, typeNames: typeNames, index: index)
            } else {
                mark("-")
            }
        case .enumeration(let enumeration):
            add(namer.keepsUnknownValues(model) ? "enum|open|" : "enum|closed|")
            add(enumeration.rawType.rawValue)
            mark("|")
            for value in enumeration.values {
                add(value.name)
                mark("=")
                if let override = options.nameOverride(model.name, value.name) { add(override) }
                mark("\u{1}")
                add(value.value)
                mark("\u{2}")
            }
        case .union(let union):
            let variants = union.variants.map(\.type).filter { if case .sdkOnly = $0 { false } else { true } }
            add(union.recursive ? "union|t|" : "union|f|")
            for (position, variant) in variants.enumerated() {
                if position > 0 { mark("\u{2}") }
                append(variant, caseNames: true, typeNames: typeNames, index: index)
            }
        }
        text = String(decoding: bytes, as: UTF8.self)
        bytes = []
    }

    private mutating func add(_ piece: String) {
        var piece = piece
        piece.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// One ASCII character (a separator or a flag): a byte, without a string's overhead.
    private mutating func mark(_ character: Unicode.Scalar) {
        bytes.append(UInt8(character.value))
    }

    /// A union's case names come from its alternatives' type names, so inside a union a
    /// reference also keeps its name.
    private mutating func append(_ type: TypeRef, caseNames: Bool, typeNames: [String: String], index: [String: Int]) {
        switch type {
        case .ref(let id):
            guard let target = index[id] else {
                add("ref(")
                add(id)
                mark(")")
                return
            }
            references.append(target)
            if caseNames {
                add("ref(#:")
                add(typeNames[id] ?? "")
                mark(")")
            } else {
                add("ref(#)")
            }
        case .list(let element):
            add("list(")
            append(element, caseNames: caseNames, typeNames: typeNames, index: index)
            mark(")")
        case .map(let value):
            add("map(")
            append(value, caseNames: caseNames, typeNames: typeNames, index: index)
            mark(")")
        case .nullable(let inner):
            add("nullable(")
            append(inner, caseNames: caseNames, typeNames: typeNames, index: index)
            mark(")")
        case .union(let variants):
            add("union(")
            for (position, variant) in variants.enumerated() {
                if position > 0 { mark(",") }
                append(variant, caseNames: true, typeNames: typeNames, index: index)
            }
            mark(")")
        case .const(.string(let value)):
            add("const(string:")
            add(value)
            mark(")")
        case .const(.integer(let value)): add("const(integer:\(value))")
        case .const(.boolean(let value)): add(value ? "const(true)" : "const(false)")
        case .sdkOnly(let label):
            add("sdk(")
            add(label)
            mark(")")
        case .string: add("string")
        case .integer: add("integer")
        case .number: add("number")
        case .boolean: add("boolean")
        case .dateTime: add("dateTime")
        case .date: add("date")
        case .any: add("any")
        }
    }
}
