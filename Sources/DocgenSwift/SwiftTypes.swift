import DocgenSchema

/// How IR types are spelled in Swift and in a `PayloadSchema`. Builtins are always fully
/// qualified, so a model called `String` or `Date` cannot capture them.
struct SwiftTypeSpeller {
    /// Model id → Swift type name.
    let typeNames: [String: String]
    /// Model id → kind, for `PayloadSchema` references.
    let models: [String: Model]

    /// Inline unions become nested types named after their field; `nested` is that name.
    func swiftType(_ type: TypeRef, nested: String) -> String {
        switch type {
        case .string: "Swift.String"
        case .integer: "Swift.Int"
        case .number: "Swift.Double"
        case .boolean: "Swift.Bool"
        case .dateTime: "DocgenRuntime.DateTime"
        case .date: "DocgenRuntime.CalendarDate"
        case .any: "DocgenRuntime.JSONValue"
        case .list(let element): "[\(swiftType(element, nested: nested))]"
        case .map(let value): "[Swift.String: \(swiftType(value, nested: nested))]"
        case .ref(let id): typeNames[id] ?? "DocgenRuntime.JSONValue"
        case .const(let value): constType(value)
        case .union: nested
        case .sdkOnly: "Swift.Never"
        case .nullable(let inner): swiftType(inner, nested: nested) + "?"
        }
    }

    func constType(_ value: ConstValue) -> String {
        switch value {
        case .string: "Swift.String"
        case .integer: "Swift.Int"
        case .boolean: "Swift.Bool"
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
