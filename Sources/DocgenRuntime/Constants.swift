extension KeyedDecodingContainer {
    /// Decodes a `Literal[...]` field and checks it has the documented value.
    public func decodeConstant<T: Decodable & Equatable>(_ expected: T, forKey key: Key) throws -> T {
        let value = try decode(T.self, forKey: key)
        guard value == expected else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self,
                                                   debugDescription: "expected the constant \(expected), found \(value)")
        }
        return value
    }

    public func decodeConstantIfPresent<T: Decodable & Equatable>(_ expected: T, forKey key: Key) throws -> T? {
        guard let value = try decodeIfPresent(T.self, forKey: key) else { return nil }
        guard value == expected else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self,
                                                   debugDescription: "expected the constant \(expected), found \(value)")
        }
        return value
    }
}

/// A coding key for any string. Generated models decode and encode with their JSON keys
/// written as string literals (`forKey: "connection_id"`) instead of declaring a `CodingKeys`
/// enum each: one shared key type compiles once, a per-model enum compiles every time.
public struct AnyCodingKey: CodingKey, Hashable, Sendable, ExpressibleByStringLiteral {
    public var stringValue: String
    public var intValue: Int?

    public init(_ string: String) {
        self.stringValue = string
        self.intValue = nil
    }

    public init?(stringValue: String) {
        self.init(stringValue)
    }

    public init?(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }
}

/// Keys the docs do not list, for models that keep them (`__pydantic_extra__`).
public enum AdditionalProperties {
    public static func decode<T: Decodable>(_ type: T.Type, from decoder: any Decoder, documentedKeys: Set<String>) throws -> [String: T] {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        var result: [String: T] = [:]
        for key in container.allKeys where !documentedKeys.contains(key.stringValue) {
            result[key.stringValue] = try container.decode(T.self, forKey: key)
        }
        return result
    }

    public static func encode<T: Encodable>(_ values: [String: T], to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        for key in values.keys.sorted() {
            try container.encode(values[key]!, forKey: AnyCodingKey(key))
        }
    }
}

/// Constants (`Literal[...]`) as union alternatives.
public enum Constant {
    /// Throws unless the value at `decoder` is `expected`.
    public static func check<T: Decodable & Equatable>(_ expected: T, in decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let value = try container.decode(T.self)
        guard value == expected else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected the constant \(expected), found \(value)")
        }
    }

    public static func encode<T: Encodable>(_ value: T, to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    public static func encodeNull(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encodeNil()
    }
}
