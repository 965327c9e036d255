import DocgenDiagnostics
import DocgenSchema

/// Every name one schema's generated Swift has, decided in one place: type names (overrides,
/// folder qualifiers, collisions), properties, enum cases, union cases, nested union types,
/// whether an enum keeps unknown values, and how a type is spelled. The translator asks it
/// while writing code, the docs see its answers through the translator's summaries, and
/// `docgen diff` asks it to talk about the code without writing it, so the three cannot
/// disagree. The rules that turn one doc name into an identifier are `SwiftIdentifiers`'.
public struct SwiftNamer: Sendable {
    public let options: SwiftOptions
    /// Types as declared, builtins module-qualified (`Swift.String`), so a model called
    /// `String` cannot capture them.
    let declared: SwiftTypeSpeller
    /// The same types as a reader writes them (`String`, `DateTime`), for diff reports.
    let readable: SwiftTypeSpeller
    /// Two models given one Swift name: errors that generation reports (the later model of
    /// each pair gets no type name).
    let collisions: Diagnostics

    public init(_ schema: Schema, options: SwiftOptions) {
        self.options = options
        var collisions = Diagnostics()
        let typeNames = Self.typeNames(schema, options: options, diagnostics: &collisions)
        let models = Dictionary(schema.models.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.declared = SwiftTypeSpeller(typeNames: typeNames, models: models, qualified: true)
        self.readable = SwiftTypeSpeller(typeNames: typeNames, models: models, qualified: false)
        self.collisions = collisions
    }

    // MARK: Types

    /// The type a model becomes (a model that lost a name collision still gets its rule's name).
    public func type(_ model: Model) -> String {
        declared.typeNames[model.id] ?? SwiftIdentifiers.typeName(model.name)
    }

    /// The type the model with this id becomes; nil when it has none (a collision).
    public func type(id: String) -> String? {
        declared.typeNames[id]
    }

    /// The nested type an inline union in `field` becomes: named after the field, with `_`
    /// added until it differs from `taken` (the enclosing type's name and its other nested types).
    func nestedUnionType(of field: Field, taken: inout Set<String>) -> String {
        var name = SwiftIdentifiers.typeName(field.name)
        while taken.contains(name) { name += "_" }
        taken.insert(name)
        return name
    }

    /// A field's type as its property declares it: `Nullable<…>` when the API may send
    /// `null`, optional when the field is not required. `nested` names an inline union's type.
    public func fieldType(_ field: Field, nested: String, readable: Bool) -> String {
        fieldTypeLayers(field, nested: nested, speller: readable ? self.readable : declared).declared
    }

    /// The layers of a field's type: the value's, inside `Nullable` if any, then as declared.
    func fieldTypeLayers(_ field: Field, nested: String, speller: SwiftTypeSpeller) -> (value: String, wrapped: String, declared: String) {
        let value = speller.swiftType(field.type, nested: nested)
        let wrapped = field.nullable ? text("\(speller.runtime)Nullable<\(value)>") : value
        return (value, wrapped, field.required ? wrapped : text("\(wrapped)?"))
    }

    /// A type as a reader writes the generated declaration (`[LmsInstructor?]`, `[String: Int]`).
    public func readableType(_ type: TypeRef, nested: String) -> String {
        readable.swiftType(type, nested: nested)
    }

    // MARK: Members

    /// The property a field becomes, as code uses it (`value.default`): never backquoted.
    public func property(_ field: Field, of model: Model) -> String {
        SwiftIdentifiers.bare(propertyDeclaration(field, of: model))
    }

    /// The property a field becomes, as declared (`` `default` ``).
    func propertyDeclaration(_ field: Field, of model: Model) -> String {
        options.nameOverride(model.name, field.name) ?? SwiftIdentifiers.propertyName(field.name)
    }

    /// The case an enum value becomes, as code uses it: never backquoted.
    public func enumCase(_ value: EnumValue, of model: Model) -> String {
        SwiftIdentifiers.bare(enumCaseDeclaration(value, of: model))
    }

    func enumCaseDeclaration(_ value: EnumValue, of model: Model) -> String {
        options.nameOverride(model.name, value.name) ?? SwiftIdentifiers.caseName(value.name)
    }

    /// Whether the generated enum keeps values it does not list (`.unknown`) instead of failing
    /// to decode them: the config's override for this enum, else open when the doc says the enum
    /// is open, else the config's policy.
    public func keepsUnknownValues(_ model: Model) -> Bool {
        guard case .enumeration(let enumeration) = model.kind else { return false }
        return (options.enumOverrides[model.name] ?? (enumeration.open ? .open : options.enumPolicy)) == .open
    }

    /// A union's case names, one per variant (nil for `null`, which is no case), as declared:
    /// each named after its type (`string`, `userList`, `object`), a repeated name numbered.
    func unionCases(_ variants: [TypeRef]) -> [String?] {
        var used: [String: Int] = [:]
        return variants.map { variant in
            if case .nullable = variant { return nil }
            let name = SwiftIdentifiers.caseName(caseStem(variant))
            let bare = SwiftIdentifiers.bare(name)
            used[bare, default: 0] += 1
            return used[bare]! > 1 ? bare + String(used[bare]!) : name
        }
    }

    private func caseStem(_ type: TypeRef) -> String {
        switch type {
        case .string: "string"
        case .integer: "integer"
        case .number: "double"
        case .boolean: "bool"
        case .dateTime: "dateTime"
        case .date: "date"
        case .any, .sdkOnly, .union: "json"
        case .ref(let id): declared.typeNames[id] ?? "json"
        case .const(.string(let s)): s
        case .const(.integer(let n)): text("value\(String(n))")
        case .const(.boolean(let b)): b ? "true" : "false"
        case .list(let element): caseStem(element) + "List"
        case .map(.any): "object"
        case .map(let value): caseStem(value) + "Map"
        case .nullable(let inner): caseStem(inner)
        }
    }

    // MARK: The client (DocgenClient)

    /// Every model's Swift type name, for the client's names to stay clear of.
    public var modelTypeNames: Set<String> { Set(declared.typeNames.values) }

    /// A type as a declaration spells it; an inline union, which has no name outside its
    /// model, is any JSON value.
    public func declaredType(_ type: TypeRef) -> String {
        declared.inlineUnion(type) == nil ? declared.swiftType(type, nested: "") : "DocgenRuntime.JSONValue"
    }

    /// A field of `model` (a request wrapper) as an argument: its property's name and its
    /// declared type, inline unions as the model's nested types (`ListLinksRequest.TagIds`).
    public func arguments(of model: Model) -> [(field: Field, label: String, type: String)] {
        guard case .object(let object) = model.kind, let typeName = type(id: model.id) else { return [] }
        var nestedNames: Set<String> = [typeName]
        return object.fields.compactMap { field in
            if case .sdkOnly = field.type { return nil }
            let nested = declared.inlineUnion(field.type) == nil ? "" : typeName + "." + nestedUnionType(of: field, taken: &nestedNames)
            return (field, propertyDeclaration(field, of: model), fieldType(field, nested: nested, readable: false))
        }
    }

    /// A method's argument for a parameter row: the row's name as a property, its declared type.
    public func argument(_ field: Field) -> (label: String, type: String) {
        let type = declaredType(field.type)
        let wrapped = field.nullable ? "DocgenRuntime.Nullable<\(type)>" : type
        return (SwiftIdentifiers.propertyName(field.name), field.required ? wrapped : wrapped + "?")
    }

    /// A group accessor (`client.accounting`) or an operation's method (`createAccountingAccount`).
    public func clientMember(_ name: String) -> String {
        SwiftIdentifiers.propertyName(name)
    }

    /// A type the client declares (the client, a group, an error), kept clear of `taken`
    /// (the models' names, and the names declared beside it) by a suffix.
    public func clientType(_ name: String, suffix: String, taken: inout Set<String>) -> String {
        var result = SwiftIdentifiers.typeName(name)
        if taken.contains(result) { result += suffix }
        while taken.contains(result) { result += "_" }
        taken.insert(result)
        return result
    }

    // MARK: Type names

    /// Type names by rule or override; two models with one Swift name is an error. A model's
    /// id (`errors/x.md`) names it alone and wins over its title; a title shared across folders
    /// is told apart by folder (`DistinctNames`: `errors/x.md` titled `X` → `XErrors`).
    private static func typeNames(_ schema: Schema, options: SwiftOptions, diagnostics: inout Diagnostics) -> [String: String] {
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
                name = options.nameOverrides[model.name] ?? SwiftIdentifiers.typeName(model.name)
                if let qualifier = qualifiers[model.id] {
                    name = SwiftIdentifiers.typeName(name + qualifier.reversed().map(SwiftIdentifiers.upperCamel).joined())
                }
            }
            return (name, name.lowercased())
        }
        for (position, (model, (name, folded))) in zip(schema.models, candidates).enumerated() {
            if let earlier = first[folded].map({ schema.models[$0] }) {
                // Two docs with one title in one folder were already reported by the reader (model.duplicate).
                guard earlier.name != model.name || DistinctNames.folder(of: earlier.id) != DistinctNames.folder(of: model.id) else { continue }
                diagnostics.error(.nameCollision, "model '\(model.name)' (\(model.id)) becomes the Swift type '\(name)', as '\(earlier.name)' (\(earlier.id)) does; rename one with a name override",
                                  at: model.location, notes: [.init("'\(earlier.name)' is defined here", at: earlier.location)])
                continue
            }
            first[folded] = position
            names[model.id] = name
        }
        return names
    }
}
