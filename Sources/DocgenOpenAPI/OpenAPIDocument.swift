import DocgenDiagnostics
import DocgenInput
import DocgenSchema

/// A vendor's OpenAPI document (JSON or YAML; Speakeasy repositories ship
/// `.speakeasy/out.openapi.yaml`), read for its component schemas: what each says about
/// properties, required sets, nullability, number types, enum values and union members.
/// `$ref`s are followed and `allOf` members merged. Every value keeps its line and column,
/// so a disagreement with the docs can point into the document.
public struct OpenAPIDocument: Sendable {
    /// The path diagnostics name.
    public let path: String
    /// `components.schemas`, in document order.
    public let components: [(name: String, schema: LocatedJSON)]
    /// The whole document (`paths` for operations).
    let root: LocatedJSON
    private let byName: [String: LocatedJSON]
    /// The operations of `paths`, in document order, and the index that finds a doc's
    /// operation among them: built with the document, so on the thread that reads it, while
    /// the docs are still being read.
    private(set) var operations: [OperationEvidence.PathOperation] = []
    private(set) var operationIndex = OperationEvidence.CandidateIndex([])

    public init(_ root: LocatedJSON, path: String) {
        self.path = path
        self.root = root
        var components: [(String, LocatedJSON)] = []
        if let schemas = Self.member("schemas", of: Self.member("components", of: root)), case .object(let members) = schemas.value {
            components = members.map { ($0.key, $0.value) }
        }
        self.components = components
        byName = Dictionary(components, uniquingKeysWith: { first, _ in first })
        operations = OperationEvidence.operations(of: self)
        operationIndex = OperationEvidence.CandidateIndex(operations)
    }

    /// Reads and parses the document at `path`; a problem is one located `openapi.unreadable` error.
    public static func read(path: String, diagnostics: inout Diagnostics) -> OpenAPIDocument? {
        guard case .success(let bytes) = FileSystem.readFile(path) else {
            diagnostics.error(.openapiUnreadable, "cannot read the OpenAPI document '\(path)'", at: nil)
            return nil
        }
        do {
            return OpenAPIDocument(try YAMLReader.parse(String(decoding: bytes, as: UTF8.self)), path: path)
        } catch {
            diagnostics.error(.openapiUnreadable, "the OpenAPI document does not parse: \(error.message)",
                              at: SourceLocation(file: path, line: error.line, column: error.column))
            return nil
        }
    }

    public func location(of value: LocatedJSON) -> SourceLocation {
        SourceLocation(file: path, line: value.line, column: value.column)
    }

    public func location(of member: LocatedJSON.Member) -> SourceLocation {
        SourceLocation(file: path, line: member.line, column: member.column)
    }

    public static func member(_ key: String, of value: LocatedJSON?) -> LocatedJSON? {
        guard case .object(let members)? = value?.value else { return nil }
        return members.last { $0.key == key }?.value
    }

    static func string(_ key: String, of value: LocatedJSON?) -> String? {
        if case .string(let text)? = member(key, of: value)?.value { text } else { nil }
    }

    /// The component a `$ref` (`#/components/schemas/X`) names directly, if it is one.
    public func componentName(referencedBy schema: LocatedJSON) -> String? {
        guard let reference = Self.string("$ref", of: schema), let name = reference.split(separator: "/").last,
              byName[String(name)] != nil else { return nil }
        return String(name)
    }

    /// The value a `$ref` names, followed to the end: a component schema by name, anything
    /// else (`#/components/parameters/q`, `#/components/responses/400`) by its JSON pointer.
    public func dereferenced(_ schema: LocatedJSON) -> LocatedJSON {
        var current = schema
        var seen: Set<String> = []
        while let reference = Self.string("$ref", of: current), seen.insert(reference).inserted, let target = resolve(reference) {
            current = target
        }
        return current
    }

    /// A JSON pointer's token as a key: `~1` is `/`, `~0` is `~`.
    private static func unescaped(_ token: Substring) -> String {
        guard token.contains("~") else { return String(token) }
        var result = ""
        var escape = false
        for character in token {
            if escape {
                result.append(character == "1" ? "/" : character == "0" ? "~" : character)
                escape = false
            } else if character == "~" {
                escape = true
            } else {
                result.append(character)
            }
        }
        return result
    }

    private func resolve(_ reference: String) -> LocatedJSON? {
        let schemas = "#/components/schemas/"
        if reference.hasPrefix(schemas), !reference.dropFirst(schemas.count).contains("/") {
            return byName[Self.unescaped(reference.dropFirst(schemas.count))]
        }
        guard reference.hasPrefix("#/") else { return nil }
        var current: LocatedJSON? = root
        for token in reference.dropFirst(2).split(separator: "/", omittingEmptySubsequences: false) {
            current = Self.member(Self.unescaped(token), of: current)
        }
        return current
    }

    /// The properties of an object schema, `allOf` members merged (the first definition of a
    /// key wins), in document order.
    public func properties(of schema: LocatedJSON, depth: Int = 0) -> [LocatedJSON.Member] {
        let schema = dereferenced(schema)
        var result: [LocatedJSON.Member] = []
        if case .object(let members)? = Self.member("properties", of: schema)?.value { result = members }
        for part in allOf(schema, depth: depth) {
            var seen = Set(result.map(\.key))
            for property in properties(of: part, depth: depth + 1) where seen.insert(property.key).inserted {
                result.append(property)
            }
        }
        return result
    }

    /// The required property names, `allOf` members merged.
    public func required(of schema: LocatedJSON, depth: Int = 0) -> Set<String> {
        let schema = dereferenced(schema)
        var result: Set<String> = []
        if case .array(let names)? = Self.member("required", of: schema)?.value {
            for name in names { if case .string(let text) = name.value { result.insert(text) } }
        }
        for part in allOf(schema, depth: depth) { result.formUnion(required(of: part, depth: depth + 1)) }
        return result
    }

