extension Dialect {
    /// Speakeasy's PHP SDK docs: `\` separates namespaces (`Shared\DbType`, `[\DateTime](…)`),
    /// `?X` is optional, `array<X>` a list and `array<string, X>` a map, `mixed` any value, and
    /// union fields list their members in the link label (`[A\|B\|null](…)`).
    public static let php = Dialect(
        name: "php",
        displayName: "PHP",
        extensions: ["md"],
        frontMatterTitles: false,
        notModels: ["Utils/RetryConfig", "utils/retryconfig"],
        openEnumMarkers: ["open enum"],
        unionVariants: UnionVariants(typeInDocComment: "@var "),
        parameterSigil: "$",
        usage: UsageNotation(constructors: ["::builder("], memberAccess: "->"),
        types: TypeNotation(
            primitives: [
                "string": .string, "int": .integer, "float": .number, "bool": .boolean, "mixed": .any,
                "array": .anyList, "\\DateTime": .dateTime, "\\Brick\\DateTime\\LocalDate": .date, "LocalDate": .date,
            ],
            wrappers: ["?": .nilable],
            lists: ["array"],
            maps: ["array"],
            stringKeys: ["string"],
            nullNames: ["null"],
            sdkOnly: ["\\Psr\\Http\\Message\\ResponseInterface", "\\Psr\\Http\\Message\\StreamInterface", "StreamInterface"],
            namedTypes: ["\\DateTime": .dateTime, "\\Brick\\DateTime\\LocalDate": .date, "LocalDate": .date],
            nullMemberIsNilable: true),
        additionalPropertiesFields: ["additionalProperties"],
        reservedWords: nil,
        defaultKeyStyle: .asWritten,
        fenceLanguages: ["php"],
        signatures: ["*?string*", "*?int*", "*?bool*", "*?float*", "array<", "[\\DateTime]", "*mixed*", "[?"])
}
