extension Dialect {
    /// Speakeasy's Ruby SDK docs, both generations: Sorbet (`*::String*`, `T.nilable(X)`,
    /// `T::Array<X>`, `T::Hash[Symbol, X]`, `T.any(A, B)`, `T::Boolean`) and Crystalline
    /// (`Crystalline::Nilable.new(X)`, `Crystalline::Array<X>`, `Crystalline::Union.new(A, B)`,
    /// `Crystalline::Boolean.new`). Union docs hold only their title: the label that links to one
    /// spells its members. `[Date](…)` labels a date-time and `[DateTime](…)` a date (swapped).
    public static let ruby = Dialect(
        name: "ruby",
        displayName: "Ruby",
        extensions: ["md"],
        frontMatterTitles: false,
        notModels: ["utils/retryconfig"],
        openEnumMarkers: ["open enum"],
        unionVariants: UnionVariants(),
        titleOnlyDocsAreUnions: true,
        changelogRoot: .snakeCase,
        usage: UsageNotation(constructors: [".new("], callsWithoutParentheses: true),
        types: TypeNotation(
            primitives: [
                "::String": .string, "::Integer": .integer, "::Float": .number, "::Numeric": .number, "::BigDecimal": .number,
                "::Object": .any, "T.untyped": .any, "T::Boolean": .boolean, "Crystalline::Boolean.new": .boolean,
                "::Date": .date, "::DateTime": .dateTime,
                // An early Sorbet generation writes some cells bare, next to `T.nilable(::String)`.
                "String": .string, "Integer": .integer, "Float": .number,
            ],
            wrappers: ["T.nilable": .nilable, "Crystalline::Nilable.new": .nilable],
            lists: ["T::Array", "Crystalline::Array", "Crystalline::Array.new"],
            maps: ["T::Hash", "Crystalline::Hash", "Crystalline::Hash.new"],
            stringKeys: ["Symbol", "::Symbol", "::String"],
            unions: ["T.any", "Crystalline::Union.new"],
            nullNames: ["NilClass", "::NilClass"],
            sdkOnly: ["Faraday::Response", "::StringIO", "::IO", "T.any(::IO, ::StringIO)"],
            namedTypes: ["Date": .dateTime, "DateTime": .date]),
        additionalPropertiesFields: ["additional_properties"],
        reservedWords: ReservedWords(suffix: "_", words: [
            "alias", "and", "begin", "break", "case", "class", "def", "defined", "do", "else", "elsif", "end", "ensure",
            "false", "for", "if", "in", "module", "next", "nil", "not", "or", "redo", "rescue", "retry", "return", "self",
            "super", "then", "true", "undef", "unless", "until", "when", "while", "yield", "fields", "hash", "method",
        ]),
        defaultKeyStyle: .asWritten,
        fenceLanguages: ["ruby"],
        signatures: ["*::String*", "::Integer", "T.nilable(", "T::Array<", "T::Hash[", "Crystalline::", "T::Boolean"])
}
