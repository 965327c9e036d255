import DocgenRender

/// The templates the Swift translator renders, by name (files `Templates/NAME.mustache`).
public enum SwiftTemplate: String, Sendable, CaseIterable {
    case swiftObject = "swift-object"
    case swiftEnum = "swift-enum"
    case swiftUnion = "swift-union"
    case swiftAlias = "swift-alias"
}

/// Every name a Swift template can look up, and what it holds (the doc pages' are in DocgenDocs). Names and strings arrive finished:
/// identifiers are escaped Swift names, `jsonKey`, `constant` and `label` are Swift literals,
/// doc lines are complete comment lines. Templates decide the code around them, never a
/// name or an escape. README "Writing your own templates" lists the same, from `meaning`.
public enum ContextName: Int, Sendable, CaseIterable {
    // Every Swift file.
    case header, comments, imports, typeName, access, doc, conformances, payloadName
    // Objects.
    case fields, hasFields, hasIDProperty, hasValidation, manyProperties, fieldCount, additionalProperties, documentedKeys, nestedUnions
    // Fields (and what several kinds share: `name`, `last`, `constant`, `validatable`, `payloadSchema`).
    case name, last, storageName, type, valueType, wrappedType, jsonKey, required, nullable, deprecated,
         deprecationMessage, constant, boxed, computed, defaultValue, validatable, payloadSchema,
         decodesConstant, decodesNullable, decodesValue
    // Enums.
    case `open`, rawType, largeEnum, cases, literal
    // Unions.
    case indirect, payloadType, label, someCasesUnvalidated
    // Typealiases.
    case canonical

    public static let vocabulary = TemplateVocabulary(allCases.map { "\($0)" })

    /// What the name holds, for the README (a test keeps the two in step).
    public var meaning: String {
        switch self {
        case .header: "object: the file's head (`comments`, `imports`); null in a nested union"
        case .comments: "lines: the head's comment lines, the first docgen's ownership mark"
        case .imports: "lines: module names to import"
        case .typeName: "text: the Swift type's name (of a nested union: its own name)"
        case .access: "text: the access level (`public`, `package` or `internal`)"
        case .doc: "lines: complete `///` doc comment lines (type, field, case)"
        case .conformances: "list of `name`, `last`: the protocols the default code conforms to"
        case .payloadName: "text: a string literal naming the model in payload checks and errors"
        case .fields: "list: the object's fields, in docs order (names below)"
        case .hasFields: "flag: the object has at least one field"
        case .hasIDProperty: "flag: a field's Swift name is `id` (so `Identifiable` needs nothing more)"
        case .hasValidation: "flag: some field, case or extra key has something to validate"
        case .manyProperties: "flag: more than 64 fields (the payload schema is built by appends, which type-check faster)"
        case .fieldCount: "text: the number of fields"
        case .additionalProperties: "object or null: undocumented keys are kept (`valueType`, `validatable`, `payloadSchema`, `documentedKeys`)"
        case .documentedKeys: "list of `jsonKey`, `last`: the documented keys, each once"
        case .nestedUnions: "list: inline unions declared inside the object (union names), rendered by `swift-union-declaration`"
        case .name: "text: the Swift name of a field, case or conformance, escaped where it is a keyword"
        case .last: "flag: the last element of its list"
        case .storageName: "text: where the value is stored (`_name` when `computed`, else `name`)"
        case .type: "text: the field's Swift type as declared (`Swift.Int?`, `DocgenRuntime.Nullable<Pet>`)"
        case .valueType: "text: the field's type without optionality or `Nullable`"
        case .wrappedType: "text: the field's type without optionality (with `Nullable` when nullable)"
        case .jsonKey: "text: the JSON key as a string literal (`\"is_good\"`)"
        case .required: "flag: the key must be present"
        case .nullable: "flag: the value may be JSON `null` (in a union: one alternative is `null`)"
        case .deprecated: "flag: the docs deprecate the field"
        case .deprecationMessage: "text or null: the deprecation message as a string literal"
        case .constant: "text or null: the constant the field or case must hold, as a literal"
        case .boxed: "flag: the field's type reaches back to this object, so it is stored in `DocgenRuntime.Indirect`"
        case .computed: "flag: the public property is computed over `storageName` (boxed or deprecated)"
        case .defaultValue: "text or null: the memberwise initializer's default (`nil`, or the constant)"
        case .validatable: "flag: the value has a `validate(at:into:)` worth calling"
        case .payloadSchema: "text: a `DocgenRuntime.PayloadSchema` expression for the value"
        case .decodesConstant: "flag: decoded by checking `constant` (a constant that is not nullable)"
        case .decodesNullable: "flag: decoded as `DocgenRuntime.Nullable` (three states when optional)"
        case .decodesValue: "flag: decoded as `valueType` (neither of the above)"
        case .open: "flag: the enum keeps values the docs do not list (`unknown(rawType)`)"
        case .rawType: "text: `Swift.String` or `Swift.Int`"
        case .largeEnum: "flag: more than 256 values (`init(rawValue:)` looks values up in a table)"
        case .cases: "list: an enum's values or a union's alternatives, in docs order (unions: narrowest first)"
        case .literal: "text: an enum value as a Swift literal"
        case .indirect: "flag: the union reaches itself by value (`indirect enum`)"
        case .payloadType: "text or null: a union case's payload type (null for a constant case)"
        case .label: "text: a string literal naming the case in decoding errors"
        case .someCasesUnvalidated: "flag: a `switch` over the cases in `validate` needs `default`"
        case .canonical: "text: the type a typealias names (same-shape merging)"
        }
    }
}

/// A context object from names and values, in the order given.
func context(_ pairs: KeyValuePairs<ContextName, TemplateValue>) -> TemplateObject {
    TemplateObject(pairs)
}

extension TemplateValue {
    static func optional(_ text: String?) -> TemplateValue { text.map(TemplateValue.text) ?? .null }

    /// Objects, each told whether it is the last (for separators).
    /// (Consumed, so each object's arrays are extended in place: they were made with room
    /// for one more name.)
    static func listed(_ objects: consuming [TemplateObject]) -> TemplateValue {
        let last = objects.count - 1
        for index in objects.indices {
            objects[index].names.append(ContextName.last.rawValue)
            objects[index].values.append(.flag(index == last))
        }
        return .list(objects.map(TemplateValue.object))
    }

    /// Names as `name`/`last` objects (conformances).
    static func names(_ names: [String]) -> TemplateValue {
        .listed(names.map { context([.name: .text($0)]) })
    }
}
