/// A JSON Pointer (RFC 6901) such as `/runs/0/id`, built one step at a time.
public struct JSONPointer: Hashable, Sendable, CustomStringConvertible {
    public private(set) var tokens: [String]

    public init(_ tokens: [String] = []) {
        self.tokens = tokens
    }

    public func appending(_ key: String) -> JSONPointer {
        JSONPointer(tokens + [key])
    }

    public func appending(_ index: Int) -> JSONPointer {
        JSONPointer(tokens + [String(index)])
    }

    /// `""` for the whole document; `~` and `/` escaped as `~0` and `~1`.
    public var description: String {
        tokens.map { "/" + $0.replacing("~", with: "~0").replacing("/", with: "~1") }.joined()
    }
}

/// One problem found by a validator.
public struct ValidationIssue: Hashable, Sendable, CustomStringConvertible {
    /// Where: a JSON Pointer into the payload (or into the value's JSON form).
    public var path: JSONPointer
    /// A stable id: `required`, `type`, `null`, `enum`, `enum.unknown-value`, `const`,
    /// `format.date-time`, `format.date`, `union`, `json`.
    public var rule: String
    public var message: String

    public init(path: JSONPointer, rule: String, message: String) {
        self.path = path
        self.rule = rule
        self.message = message
    }

    public var description: String { "\(path.description.isEmpty ? "/" : path.description): \(message) [\(rule)]" }
}

/// Generated models, enums and unions validate themselves: every issue, not the first.
public protocol Validatable {
    func validate(at path: JSONPointer, into issues: inout [ValidationIssue])
}

extension Validatable {
    /// Every issue in this value and the values it holds.
    public func validate() -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        validate(at: JSONPointer(), into: &issues)
        return issues
    }
}

extension Optional: Validatable where Wrapped: Validatable {
    public func validate(at path: JSONPointer, into issues: inout [ValidationIssue]) {
        self?.validate(at: path, into: &issues)
    }
}

extension Array: Validatable where Element: Validatable {
    public func validate(at path: JSONPointer, into issues: inout [ValidationIssue]) {
        for (index, element) in enumerated() {
            element.validate(at: path.appending(index), into: &issues)
        }
    }
}

extension Dictionary: Validatable where Key == String, Value: Validatable {
    public func validate(at path: JSONPointer, into issues: inout [ValidationIssue]) {
        for key in keys.sorted() {
            self[key]!.validate(at: path.appending(key), into: &issues)
        }
    }
}

extension Nullable: Validatable where Wrapped: Validatable {
    public func validate(at path: JSONPointer, into issues: inout [ValidationIssue]) {
        value?.validate(at: path, into: &issues)
    }
}

extension Indirect: Validatable where Value: Validatable {
    public func validate(at path: JSONPointer, into issues: inout [ValidationIssue]) {
        value.validate(at: path, into: &issues)
    }
}

public enum Check {
    /// A `Literal[...]` field must hold its documented value.
    public static func constant<T: Equatable>(_ value: T?, equals expected: T, at path: JSONPointer, into issues: inout [ValidationIssue]) {
        guard let value, value != expected else { return }
        issues.append(ValidationIssue(path: path, rule: "const", message: "expected the constant \(expected), found \(value)"))
    }
}

/// Thrown when no alternative of a union decodes; keeps what every alternative said.
public struct UnionDecodingError: Error, CustomStringConvertible {
    public var type: String
    public var codingPath: [any CodingKey]
    public var alternatives: [(name: String, error: any Error)]

    public init(type: String, codingPath: [any CodingKey], alternatives: [(name: String, error: any Error)]) {
        self.type = type
        self.codingPath = codingPath
        self.alternatives = alternatives
    }

    public var description: String {
        let path = codingPath.map(\.stringValue).joined(separator: ".")
        let reasons = alternatives.map { "\($0.name): \($0.error)" }.joined(separator: "; ")
        return "no alternative of \(type) matches at '\(path)': \(reasons)"
    }
}
