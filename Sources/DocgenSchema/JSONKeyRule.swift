import DocgenDiagnostics

/// How a field's JSON key follows from the name the docs print (the SDK's property name; the
/// wire key itself appears nowhere). The rule belongs to the spec tree:
///
/// - `asWritten` (default): the Field cell minus the underscore Python appends to reserved
///   words (`from_` → `from`). Right for snake_case APIs.
/// - `lowerCamel`: `resource_id` → `resourceId`, or `resourceID` when `ID` is an acronym.
/// - per-field overrides (`Model.field` → key) win over both.
public struct JSONKeyRule: Sendable, Equatable {
    public enum Style: String, Sendable, Equatable, CaseIterable {
        case asWritten, lowerCamel
    }

    public struct Override: Sendable, Equatable {
        public var key: String
        /// Where the override was written (the config file), for diagnostics.
        public var location: SourceLocation?

        public init(key: String, location: SourceLocation? = nil) {
            self.key = key
            self.location = location
        }
    }

    public var style: Style
    /// Words written all upper-case by `lowerCamel` (`ID`, `URL`, `TTL`).
    public var acronyms: [String]
    /// `Model.field` (title and Field cell as written) → key.
    public var overrides: [String: Override]

    public init(style: Style = .asWritten, acronyms: [String] = [], overrides: [String: Override] = [:]) {
        self.style = style
        self.acronyms = acronyms
        self.overrides = overrides
    }

    /// Python keywords and the builtins Speakeasy's Python generator renames with a `_`.
    public static let pythonReservedWords: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
        "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
        "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
        "date", "datetime", "format", "filter", "dict", "list", "str", "int", "float", "bool", "bytes",
        "object", "property", "type", "match", "case",
    ]

    /// The SDK name with Python's reserved-word underscore dropped (`from_` → `from`).
    public static func sdkName(_ field: String) -> String {
        guard field.hasSuffix("_"), !field.hasSuffix("__") else { return field }
        let stem = String(field.dropLast())
        return pythonReservedWords.contains(stem) ? stem : field
    }

    /// The JSON key of `field` (as the docs write it) in the model titled `model`.
    public func key(model: String, field: String) -> String {
        if let override = overrides["\(model).\(field)"] { return override.key }
        return key(forFieldName: field)
    }

    /// The key by rule alone, without overrides.
    public func key(forFieldName field: String) -> String {
        let name = Self.sdkName(field)
        switch style {
        case .asWritten:
            return name
        case .lowerCamel:
            return Self.lowerCamel(name, acronyms: Set(acronyms.map { $0.uppercased() }))
        }
    }

    /// Splits at `_` and lower-to-upper case changes; keeps a leading underscore run as is.
    static func lowerCamel(_ name: String, acronyms: Set<String>) -> String {
        let prefix = name.prefix { $0 == "_" }
        var words: [String] = []
        var current = ""
        var previousWasLower = false
        for character in name.dropFirst(prefix.count) {
            if character == "_" || character == "-" || character == " " {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousWasLower = false
                continue
            }
            if character.isUppercase, previousWasLower, !current.isEmpty {
                words.append(current)
                current = ""
            }
            current.append(character)
            previousWasLower = character.isLowercase || character.isNumber
        }
        if !current.isEmpty { words.append(current) }
        guard let first = words.first else { return name }
        var key = String(prefix) + first.lowercased()
        for word in words.dropFirst() {
            let upper = word.uppercased()
            key += acronyms.contains(upper) ? upper : word.prefix(1).uppercased() + word.dropFirst().lowercased()
        }
        return key
    }

    /// The key compared by letters and digits only, lower-cased: how sample keys find fields.
    public static func normalised(_ key: String) -> String {
        String(key.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
            .map(Character.init))
    }
}
