/// What generated `init(from:)` and `encode(to:)` call for each field, instead of `decode` and
/// `encode`: those names have an overload per primitive type, and choosing among them for
/// thousands of fields was the type checker's largest cost in generated code. One generic
/// function a name leaves nothing to choose (README "Compile time"). Same results, same errors.
extension KeyedDecodingContainer where K == AnyCodingKey {
    @inlinable
    public func decodeField<T: Decodable>(_ type: T.Type, forKey key: AnyCodingKey) throws -> T {
        try decode(type, forKey: key)
    }

    /// `nil` when the key is absent or `null`.
    @inlinable
    public func decodeFieldIfPresent<T: Decodable>(_ type: T.Type, forKey key: AnyCodingKey) throws -> T? {
        try decodeIfPresent(type, forKey: key)
    }
}

extension KeyedEncodingContainer where K == AnyCodingKey {
    @inlinable
    public mutating func encodeField<T: Encodable>(_ value: T, forKey key: AnyCodingKey) throws {
        try encode(value, forKey: key)
    }

    /// Writes nothing for `nil` (no `null`).
    @inlinable
    public mutating func encodeFieldIfPresent<T: Encodable>(_ value: T?, forKey key: AnyCodingKey) throws {
        try encodeIfPresent(value, forKey: key)
    }
}
