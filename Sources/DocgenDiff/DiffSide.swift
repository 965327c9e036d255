import DocgenDialects
import DocgenSchema
import DocgenSwift

/// One version of a spec tree as the diff sees it: its IR, the Swift names generation would
/// give it, and how its JSON keys were decided.
public struct DiffSide: Sendable {
    public let schema: Schema
    public let names: SwiftNamer
    public let keyRule: JSONKeyRule
    public let dialect: Dialect
    let models: [String: Model]
    let titles: Set<String>

    /// `keyRule` as configured (a `nil` style is the dialect's default: a guess).
    public init(schema: Schema, dialect: Dialect, keyRule: JSONKeyRule, swift: SwiftOptions = SwiftOptions()) {
        self.schema = schema
        self.dialect = dialect
        self.keyRule = keyRule
        self.names = SwiftNamer(schema, options: swift)
        self.models = Dictionary(schema.models.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.titles = Set(schema.models.map { $0.name.lowercased() })
    }

    func model(_ id: String) -> Model? { models[id] }

    /// The name the SDK's users know a field by, less a reserved-word suffix (`filter_` → `filter`).
    func sdkName(_ field: Field) -> String {
        dialect.reservedWords?.original(of: field.name) ?? field.name
    }

    /// A field's or an enum value's name as the dialect's changelog writes it
    /// (`Dialect.changelogNamesCamelCased`); a `/` stays, each side camel-cased on its own
    /// (`amazonBedrock/claudeOnAws`, `anthropic/2`: OpenRouter's c7d905c and 33cfcdb).
    func changelogName(_ name: String) -> String {
        guard dialect.changelogNamesCamelCased else { return name }
        return name.split(separator: "/", omittingEmptySubsequences: false).map { part in
            let words = SwiftIdentifiers.words(String(part))
            guard let first = words.first else { return String(part) }
            return first.lowercased() + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }.joined()
        }.joined(separator: "/")
    }

    /// A field as the changelog's path names it: the SDK's name, or, where the changelog
    /// camel-cases names, the wire key camel-cased, as Speakeasy derives it from the OpenAPI
    /// document (`limit_usd` → `limitUsd`, `amazon-bedrock/claude-on-aws` → `amazonBedrock/claudeOnAws`).
    func changelogAtom(_ field: Field) -> String {
        dialect.changelogNamesCamelCased ? changelogName(field.jsonKey) : sdkName(field)
    }

    /// Whether a field's key comes from the rule alone: no override names it and no style was
    /// chosen (the dialect's default is a guess about the API).
    func keyIsGuessed(_ field: Field, of model: Model) -> Bool {
        keyRule.overrides["\(model.name).\(field.name)"] == nil && keyRule.style == nil
    }

    /// What the method's caller sees as the response: the model the doc names, or, when that
    /// is an SDK's response wrapper (`Model.sdkResponseBody`), the type of its body field.
    func responseBody(_ operation: Operation) -> (type: TypeRef, envelope: Field?)? {
        guard let response = operation.response else { return nil }
        guard let id = response.modelID, let body = model(id)?.sdkResponseBody else { return (response, nil) }
        return (body.type, body)
    }

    /// The name Speakeasy's changelog and our reach give a method: its accessors as the
    /// usage snippet calls them (`student_placements.list`), else the doc's title and heading.
    func methodName(_ operation: Operation) -> String {
        operation.call.count > 1 ? operation.call.dropFirst().joined(separator: ".") : "\(operation.group).\(operation.method)"
    }
}
