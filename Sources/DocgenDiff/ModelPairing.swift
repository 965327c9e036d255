import DocgenSchema

/// Which old model became which new one. Identity is structural: models are paired by the
/// member that reaches them (an operation's response, a field, a union variant), starting
/// from the operations, then leftovers by title, by file and by shape. File names alone would
/// lie: Speakeasy renames colliding types (`SchoolType` → `SchoolType1`) and reuses files.
struct ModelPairing {
    private(set) var forward: [String: String] = [:]
    private(set) var backward: [String: String] = [:]
    private let old: DiffSide
    private let new: DiffSide
    private var queue: [(String, String)] = []

    init(old: DiffSide, new: DiffSide, operations: [OperationPair]) {
        self.old = old
        self.new = new
        for pair in operations {
            pairFields(pair.old.parameters, pair.new.parameters)
            if let a = old.responseBody(pair.old)?.type, let b = new.responseBody(pair.new)?.type { propose(a, b) }
            if let a = pair.old.response, let b = pair.new.response { propose(a, b) }
        }
        drain()
        // Leftovers: by title, then by file, then by a shape no other model shares.
        pairLeftovers(by: { $0.name.lowercased() + "\u{0}" + Self.kindName($0) })
        pairLeftovers(by: { $0.id + "\u{0}" + Self.kindName($0) })
        pairLeftovers(by: Self.shape)
        // A title or file that stays but changes kind (object → enum) is one model changed.
        pairLeftovers(by: { $0.name.lowercased() })
        pairLeftovers(by: { $0.id })
    }

    func newID(for oldID: String) -> String? { forward[oldID] }
    func oldID(for newID: String) -> String? { backward[newID] }

    /// Whether two types are the same Swift type once renamed models are followed.
    func same(_ a: TypeRef, _ b: TypeRef) -> Bool {
        switch (a, b) {
        case (.ref(let x), .ref(let y)): forward[x] == y
        case (.list(let x), .list(let y)), (.map(let x), .map(let y)), (.nullable(let x), .nullable(let y)): same(x, y)
        case (.union(let xs), .union(let ys)): xs.count == ys.count && zip(xs, ys).allSatisfy { same($0, $1) }
        default: a == b
        }
    }

    // MARK: - Structural pairing

    private mutating func pairFields(_ a: [Field], _ b: [Field]) {
        let byKey = Dictionary(b.map { ($0.jsonKey, $0) }, uniquingKeysWith: { first, _ in first })
        for field in a { if let other = byKey[field.jsonKey] { propose(field.type, other.type) } }
    }

    /// Walks two types in step and pairs the models met at the same place.
    private mutating func propose(_ a: TypeRef, _ b: TypeRef) {
        switch (a, b) {
        case (.nullable(let x), _): propose(x, b)
        case (_, .nullable(let y)): propose(a, y)
        case (.list(let x), .list(let y)), (.map(let x), .map(let y)): propose(x, y)
        case (.union(let xs), .union(let ys)) where xs.count == ys.count: for (x, y) in zip(xs, ys) { propose(x, y) }
        case (.ref(let x), .ref(let y)): pair(x, y)
        default: break
        }
    }

    private mutating func pair(_ x: String, _ y: String) {
        guard forward[x] == nil, backward[y] == nil, let a = old.model(x), let b = new.model(y), Self.kindName(a) == Self.kindName(b) else { return }
        // A name that lives on in the other tree is that model's: the member now points elsewhere.
        let sameTitle = a.name.lowercased() == b.name.lowercased()
        guard sameTitle || (!new.titles.contains(a.name.lowercased()) && !old.titles.contains(b.name.lowercased())) else { return }
        forward[x] = y
        backward[y] = x
        queue.append((x, y))
    }

    private mutating func drain() {
        while let (x, y) = queue.popLast() {
            guard let a = old.model(x), let b = new.model(y) else { continue }
            switch (a.kind, b.kind) {
            case (.object(let p), .object(let q)):
                pairFields(p.fields, q.fields)
                if let x = p.additionalProperties, let y = q.additionalProperties { propose(x, y) }
            case (.union(let p), .union(let q)):
                let xs = p.variants.map(\.type), ys = q.variants.map(\.type)
                // Variants naming one title pair first; the rest in order when as many remain.
                var rest: [TypeRef] = []
                var unmatched = ys
                for x in xs {
                    if let title = x.modelID.flatMap(old.model)?.name.lowercased(),
                       let index = unmatched.firstIndex(where: { $0.modelID.flatMap(new.model)?.name.lowercased() == title }) {
                        propose(x, unmatched.remove(at: index))
                    } else {
                        rest.append(x)
                    }
                }
                if rest.count == unmatched.count { for (x, y) in zip(rest, unmatched) { propose(x, y) } }
            default: break
            }
        }
    }

    // MARK: - Leftovers

    private mutating func pairLeftovers(by key: (Model) -> String) {
        var candidates: [String: [String]] = [:]
        for model in new.schema.models where backward[model.id] == nil { candidates[key(model), default: []].append(model.id) }
        var oldCounts: [String: Int] = [:]
        let unpaired = old.schema.models.filter { forward[$0.id] == nil }
        for model in unpaired { oldCounts[key(model), default: 0] += 1 }
        for model in unpaired {
            let k = key(model)
            guard oldCounts[k] == 1, let ids = candidates[k], ids.count == 1 else { continue }
            forward[model.id] = ids[0]
            backward[ids[0]] = model.id
            queue.append((model.id, ids[0]))
        }
        drain()
    }

    /// The kind, with an enum's raw type: an `Int` enum is not a `String` one.
    private static func kindName(_ model: Model) -> String {
        if case .enumeration(let e) = model.kind { "enum-\(e.rawType.rawValue)" } else { model.kindName }
    }

    /// What a model looks like on the wire, names aside: its keys, its values, its variants' shapes.
    private static func shape(_ model: Model) -> String {
        switch model.kind {
        case .object(let object):
            return "object:" + object.fields.map { "\($0.jsonKey)\($0.required ? "!" : "?")" }.sorted().joined(separator: ",")
        case .enumeration(let enumeration):
            return "enum:" + enumeration.values.map(\.value).sorted().joined(separator: ",")
        case .union(let union):
            return "union:\(union.variants.count)"
        }
    }
}

/// An operation present in both trees.
struct OperationPair {
    var old: Operation
    var new: Operation
}
