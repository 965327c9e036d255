/// A value the API may send as JSON `null`, distinct from an absent key.
///
/// A field that is optional *and* nullable is `Nullable<T>?`, three states:
/// `nil` (key absent), `.null` (key present, `null`), `.value(x)`. Encoding writes `.null`
/// back as `null` and leaves `nil` out.
public enum Nullable<Wrapped> {
    case null
    case value(Wrapped)

    public init(_ value: Wrapped?) {
        self = value.map(Nullable.value) ?? .null
    }

    /// The value, or `nil` for `.null`.
    public var value: Wrapped? {
        if case .value(let wrapped) = self { return wrapped }
        return nil
    }
}

extension Nullable: Equatable where Wrapped: Equatable {}
extension Nullable: Hashable where Wrapped: Hashable {}
extension Nullable: Sendable where Wrapped: Sendable {}

extension Nullable: Decodable where Wrapped: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = container.decodeNil() ? .null : .value(try container.decode(Wrapped.self))
    }
}

extension Nullable: Encodable where Wrapped: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .value(let wrapped): try container.encode(wrapped)
        }
    }
}

extension KeyedDecodingContainer {
    /// Absent → `nil`, `null` → `.null`, anything else → `.value`.
    /// (`decodeIfPresent` cannot tell `null` from absent.)
    public func decodeNullableIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> Nullable<T>? {
        guard contains(key) else { return nil }
        if try decodeNil(forKey: key) { return .null }
        return .value(try decode(T.self, forKey: key))
    }
}
