/// An enum that keeps values its docs do not list: generated open enums have one case per
/// documented value plus `unknown(RawValue)`, a non-failable `init(rawValue:)`, and `allCases`
/// listing the documented values only. Coding and validation come from here.
public protocol OpenEnum: RawRepresentable, Codable, Hashable, Sendable, CaseIterable, Validatable
    where RawValue: Codable & Hashable & Sendable {
    /// Never fails: an undocumented value becomes `unknown(rawValue)`.
    init(rawValue: RawValue)
}

extension OpenEnum {
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(RawValue.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Whether the value is one the docs list (not `unknown`).
    public var isDocumented: Bool { Self.allCases.contains(self) }

    /// Reports an undocumented value as `enum.unknown-value`: allowed, but worth knowing.
    public func validate(at path: JSONPointer, into issues: inout [ValidationIssue]) {
        guard !isDocumented else { return }
        issues.append(ValidationIssue(path: path, rule: "enum.unknown-value",
                                      message: "\(rawValue) is not a documented \(Self.self) value"))
    }
}
