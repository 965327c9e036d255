import Foundation

/// What a generated type accepts, described as data so a raw payload can be checked against
/// it before (or instead of) decoding. Generated models provide theirs.
public indirect enum PayloadSchema: Sendable {
    case string, integer, number, boolean, dateTime, date, any
    case constant(JSONValue)
    case list(PayloadSchema)
    case map(PayloadSchema)
    case nullable(PayloadSchema)
    case enumeration(name: String, values: [JSONValue], open: Bool)
    case object(name: String, properties: [PayloadProperty], additionalProperties: PayloadSchema?)
    case union(name: String, variants: [PayloadSchema])
    /// Another model's schema, looked up lazily so recursive models terminate.
    case reference(@Sendable () -> PayloadSchema)
}

public struct PayloadProperty: Sendable {
    public var key: String
    public var schema: PayloadSchema
    public var required: Bool
    public var nullable: Bool

    public init(_ key: String, _ schema: PayloadSchema, required: Bool, nullable: Bool = false) {
        self.key = key
        self.schema = schema
        self.required = required
        self.nullable = nullable
    }
}

/// A type with a `PayloadSchema`: every generated model, enum and union.
public protocol PayloadDescribed {
    static var payloadSchema: PayloadSchema { get }
}

/// Checks raw JSON against a generated type and reports **every** violation with JSON
/// Pointer paths — unlike `DecodingError`, which stops at the first. Optional fields accept
/// an explicit `null` (the docs do not always print nullability); unknown keys are allowed.
public enum PayloadValidator {
    public static func validate<T: PayloadDescribed>(_ data: Data, as type: T.Type) -> [ValidationIssue] {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            return [ValidationIssue(path: JSONPointer(), rule: "json", message: "payload is not JSON: \(error)")]
        }
        return validate(value, against: T.payloadSchema)
    }

    public static func validate(_ value: JSONValue, against schema: PayloadSchema) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        check(value, schema, at: JSONPointer(), into: &issues)
        return issues
    }

    static func check(_ value: JSONValue, _ schema: PayloadSchema, at path: JSONPointer, into issues: inout [ValidationIssue]) {
        func wrongType(_ expected: String) {
            issues.append(ValidationIssue(path: path, rule: value == .null ? "null" : "type",
                                          message: "expected \(expected), found \(value.typeName)"))
        }
        switch schema {
        case .any:
            return
        case .reference(let target):
            check(value, target(), at: path, into: &issues)
        case .nullable(let inner):
            if value != .null { check(value, inner, at: path, into: &issues) }
        case .string:
            if case .string = value {} else { wrongType("string") }
        case .integer:
            switch value {
            case .integer: break
            case .double(let d) where d.rounded() == d && abs(d) < 9.2e18: break
            default: wrongType("integer")
            }
        case .number:
            switch value {
            case .integer, .double: break
            default: wrongType("number")
            }
        case .boolean:
            if case .bool = value {} else { wrongType("boolean") }
        case .dateTime:
            guard case .string(let text) = value else { return wrongType("an RFC 3339 date-time string") }
            if DateTime(rfc3339: text) == nil {
                issues.append(ValidationIssue(path: path, rule: "format.date-time", message: "'\(text)' is not an RFC 3339 date-time"))
            }
        case .date:
            guard case .string(let text) = value else { return wrongType("a date string") }
            if CalendarDate(iso8601: text) == nil {
                issues.append(ValidationIssue(path: path, rule: "format.date", message: "'\(text)' is not a calendar date (YYYY-MM-DD)"))
            }
        case .constant(let expected):
            if value != expected {
                issues.append(ValidationIssue(path: path, rule: "const", message: "expected the constant \(render(expected)), found \(render(value))"))
            }
        case .list(let element):
            guard case .array(let elements) = value else { return wrongType("array") }
            for (index, element_) in elements.enumerated() { check(element_, element, at: path.appending(index), into: &issues) }
        case .map(let valueSchema):
            guard case .object(let members) = value else { return wrongType("object") }
            for key in members.keys.sorted() { check(members[key]!, valueSchema, at: path.appending(key), into: &issues) }
        case .enumeration(let name, let values, let open):
            let expectsInteger = values.first.map { if case .integer = $0 { true } else { false } } ?? false
            switch value {
            case .string where !expectsInteger, .integer where expectsInteger:
                if !open, !values.contains(value) {
                    issues.append(ValidationIssue(path: path, rule: "enum", message: "\(render(value)) is not a value of \(name)"))
                }
            default:
                wrongType(expectsInteger ? "integer" : "string")
            }
        case .object(_, let properties, let additional):
            guard case .object(let members) = value else { return wrongType("object") }
            for property in properties {
                guard let member = members[property.key] else {
                    if property.required {
                        issues.append(ValidationIssue(path: path.appending(property.key), rule: "required",
                                                      message: "required key '\(property.key)' is missing"))
                    }
                    continue
                }
                if member == .null {
                    if property.nullable || !property.required { continue }
                    issues.append(ValidationIssue(path: path.appending(property.key), rule: "null",
                                                  message: "'\(property.key)' is required and may not be null"))
                    continue
                }
                check(member, property.schema, at: path.appending(property.key), into: &issues)
            }
            if let additional {
                let documented = Set(properties.map(\.key))
                for key in members.keys.sorted() where !documented.contains(key) {
                    check(members[key]!, additional, at: path.appending(key), into: &issues)
                }
            }
        case .union(let name, let variants):
            var reasons: [String] = []
            for variant in variants {
                var variantIssues: [ValidationIssue] = []
                check(value, variant, at: path, into: &variantIssues)
                if variantIssues.isEmpty { return }
                reasons.append(variantIssues.map(\.description).joined(separator: ", "))
            }
            issues.append(ValidationIssue(path: path, rule: "union",
                                          message: "matches no alternative of \(name): " + reasons.joined(separator: " | ")))
        }
    }

    static func render(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): "\"\(s)\""
        case .integer(let n): String(n)
        case .double(let d): String(d)
        case .bool(let b): String(b)
        case .null: "null"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
