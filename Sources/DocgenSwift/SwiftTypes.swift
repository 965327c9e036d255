import DocgenSchema

/// How IR types are spelled in Swift and in a `PayloadSchema`. Declarations qualify builtins
/// fully, so a model called `String` or `Date` cannot capture them; a reader's spelling
/// (`qualified` false, for reports) leaves the modules out and is otherwise the same.
struct SwiftTypeSpeller: Sendable {
    /// Model id → Swift type name.
    let typeNames: [String: String]
    /// Model id → kind, for `PayloadSchema` references.
    let models: [String: Model]
    let qualified: Bool

    /// The prefix of a runtime type (`DocgenRuntime.`), empty when unqualified.
    var runtime: String { qualified ? "DocgenRuntime." : "" }

    /// Inline unions become nested types named after their field; `nested` is that name.
    func swiftType(_ type: TypeRef, nested: String) -> String {
        guard qualified else { return readableType(type, nested: nested) }
        switch type {
        case .string: return "Swift.String"
        case .integer: return "Swift.Int"
        case .number: return "Swift.Double"
        case .boolean: return "Swift.Bool"
        case .dateTime: return "DocgenRuntime.DateTime"
        case .date: return "DocgenRuntime.CalendarDate"
        case .any: return "DocgenRuntime.JSONValue"
        case .list(let element): return "[\(swiftType(element, nested: nested))]"
        case .map(let value): return "[Swift.String: \(swiftType(value, nested: nested))]"
        case .ref(let id): return typeNames[id] ?? "DocgenRuntime.JSONValue"
        case .const(let value): return constType(value)
        case .union: return nested
        case .sdkOnly: return "Swift.Never"
        case .nullable(let inner): return swiftType(inner, nested: nested) + "?"
        }
    }

    /// The declaration's spelling without modules. A constant also shows its value
    /// (`String = "card"`), as its property's declaration does, and an inline union without a
    /// nested name shows its alternatives (`String | Int`): a report must tell them apart.
    private func readableType(_ type: TypeRef, nested: String) -> String {
        switch type {
        case .string: "String"
        case .integer: "Int"
        case .number: "Double"
        case .boolean: "Bool"
        case .dateTime: "DateTime"
        case .date: "CalendarDate"
        case .any: "JSONValue"
        case .list(let element): "[\(readableType(element, nested: nested))]"
        case .map(let value): "[String: \(readableType(value, nested: nested))]"
        case .ref(let id): typeNames[id] ?? "JSONValue"
        case .const(let value): "\(constType(value)) = \(constLiteral(value))"
        case .union(let variants): nested.isEmpty ? variants.map { readableType($0, nested: "") }.joined(separator: " | ") : nested
        case .sdkOnly(let label): label
        case .nullable(let inner): readableType(inner, nested: nested) + "?"
        }
    }

    func constType(_ value: ConstValue) -> String {
        switch value {
        case .string: qualified ? "Swift.String" : "String"
        case .integer: qualified ? "Swift.Int" : "Int"
        case .boolean: qualified ? "Swift.Bool" : "Bool"
        }
    }

    func constLiteral(_ value: ConstValue) -> String {
        switch value {
        case .string(let s): SwiftEscaping.stringLiteral(s)
        case .integer(let n): String(n)
        case .boolean(let b): String(b)
        }
    }

    /// A `DocgenRuntime.PayloadSchema` expression (contextual type known, so `.string` etc.).
    func payloadSchema(_ type: TypeRef, nested: String) -> String {
        switch type {
        case .string: ".string"
        case .integer: ".integer"
        case .number: ".number"
        case .boolean: ".boolean"
        case .dateTime: ".dateTime"
        case .date: ".date"
        case .any, .sdkOnly: ".any"
        case .list(let element): ".list(\(payloadSchema(element, nested: nested)))"
        case .map(let value): ".map(\(payloadSchema(value, nested: nested)))"
        case .ref(let id): typeNames[id].map { ".reference { \($0).payloadSchema }" } ?? ".any"
        case .const(let value): ".constant(\(constLiteral(value)))"
        case .union: ".reference { \(nested).payloadSchema }"
        case .nullable(let inner): ".nullable(\(payloadSchema(inner, nested: nested)))"
        }
    }

    /// Whether values of this type carry their own `validate` (models, enums, unions).
    func isValidatable(_ type: TypeRef) -> Bool {
        switch type {
        case .ref(let id): typeNames[id] != nil
        case .union: true
        case .list(let inner), .map(let inner), .nullable(let inner): isValidatable(inner)
        default: false
        }
    }

    /// The type with each inline union inside it any JSON value: where no nested type is
    /// declared for it (a union's member `[A | B]`, the undocumented keys' values), a union
    /// has no Swift type of its own. The OpenAPI document's stand-ins have such members.
    static func anyForInlineUnions(_ type: TypeRef) -> TypeRef {
        switch type {
        case .union: .any
        case .list(let inner): .list(anyForInlineUnions(inner))
        case .map(let inner): .map(anyForInlineUnions(inner))
        case .nullable(let inner): .nullable(anyForInlineUnions(inner))
        default: type
        }
    }

    /// The first inline union inside a type (a field holds at most one nested type).
    func inlineUnion(_ type: TypeRef) -> [TypeRef]? {
        switch type {
        case .union(let variants): variants
        case .list(let inner), .map(let inner), .nullable(let inner): inlineUnion(inner)
        default: nil
        }
    }

    /// Ids of the models a type mentions, for doc links.
    func referencedModels(_ type: TypeRef) -> [String] {
        switch type {
        case .ref(let id): [id]
        case .list(let inner), .map(let inner), .nullable(let inner): referencedModels(inner)
        case .union(let variants): variants.flatMap(referencedModels)
        default: []
        }
    }
}
