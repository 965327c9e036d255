import DocgenSchema

/// Whether a reader decodes every JSON value a writer may send: an app shipped with the old
/// models reading the new API's responses, or the new API reading an old app's requests.
struct WireCheck {
    let reader: DiffSide
    let writer: DiffSide
    /// Whether the reader keeps enum values it does not list: the generated Swift's policy for
    /// an app, the doc's word for the API.
    let keepsUnknown: (Model) -> Bool
    private var memo: [String: Bool] = [:]

    init(reader: DiffSide, writer: DiffSide, keepsUnknown: @escaping (Model) -> Bool) {
        self.reader = reader
        self.writer = writer
        self.keepsUnknown = keepsUnknown
    }

    mutating func accepts(_ r: TypeRef, _ w: TypeRef) -> Bool {
        switch (r, w) {
        case (.any, _): return true
        case (.nullable(let x), .nullable(let y)): return accepts(x, y)
        case (_, .nullable): return false
        case (.nullable(let x), _): return accepts(x, w)
        case (_, .union(let ws)): return ws.allSatisfy { accepts(r, $0) }
        case (.union(let rs), _): return rs.contains { accepts($0, w) }
        case (.list(let x), .list(let y)), (.map(let x), .map(let y)): return accepts(x, y)
        case (.number, .integer): return true
        case (.string, .const(.string)), (.integer, .const(.integer)), (.number, .const(.integer)), (.boolean, .const(.boolean)):
            return true
        case (.ref(let x), .ref(let y)): return models(x, y)
        case (.ref(let x), _):
            guard let model = reader.model(x) else { return false }
            switch model.kind {
            case .union(let union): return union.variants.contains { accepts($0.type, w) }
            case .enumeration(let enumeration):
                switch w {
                case .const(.string(let value)): return keepsUnknown(model) || enumeration.values.contains { $0.value == value }
                case .const(.integer(let value)): return keepsUnknown(model) || enumeration.values.contains { $0.value == String(value) }
                case .string: return enumeration.rawType == .string && keepsUnknown(model)
                case .integer: return enumeration.rawType == .integer && keepsUnknown(model)
                default: return false
                }
            case .object(let object): return object.fields.isEmpty && object.additionalProperties == nil && w == .map(.any)
            }
        case (_, .ref(let y)):
            guard let model = writer.model(y) else { return false }
            switch model.kind {
            case .union(let union): return union.variants.allSatisfy { accepts(r, $0.type) }
            case .enumeration(let enumeration): return r == (enumeration.rawType == .string ? .string : .integer) || r == .number && enumeration.rawType == .integer
            case .object: return r == .map(.any)
            }
        default: return r == w
        }
    }

    private mutating func models(_ x: String, _ y: String) -> Bool {
        let key = x + "\u{0}" + y
        if let known = memo[key] { return known }
        memo[key] = true // a cycle assumes what it is proving
        guard let a = reader.model(x), let b = writer.model(y) else { return false }
        let result: Bool
        switch (a.kind, b.kind) {
        case (.object(let p), .object(let q)):
            let written = Dictionary(q.fields.map { ($0.jsonKey, $0) }, uniquingKeysWith: { first, _ in first })
            result = p.fields.allSatisfy { field in
                guard let other = written[field.jsonKey] else { return !field.required }
                if field.required && !other.required { return false }
                if other.nullable && !field.nullable { return false }
                return accepts(field.type, other.type)
            }
        case (.enumeration(let p), .enumeration(let q)):
            result = p.rawType == q.rawType && (keepsUnknown(a) || Set(q.values.map(\.value)).isSubset(of: p.values.map(\.value)))
        case (.union(let p), .union(let q)):
            result = q.variants.allSatisfy { variant in p.variants.contains { accepts($0.type, variant.type) } }
        case (.union(let p), _):
            result = p.variants.contains { accepts($0.type, .ref(y)) }
        case (_, .union(let q)):
            result = q.variants.allSatisfy { accepts(.ref(x), $0.type) }
        default:
            result = false
        }
        memo[key] = result
        return result
    }
}
