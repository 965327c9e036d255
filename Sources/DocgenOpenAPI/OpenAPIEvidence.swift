import DocgenDiagnostics
import DocgenDialects
import DocgenInput
import DocgenSchema

/// `--openapi`: the vendor's OpenAPI document as evidence for what the docs cannot say.
///
///     Schema (from the docs) + OpenAPIDocument ─OpenAPIEvidence─▶ Schema (facts filled, each with its source)
///
/// It fills: the exact wire keys; nullability where the docs do not say it (they print that a
/// value may be null, never reliably that it may not: `Field.sources.nullable` is `rule`);
/// integer against number where one word covers both (`Dialect.numberCoversIntegers`; in fields
/// and in a union's members); an
/// enum's raw type where only the dialect's rule decided it; the members of a union no doc
/// lists; the properties a model's doc leaves out, and the keys it keeps besides
/// (`additionalProperties`). Where the docs say something else, the docs win and an
/// `openapi.conflict` warning points at both. One `openapi.evidence` note counts what was filled.
public struct OpenAPIEvidence: Sendable {
    public let document: OpenAPIDocument
    public let dialect: Dialect

    public init(document: OpenAPIDocument, dialect: Dialect) {
        self.document = document
        self.dialect = dialect
    }

    /// What one application changed, for the run's note and for tests.
    public struct Counts: Sendable, Equatable {
        public var matchedModels = 0
        public var keys = 0
        public var nullable = 0
        public var integers = 0
        public var enumRawTypes = 0
        public var unionMembers = 0
        public var addedFields = 0
        public var undocumentedTypes = 0
        public var additionalProperties = 0
        public var matchedOperations = 0
        public var endpoints = 0
        public var parameterPlaces = 0
        public var successStatuses = 0
        public var errorStatuses = 0
        public var conflicts = 0

        mutating func add(_ other: Counts) {
            matchedModels += other.matchedModels; keys += other.keys; nullable += other.nullable; integers += other.integers
            enumRawTypes += other.enumRawTypes; unionMembers += other.unionMembers; addedFields += other.addedFields
            additionalProperties += other.additionalProperties; undocumentedTypes += other.undocumentedTypes; matchedOperations += other.matchedOperations
            endpoints += other.endpoints; parameterPlaces += other.parameterPlaces; successStatuses += other.successStatuses
            errorStatuses += other.errorStatuses; conflicts += other.conflicts
        }
    }

    /// The schema with the document's facts applied; `filledUnions` are the models whose
    /// members came from the document (their `union.members-unknown` warning no longer holds).
    public func apply(to schema: Schema, diagnostics: inout Diagnostics) -> (schema: Schema, counts: Counts, filledUnions: Set<String>) {
        let matches = SchemaMatches(schema, document)
        var counts = Counts()
        var filled: Set<String> = []
        var models = schema.models
        var position: [String: Int] = [:]
        for (index, model) in models.enumerated() { position[model.id] = index }
        let types = TypeTranslation(document: document, modelForComponent: matches.modelForComponent)
        let evidence = OperationEvidence(document: document, integers: dialect.numberCoversIntegers ? types : nil,
                                        modelForComponent: matches.modelForComponent)
        let bodies = evidence.bodyMatches(schema.operations, models: models, except: Set(matches.all.map(\.modelID)))
        // Each matched model on its own, on all cores; counts and diagnostics are merged in the
        // matches' order, so the output does not depend on scheduling.
        let applied = (matches.all + bodies).concurrentMap { [models, position] match -> (index: Int, kind: Model.Kind, counts: Counts, diagnostics: Diagnostics, filled: Bool)? in
            guard let index = position[match.modelID] else { return nil }
            var counts = Counts(matchedModels: 1), diagnostics = Diagnostics(), filled = false
            let model = models[index]
            switch model.kind {
            case .object(var object):
                apply(match, to: &object, model: model, types: types, counts: &counts, diagnostics: &diagnostics)
                return (index, .object(object), counts, diagnostics, false)
            case .enumeration(var enumeration):
                apply(match, to: &enumeration, model: model, counts: &counts, diagnostics: &diagnostics)
                return (index, .enumeration(enumeration), counts, diagnostics, false)
            case .union(var union):
                filled = apply(match, to: &union, model: model, types: types, counts: &counts, diagnostics: &diagnostics)
                return (index, .union(union), counts, diagnostics, filled)
            }
        }
        for case let (index, kind, modelCounts, modelDiagnostics, wasFilled)? in applied {
            models[index].kind = kind
            counts.add(modelCounts)
            diagnostics.append(contentsOf: modelDiagnostics)
            if wasFilled { filled.insert(models[index].id) }
        }
        var operations = schema.operations
        evidence.apply(to: &operations, models: &models, counts: &counts, diagnostics: &diagnostics)
        var result = Schema(models: models, operations: operations, dialect: schema.dialect)
        result.servers = schema.servers.isEmpty ? evidence.servers : schema.servers
        result.securitySchemes = evidence.securitySchemes(replacing: schema.securitySchemes)
        CycleFinder.markCycles(in: &result)
        let filledFacts: [(Int, String)] = [
            (counts.keys, "wire keys"), (counts.nullable, "nullable fields"), (counts.integers, "integer types"),
            (counts.enumRawTypes, "enum raw types"), (counts.unionMembers, "union member lists"), (counts.addedFields, "fields the docs leave out"),
            (counts.additionalProperties, "models that keep other keys"),
        ] + (counts.undocumentedTypes == 0 ? [] : [(counts.undocumentedTypes, "field types the docs name and do not describe")])
        let operationFacts: [(Int, String)] = [
            (counts.endpoints, "endpoints"), (counts.parameterPlaces, "parameter places or wire names"), (counts.successStatuses, "success statuses"),
            (counts.errorStatuses, "error statuses the docs leave out"),
        ]
        let standIns = models.count { $0.location.file == document.path }
        diagnostics.note(.openapiEvidence,
                         "\(counts.matchedModels) models matched a component schema"
                            + (standIns == 0 ? "" : " (\(standIns) of them stand-ins for models the docs name and do not describe)")
                            + "; filled "
                            + filledFacts.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
                            + (schema.operations.isEmpty ? "" : "; \(counts.matchedOperations) of \(schema.operations.count) operations matched, filled "
                                + operationFacts.map { "\($0.0) \($0.1)" }.joined(separator: ", "))
                            + "; \(counts.conflicts) disagreements with the docs (the docs win)",
                         at: SourceLocation(file: document.path, line: 1, column: 1))
        return (result, counts, filled)
    }