    /// The required names among `properties`, less those with a `default`: Speakeasy's SDKs,
    /// and so its docs, make a required property with a default optional.
    public func requiredWithoutDefaults(of schema: LocatedJSON, properties: [LocatedJSON.Member]) -> Set<String> {
        required(of: schema).filter { name in
            properties.first { $0.key == name }.map { Self.member("default", of: dereferenced($0.value)) == nil } ?? false
        }
    }

    private func allOf(_ schema: LocatedJSON, depth: Int) -> [LocatedJSON] {
        guard depth < 32, case .array(let parts)? = Self.member("allOf", of: schema)?.value else { return [] }
        return parts
    }

    /// The one schema an `allOf` wraps beside annotations only (Speakeasy describes a
    /// reference in place as `allOf: [{$ref: X}, {description: …}]`): its type is that schema's.
    public func annotatedSchema(_ schema: LocatedJSON) -> LocatedJSON? {
        let substantive = allOf(schema, depth: 0).filter { part in
            guard case .object(let members) = part.value else { return true }
            return members.contains { !Self.annotations.contains($0.key) }
        }
        return substantive.count == 1 ? substantive[0] : nil
    }

    private static let annotations: Set<String> = ["description", "title", "example", "examples", "nullable", "deprecated", "readOnly", "writeOnly", "default"]

    /// What a model doc describes, in the document's words.
    public enum Kind: String, Sendable {
        case object, enumeration = "enum", union, other
    }

    public func kind(of schema: LocatedJSON) -> Kind {
        let schema = dereferenced(schema)
        if Self.member("enum", of: schema) != nil || Self.member("const", of: schema) != nil { return .enumeration }
        if Self.member("oneOf", of: schema) != nil || Self.member("anyOf", of: schema) != nil { return .union }
        if types(of: schema).contains("object") || Self.member("properties", of: schema) != nil || Self.member("allOf", of: schema) != nil {
            return .object
        }
        return .other
    }

    /// What a doc named after this schema describes: a nullable wrapper's member, an array's
    /// items, a map's values (Speakeasy names those docs after the schema).
    public func unwrapped(_ schema: LocatedJSON) -> LocatedJSON {
        var schema = dereferenced(schema)
        for _ in 0..<8 {
            let members = alternatives(of: schema)
            if members.count == 1, Self.member("properties", of: schema) == nil, nullAlternative(in: schema) {
                schema = dereferenced(members[0])
            } else if types(of: schema).contains("array"), let items = Self.member("items", of: schema) {
                schema = dereferenced(items)
            } else if let values = Self.member("additionalProperties", of: schema), case .object(let members) = values.value,
                      !members.isEmpty, Self.member("properties", of: schema) == nil {
                schema = dereferenced(values)
            } else {
                break
            }
        }
        return schema
    }

    /// The `oneOf`/`anyOf` members, without the `{type: null}` one.
    public func alternatives(of schema: LocatedJSON) -> [LocatedJSON] {
        let schema = dereferenced(schema)
        guard case .array(let members)? = (Self.member("oneOf", of: schema) ?? Self.member("anyOf", of: schema))?.value else { return [] }
        return members.filter { !isNullType(dereferenced($0)) }
    }

    private func nullAlternative(in schema: LocatedJSON) -> Bool {
        guard case .array(let members)? = (Self.member("oneOf", of: schema) ?? Self.member("anyOf", of: schema))?.value else { return false }
        return members.contains { isNullType(dereferenced($0)) }
    }

    private func isNullType(_ schema: LocatedJSON) -> Bool {
        types(of: schema) == ["null"]
    }

    /// `type`, as a list (OpenAPI 3.1 writes `[string, "null"]`).
    public func types(of schema: LocatedJSON) -> [String] {
        switch Self.member("type", of: dereferenced(schema))?.value {
        case .string(let type)?: [type]
        case .array(let items)?: items.compactMap { if case .string(let type) = $0.value { type } else { nil } }
        default: []
        }
    }

    /// The value may be JSON `null`: `nullable: true` (3.0), a `"null"` type (3.1), a `null`
    /// alternative or enum value.
    /// An `allOf` of a reference and a description (Speakeasy's way to describe a reference
    /// in place) is as nullable as what it references.
    public func isNullable(_ schema: LocatedJSON, depth: Int = 0) -> Bool {
        let schema = dereferenced(schema)
        if case .bool(true)? = Self.member("nullable", of: schema)?.value { return true }
        if types(of: schema).contains("null") || nullAlternative(in: schema) { return true }
        if case .array(let values)? = Self.member("enum", of: schema)?.value, values.contains(where: { $0.value == .null }) { return true }
        return allOf(schema, depth: depth).contains { isNullable($0, depth: depth + 1) }
    }

    /// The enum values as the IR writes them (`true` for a boolean, digits for a number),
    /// without `null`; and whether the schema types them as integers.
    public func enumValues(of schema: LocatedJSON) -> (values: [String], integer: Bool) {
        let schema = dereferenced(schema)
        var values: [LocatedJSON] = []
        if case .array(let items)? = Self.member("enum", of: schema)?.value { values = items }
        else if let constant = Self.member("const", of: schema) { values = [constant] }
        let texts: [String] = values.compactMap {
            switch $0.value {
            case .string(let text): text
            case .number(let text, _): text
            case .bool(let flag): flag ? "true" : "false"
            default: nil
            }
        }
        return (texts, types(of: schema).contains("integer"))
    }
}
