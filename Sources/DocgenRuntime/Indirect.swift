/// Storage for a model that contains itself (a real reference cycle): a struct cannot hold an
/// optional of itself, an indirect enum can. Generated code keeps it private behind a plain
/// property; it encodes and decodes as the value it holds.
public indirect enum Indirect<Value> {
    case value(Value)

    public init(_ value: Value) {
        self = .value(value)
    }

    public var value: Value {
        switch self {
        case .value(let value): value
        }
    }
}

extension Indirect: Equatable where Value: Equatable {}
extension Indirect: Hashable where Value: Hashable {}
extension Indirect: Sendable where Value: Sendable {}

extension Indirect: Decodable where Value: Decodable {
    public init(from decoder: any Decoder) throws {
        self = .value(try Value(from: decoder))
    }
}

extension Indirect: Encodable where Value: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
    }
}