    // MARK: Objects

    private func apply(_ match: SchemaMatches.Match, to object: inout ObjectModel, model: Model, types: TypeTranslation,
                       counts: inout Counts, diagnostics: inout Diagnostics) {
        let properties = document.properties(of: match.schema)
        // A free-form object constrains no property the docs could disagree with.
        guard !properties.isEmpty else { return }
        let required = document.requiredWithoutDefaults(of: match.schema, properties: properties)
        var byKey: [String: Int] = [:]
        var byNormalised: [String: Int] = [:]
        for (index, property) in properties.enumerated() {
            byKey[property.key] = index
            byNormalised[JSONKeyRule.normalised(property.key), default: index] = index
            // An SDK name may not start with a digit: Go's field `OneAi` is the key `01ai`.
            if let spelled = NumberWords.spellingLeadingNumber(property.key) {
                byNormalised[JSONKeyRule.normalised(spelled), default: index] = index
            }
        }
        var taken = Set<Int>()
        for f in object.fields.indices {
            var field = object.fields[f]
            if case .sdkOnly = field.type { continue }
            guard let index = byKey[field.jsonKey] ?? byNormalised[JSONKeyRule.normalised(field.name)], taken.insert(index).inserted else {
                continue
            }
            let property = properties[index]
            let propertySchema = property.value
            if field.jsonKey != property.key {
                field.jsonKey = property.key
                counts.keys += 1
            }
            if field.sources.jsonKey != .config { field.sources.jsonKey = .openapi }
            let isRequired = required.contains(property.key)
            if isRequired != field.required {
                conflict("the docs say \(field.required ? "required" : "optional"); the OpenAPI document says \(isRequired ? "required" : "optional")",
                         field: field, model: model, property: property, counts: &counts, diagnostics: &diagnostics)
            }
            let nullable = document.isNullable(propertySchema)
            if nullable != field.nullable {
                if field.sources.nullable == .rule {
                    field.nullable = nullable
                    field.sources.nullable = .openapi
                    counts.nullable += 1
                } else {
                    conflict("the docs say \(field.nullable ? "nullable" : "not nullable"); the OpenAPI document says \(nullable ? "nullable" : "not nullable")",
                             field: field, model: model, property: property, counts: &counts, diagnostics: &diagnostics)
                }
            }
            // An inline type the docs name and do not describe (`*models.Ignore*[]`, Speakeasy's
            // name for an inline union): the document's type where the docs' reads any JSON value.
            if field.sources.type == .rule {
                let filled = types.filling(field.type, from: propertySchema)
                if filled != field.type {
                    field.type = filled
                    field.sources.type = .openapi
                    counts.undocumentedTypes += 1
                }
            }
            if dialect.numberCoversIntegers, let refined = types.integers(in: field.type, schema: propertySchema), refined != field.type {
                field.type = refined
                field.sources.type = .openapi
                counts.integers += 1
            }
            object.fields[f] = field
        }
        // Keys no property names: the document may keep them where the doc prints no pseudo-field.
        if object.additionalProperties == nil, let extra = OpenAPIDocument.member("additionalProperties", of: match.schema) {
            switch extra.value {
            case .bool(true): object.additionalProperties = .any
            case .object(let members) where members.isEmpty: object.additionalProperties = .any
            case .object: object.additionalProperties = types.type(of: extra)
            default: break
            }
            if object.additionalProperties != nil {
                object.additionalPropertiesSource = .openapi
                counts.additionalProperties += 1
            }
        }
        // What the doc leaves out is still sent: a field for each, entirely from the document.
        for (index, property) in properties.enumerated() where !taken.contains(index) {
            guard !object.fields.contains(where: { $0.jsonKey == property.key }) else { continue }
            let schema = document.dereferenced(property.value)
            var description = ""
            if case .string(let text)? = OpenAPIDocument.member("description", of: schema)?.value { description = text }
            object.fields.append(Field(
                name: property.key, jsonKey: property.key, required: required.contains(property.key), nullable: document.isNullable(schema),
                deprecation: nil, description: description, example: nil, type: types.type(of: property.value),
                location: document.location(of: property),
                sources: Field.Sources(jsonKey: .openapi, type: .openapi, required: .openapi, nullable: .openapi)))
            counts.addedFields += 1
        }
    }

