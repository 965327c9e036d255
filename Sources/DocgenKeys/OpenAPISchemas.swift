import DocgenInput

/// The component schemas of an OpenAPI document, as far as JSON keys need them: each
/// schema's properties, with `$ref`s followed and `allOf` members merged.
struct OpenAPISchemas {
    /// `components.schemas`, in document order.
    let components: [(name: String, schema: LocatedJSON)]
    private let byName: [String: LocatedJSON]

    init(_ document: LocatedJSON) {
        var components: [(String, LocatedJSON)] = []
        if let schemas = Self.member("schemas", of: Self.member("components", of: document)), case .object(let members) = schemas.value {
            components = members.map { ($0.key, $0.value) }
        }
        self.components = components
        byName = Dictionary(components, uniquingKeysWith: { first, _ in first })
    }

    static func member(_ key: String, of value: LocatedJSON?) -> LocatedJSON? {
        guard case .object(let members)? = value?.value else { return nil }
        return members.last { $0.key == key }?.value
    }

    /// The schema a `$ref` (`#/components/schemas/X`) names, followed to the end.
    func dereferenced(_ schema: LocatedJSON) -> LocatedJSON {
        var current = schema
        var seen: Set<String> = []
        while case .string(let reference)? = Self.member("$ref", of: current)?.value, seen.insert(reference).inserted,
              let name = reference.split(separator: "/").last, let target = byName[String(name)] {
            current = target
        }
        return current
    }

    /// The properties of an object schema, `allOf` members merged (the first definition of a
    /// key wins), in document order.
    func properties(of schema: LocatedJSON, depth: Int = 0) -> [LocatedJSON.Member] {
        let schema = dereferenced(schema)
        var result: [LocatedJSON.Member] = []
        if case .object(let members)? = Self.member("properties", of: schema)?.value { result = members }
        if depth < 32, case .array(let parts)? = Self.member("allOf", of: schema)?.value {
            var seen = Set(result.map(\.key))
            for part in parts {
                for property in properties(of: part, depth: depth + 1) where seen.insert(property.key).inserted {
                    result.append(property)
                }
            }
        }
        return result
    }
}
