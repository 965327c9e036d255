/// What generated `init(from:)` and `encode(to:)` call for each field, instead of `decode` and
/// `encode`: those names have an overload per primitive type, and choosing among them for
/// thousands of fields was the type checker's largest cost in generated code. One generic
/// function a name leaves nothing to choose (Docs/compile-time.md). Same results, same errors.
///
/// At run time the primitives a model holds most still take the container's own overloads
/// (a decoder's generic path decodes a `String` through a nested decoder, about 20% slower);
/// in optimized builds the type checks below fold away.
extension KeyedDecodingContainer where K == AnyCodingKey {
    @inlinable
    public func decodeField<T: Decodable>(_ type: T.Type, forKey key: AnyCodingKey) throws -> T {
        if T.self == String.self { return try decode(String.self, forKey: key) as! T }
        if T.self == Double.self { return try decode(Double.self, forKey: key) as! T }
        if T.self == Bool.self { return try decode(Bool.self, forKey: key) as! T }
        if T.self == Int.self { return try decode(Int.self, forKey: key) as! T }
        return try decode(type, forKey: key)
    }

    /// `nil` when the key is absent or `null`.
    @inlinable
    public func decodeFieldIfPresent<T: Decodable>(_ type: T.Type, forKey key: AnyCodingKey) throws -> T? {
        if T.self == String.self { return try decodeIfPresent(String.self, forKey: key) as! T? }
        if T.self == Double.self { return try decodeIfPresent(Double.self, forKey: key) as! T? }
        if T.self == Bool.self { return try decodeIfPresent(Bool.self, forKey: key) as! T? }
        if T.self == Int.self { return try decodeIfPresent(Int.self, forKey: key) as! T? }
        return try decodeIfPresent(type, forKey: key)
    }
}

extension KeyedEncodingContainer where K == AnyCodingKey {
    @inlinable
    public mutating func encodeField<T: Encodable>(_ value: T, forKey key: AnyCodingKey) throws {
        if T.self == String.self { return try encode(value as! String, forKey: key) }
        if T.self == Double.self { return try encode(value as! Double, forKey: key) }
        if T.self == Bool.self { return try encode(value as! Bool, forKey: key) }
        if T.self == Int.self { return try encode(value as! Int, forKey: key) }
        try encode(value, forKey: key)
    }

    /// Writes nothing for `nil` (no `null`).
    @inlinable
    public mutating func encodeFieldIfPresent<T: Encodable>(_ value: T?, forKey key: AnyCodingKey) throws {
        guard let value else { return }
        try encodeField(value, forKey: key)
    }
}