    private func conflict(_ message: String, field: Field, model: Model, property: LocatedJSON.Member,
                          counts: inout Counts, diagnostics: inout Diagnostics) {
        counts.conflicts += 1
        diagnostics.warning(.openapiConflict, "field '\(field.name)' of \(model.name): \(message); the docs win", at: field.location,
                            notes: [.init("the OpenAPI document's property '\(property.key)'", at: document.location(of: property))])
    }

    // MARK: Enums

    private func apply(_ match: SchemaMatches.Match, to enumeration: inout EnumModel, model: Model,
                       counts: inout Counts, diagnostics: inout Diagnostics) {
        let (values, integer) = document.enumValues(of: match.schema)
        guard !values.isEmpty else { return }
        if enumeration.values.isEmpty {  // a stand-in (no doc lists no values): the document's are the model's
            enumeration.values = values.map { EnumValue(name: $0, value: $0, location: document.location(of: match.schema)) }
            enumeration.rawType = integer && values.allSatisfy({ Int($0) != nil }) ? .integer : .string
            enumeration.rawTypeSource = .openapi
            return
        }
        let documented = enumeration.values.map(\.value)
        if Set(values) != Set(documented) {
            counts.conflicts += 1
            let onlyThere = values.filter { !documented.contains($0) }, onlyHere = documented.filter { !values.contains($0) }
            diagnostics.warning(.openapiConflict,
                                "enum \(model.name): the OpenAPI document's values differ (only there: \(Self.listed(onlyThere)); only in the docs: \(Self.listed(onlyHere))); the docs win",
                                at: model.location, notes: [.init("the OpenAPI document's schema", at: document.location(of: match.schema))])
        }
        // The doc did not say (no marker, no quotes): the document decides.
        guard enumeration.rawTypeSource == .rule else { return }
        let rawType: EnumModel.RawType = integer && documented.allSatisfy({ Int($0) != nil }) ? .integer : .string
        if rawType != enumeration.rawType { counts.enumRawTypes += 1 }
        enumeration.rawType = rawType
        enumeration.rawTypeSource = .openapi
    }

    static func listed(_ values: [String]) -> String {
        values.isEmpty ? "none" : values.prefix(6).map { "'\($0)'" }.joined(separator: ", ") + (values.count > 6 ? ", …" : "")
    }

    // MARK: Unions

    /// Returns whether the members came from the document.
    private func apply(_ match: SchemaMatches.Match, to union: inout UnionModel, model: Model, types: TypeTranslation,
                       counts: inout Counts, diagnostics: inout Diagnostics) -> Bool {
        let alternatives = document.alternatives(of: match.schema)
        guard !alternatives.isEmpty else { return false }
        if union.variantsSource == .rule {
            union.variants = alternatives.map { Variant(type: types.type(of: $0), location: document.location(of: $0)) }
            union.variantsSource = .openapi
            counts.unionMembers += 1
            return true
        }
        if dialect.numberCoversIntegers, case .union(let refined)? = types.integers(in: .union(union.variants.map(\.type)), schema: match.schema) {
            for index in union.variants.indices where union.variants[index].type != refined[index] {
                union.variants[index].type = refined[index]
                counts.integers += 1
            }
        }
        if alternatives.count != union.variants.count {
            counts.conflicts += 1
            diagnostics.warning(.openapiConflict,
                                "union \(model.name): the docs list \(union.variants.count) members; the OpenAPI document, \(alternatives.count); the docs win",
                                at: model.location, notes: [.init("the OpenAPI document's schema", at: document.location(of: match.schema))])
        }
        return false
    }
}

