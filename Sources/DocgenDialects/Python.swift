extension Dialect {
    /// Speakeasy's Python SDK docs, 2023 onwards: `List[...]`/`list[...]`, `Optional[...]`,
    /// `Nullable[...]`, `*Literal["x"]*`, swapped date labels, `__pydantic_extra__`.
    public static let python = Dialect(
        name: "python",
        displayName: "Python",
        extensions: ["md"],
        frontMatterTitles: false,
        notModels: ["utils/retryconfig"],
        openEnumMarkers: ["open enum"],
        // 2026 docs: integer enums say `UnrecognizedInt`, string enums `UnrecognizedStr`,
        // confirmed by the SDK's own enum classes (digit-valued string enums say Str).
        enumRawTypeMarkers: ["UnrecognizedInt": .integer, "UnrecognizedStr": .string],
        unionVariants: UnionVariants(),
        tableEnumValuesAreStrings: true,
        changelogRoot: .snakeCase,
        types: TypeNotation(
            primitives: [
                "str": .string, "int": .integer, "float": .number, "bool": .boolean,
                "Any": .any, "date": .date, "datetime": .dateTime, "Decimal": .number,
                "object": .any, "dict": .anyMap, "Dict": .anyMap, "list": .anyList, "List": .anyList,
            ],
            wrappers: ["Optional": .optional, "Nullable": .nullable, "OptionalNullable": .optionalNullable],
            lists: ["List", "list"],
            maps: ["Dict", "dict"],
            stringKeys: ["str"],
            unions: ["Union"],
            literals: ["Literal"],
            booleans: ["True": true, "False": false],
            nullNames: ["None"],
            sdkOnly: [
                "bytes", "IO", "io.BufferedReader", "io.IOBase", "requests.Response", "requests_http.Response",
                "httpx.Response", "Response", "BinaryIO",
            ],
            // The labels are swapped: `[date](…#date-objects)` labels a date-time field.
            externalFragments: ["date-objects": .dateTime, "datetime-objects": .date]),
        additionalPropertiesFields: ["__pydantic_extra__"],
        reservedWords: ReservedWords(suffix: "_", words: [
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
            "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
            "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
            "date", "datetime", "format", "filter", "dict", "list", "str", "int", "float", "bool", "bytes",
            "object", "property", "type", "match", "case",
        ], spelledPrefixes: [.init(spelled: "dollar_", wire: "$")]),
        defaultKeyStyle: .asWritten,
        fenceLanguages: ["python"],
        signatures: ["*str*", "Optional[", "List[", "Dict[str, ", "Literal[", "Nullable["])
}
