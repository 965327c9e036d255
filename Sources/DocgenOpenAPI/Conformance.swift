import DocgenInput
import DocgenSchema

/// How far a schema read from docs agrees with the vendor's OpenAPI document, model by
/// model (`docgen conformance`, Scripts/conformance): for every doc model that is a component
/// schema (`SchemaMatches`), objects must agree on the property set (wire keys) and the
/// required set, enums on their values, unions on their members.
public struct Conformance: Sendable {
    public struct Disagreement: Sendable, Equatable {
        /// `kind`, `property-set`, `required-set`, `enum-values` or `union-members`.
        public var kind: String
        public var modelID: String
        public var component: String
        public var detail: String
    }

    public var matched = 0
    /// Matched models whose docs say nothing to compare: a union no doc lists the members of
    /// (Java's and Ruby's title-only union docs). Not compared, and not in `agreement`; with
    /// `--openapi` the document fills them and they are compared.
    public var silent = 0
    public var disagreements: [Disagreement] = []

    /// Matched models the docs speak about that agree in every respect, in percent.
    public var agreement: Double {
        let disagreeing = Set(disagreements.map(\.modelID)).count, compared = matched - silent
        return compared == 0 ? 100 : 100 * Double(compared - disagreeing) / Double(compared)
    }

    public init(_ schema: Schema, _ document: OpenAPIDocument) {
        let matches = SchemaMatches(schema, document)
        let types = TypeTranslation(document: document, modelForComponent: matches.modelForComponent)
        let described = Set(matches.all.map(\.modelID))
        for match in matches.all {
            guard let model = schema.model(id: match.modelID) else { continue }
            matched += 1
            if case .union(let union) = model.kind, union.variantsSource == .rule {
                silent += 1
                continue
            }
            for (kind, detail) in Self.compare(model, match.schema, document, types, in: schema, described: described) {
                disagreements.append(Disagreement(kind: kind, modelID: model.id, component: match.component, detail: detail))
            }
        }
    }

    /// `described`: the models some component schema describes; a union model outside it is the
    /// docs' name for a union the document writes inline (Go's `BaseInputsUnion1`).
    static func compare(_ model: Model, _ schema: LocatedJSON, _ document: OpenAPIDocument, _ types: TypeTranslation,
                        in ir: Schema, described: Set<String> = []) -> [(String, String)] {
        let kind = document.kind(of: schema)
        guard kind.rawValue == model.kindName else { return [("kind", "OpenAPI: \(kind.rawValue); IR: \(model.kindName)")] }
        switch model.kind {
        case .object(let object):
            let properties = document.properties(of: schema)
            // A free-form object constrains no property the docs could disagree with.
            guard !properties.isEmpty else { return [] }
            let keys = Set(properties.map(\.key))
            let required = document.requiredWithoutDefaults(of: schema, properties: properties)
            // An SDK-side field (a response's `raw_response`) is no property, unless the document
            // has its key (C#'s `Data` of `*byte[]*` is the binary property `data`).
            let fields = object.fields.filter { if case .sdkOnly = $0.type { keys.contains($0.jsonKey) } else { true } }
            let irKeys = Set(fields.map(\.jsonKey)), irRequired = Set(fields.filter(\.required).map(\.jsonKey))
            if irKeys != keys {
                return [("property-set", "OpenAPI only: \(listed(keys.subtracting(irKeys))); IR only: \(listed(irKeys.subtracting(keys)))")]
            }
            if irRequired != required {
                return [("required-set", "required only in OpenAPI: \(listed(required.subtracting(irRequired))); only in the IR: \(listed(irRequired.subtracting(required)))")]
            }
        case .enumeration(let enumeration):
            let values = Set(document.enumValues(of: schema).values), irValues = Set(enumeration.values.map(\.value))
            if values != irValues {
                return [("enum-values", "OpenAPI only: \(listed(values.subtracting(irValues))); IR only: \(listed(irValues.subtracting(values)))")]
            }
        case .union(let union):
            let members = document.alternatives(of: schema).map { types.type(of: $0) }
            let irMembers = union.variants.map { inlined($0.type, in: ir, described: described) }
            if !Self.pair(members, irMembers) {
                return [("union-members", "OpenAPI: \(members.map(SchemaDump.tree).joined(separator: " | ")); IR: \(irMembers.map(SchemaDump.tree).joined(separator: " | "))")]
            }
        }
        return []
    }

    /// An IR member as the document would write it: an enum model is the inline enum of its raw
    /// type (`{type: string, enum: [auto]}`), and a union model no component describes is the
    /// inline union of its members.
    static func inlined(_ type: TypeRef, in ir: Schema, described: Set<String>, seen: Set<String> = []) -> TypeRef {
        func inner(_ type: TypeRef) -> TypeRef { inlined(type, in: ir, described: described, seen: seen) }
        switch type {
        case .ref(let id):
            switch ir.model(id: id)?.kind {
            case .enumeration(let e)?: return e.rawType == .integer ? .integer : .string
            case .union(let u)? where !described.contains(id) && !seen.contains(id):
                return .union(u.variants.map { inlined($0.type, in: ir, described: described, seen: seen.union([id])) })
            default: return type
            }
        case .list(let element): return .list(inner(element))
        case .map(let value): return .map(inner(value))
        case .nullable(let wrapped): return .nullable(inner(wrapped))
        case .union(let members): return .union(members.map(inner))
        default: return type
        }
    }

    /// The members pair up one to one: the same type first, then types that agree where one
    /// side is any JSON value (a doc prints `mixed` or `Object`; an inline object schema has no
    /// model to name).
    static func pair(_ members: [TypeRef], _ irMembers: [TypeRef]) -> Bool {
        guard members.count == irMembers.count else { return false }
        var left: [TypeRef] = [], right = irMembers
        for member in members {
            if let index = right.firstIndex(of: member) { right.remove(at: index) } else { left.append(member) }
        }
        for member in left {
            guard let index = right.firstIndex(where: { agree(member, $0) }) else { return false }
            right.remove(at: index)
        }
        return true
    }

    /// One type agrees with another: the same, any JSON value on either side, or containers and
    /// unions whose parts agree.
    static func agree(_ type: TypeRef, _ irType: TypeRef) -> Bool {
        switch (type, irType) {
        case _ where type == irType: true
        case (.any, _), (_, .any): true
        case (.list(let a), .list(let b)), (.map(let a), .map(let b)), (.nullable(let a), .nullable(let b)): agree(a, b)
        case (.union(let a), .union(let b)): pair(a, b)
        default: false
        }
    }

    static func listed(_ values: Set<String>) -> String {
        values.isEmpty ? "none" : "[" + values.sorted().prefix(6).joined(separator: ", ") + (values.count > 6 ? ", …" : "") + "]"
    }
}