/// An OpenAPI schema as an IR type: a component is its model, where a doc describes it.
struct TypeTranslation: Sendable {
    let document: OpenAPIDocument
    let modelForComponent: [String: String]

    func type(of schema: LocatedJSON, depth: Int = 0) -> TypeRef {
        if let name = document.componentName(referencedBy: schema), let id = modelForComponent[name] { return .ref(id) }
        guard depth < 16 else { return .any }
        let schema = document.dereferenced(schema)
        if OpenAPIDocument.member("properties", of: schema) == nil, let wrapped = document.annotatedSchema(schema) {
            return type(of: wrapped, depth: depth + 1)
        }
        let alternatives = document.alternatives(of: schema)
        if alternatives.count == 1 { return type(of: alternatives[0], depth: depth + 1) }
        if alternatives.count > 1 { return .union(alternatives.map { type(of: $0, depth: depth + 1) }) }
        if let constant = OpenAPIDocument.member("const", of: schema) {
            switch constant.value {
            case .string(let text): return .const(.string(text))
            case .bool(let flag): return .const(.boolean(flag))
            case .number(let text, true): if let value = Int(text) { return .const(.integer(value)) }
            default: break
            }
        }
        switch document.types(of: schema).first(where: { $0 != "null" }) {
        case "string"?:
            switch OpenAPIDocument.string("format", of: schema) {
            case "date-time"?: return .dateTime
            case "date"?: return .date
            default: return .string
            }
        case "integer"?: return .integer
        case "number"?: return .number
        case "boolean"?: return .boolean
        case "array"?: return .list(OpenAPIDocument.member("items", of: schema).map { type(of: $0, depth: depth + 1) } ?? .any)
        default:
            if let values = OpenAPIDocument.member("additionalProperties", of: schema), case .object(let members) = values.value, !members.isEmpty,
               OpenAPIDocument.member("properties", of: schema) == nil {
                return .map(type(of: values, depth: depth + 1))
            }
            return .any
        }
    }

    /// `type` with each `any` the schema says more of replaced by the schema's type (through
    /// lists, maps and nullable layers of the same shape).
    func filling(_ type: TypeRef, from schema: LocatedJSON, depth: Int = 0) -> TypeRef {
        guard depth < 16 else { return type }
        switch type {
        case .any:
            return self.type(of: schema)
        case .list(let element):
            let schema = document.dereferenced(schema)
            guard document.types(of: schema).contains("array"), let items = OpenAPIDocument.member("items", of: schema) else { return type }
            return .list(filling(element, from: items, depth: depth + 1))
        case .map(let value):
            let schema = document.dereferenced(schema)
            guard let values = OpenAPIDocument.member("additionalProperties", of: schema), case .object = values.value else { return type }
            return .map(filling(value, from: values, depth: depth + 1))
        case .nullable(let inner):
            return .nullable(filling(inner, from: schema, depth: depth + 1))
        default:
            return type
        }
    }

    /// `type` with each `number` the schema types `integer` made an integer (through lists,
    /// maps and nullable layers); `nil` when the shapes differ.
    func integers(in type: TypeRef, schema: LocatedJSON, depth: Int = 0) -> TypeRef? {
        guard depth < 16 else { return nil }
        let schema = document.dereferenced(schema)
        let alternatives = document.alternatives(of: schema)
        if alternatives.count == 1 { return integers(in: type, schema: alternatives[0], depth: depth + 1) }
        switch type {
        case .number:
            return document.types(of: schema).contains("integer") ? .integer : .number
        case .list(let element):
            guard let items = OpenAPIDocument.member("items", of: schema) else { return nil }
            return integers(in: element, schema: items, depth: depth + 1).map(TypeRef.list)
        case .map(let value):
            guard let values = OpenAPIDocument.member("additionalProperties", of: schema) else { return nil }
            return integers(in: value, schema: values, depth: depth + 1).map(TypeRef.map)
        case .nullable(let inner):
            return integers(in: inner, schema: schema, depth: depth + 1).map(TypeRef.nullable)
        case .union(let members):
            // Member by member, in the document's order (the docs list them so); a member the
            // schema does not refine stays as the docs wrote it.
            guard members.count == alternatives.count else { return nil }
            return .union(zip(members, alternatives).map { integers(in: $0, schema: $1, depth: depth + 1) ?? $0 })
        default:
            return nil
        }
    }
}
