extension Dialect {
    /// Speakeasy's Java SDK docs: `Optional\<X>`, `JsonNullable\<X>`, `List\<X>`, `Map\<String, X>`
    /// (`\<` is Markdown's escaped `<`, and one level deeper a literal `\\<`), boxed and unboxed
    /// primitives, `OffsetDateTime` and `LocalDate`. Union docs hold only their title.
    public static let java = Dialect(
        name: "java",
        displayName: "Java",
        extensions: ["md"],
        frontMatterTitles: false,
        notModels: ["utils/RetryConfig", "utils/retryconfig"],
        openEnumMarkers: ["open enum"],
        unionVariants: UnionVariants(),
        titleOnlyDocsAreUnions: true,
        usage: UsageNotation(constructors: [".builder("]),
        types: TypeNotation(
            primitives: [
                "String": .string, "Long": .integer, "long": .integer, "Integer": .integer, "int": .integer,
                "Short": .integer, "short": .integer, "BigInteger": .integer, "Double": .number, "double": .number,
                "Float": .number, "float": .number, "BigDecimal": .number, "Boolean": .boolean, "boolean": .boolean,
                "Object": .any, "java.lang.Object": .any, "OffsetDateTime": .dateTime, "LocalDate": .date,
            ],
            wrappers: ["Optional": .optional, "JsonNullable": .nullable],
            lists: ["List"],
            maps: ["Map"],
            stringKeys: ["String"],
            sdkOnly: ["byte[]", "InputStream", "HttpResponse", "Stream", "Blob"],
            namedTypes: ["OffsetDateTime": .dateTime, "LocalDate": .date]),
        additionalPropertiesFields: ["additionalProperties"],
        reservedWords: ReservedWords(suffix: "_", words: [
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
            "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
            "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
            "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
            "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null",
        ]),
        defaultKeyStyle: .asWritten,
        fenceLanguages: ["java"],
        signatures: ["Optional\\<", "List\\<", "Map\\<String", "JsonNullable", "*String*", "*Long*", "*Boolean*", "*Integer*",
                     "OffsetDateTime", "HttpResponse\\<"])
}
