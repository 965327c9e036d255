extension Dialect {
    /// Speakeasy's Go SDK docs, `.md` and `.mdx`: primitives as code spans (`` `*string` ``) or,
    /// before 2026, in italics (`*string*`, `**string*`), `[]X`, `map[string]X`,
    /// `optionalnullable.OptionalNullable[X]`, `[*time.Time](…)`; field names are exported Go
    /// names (`ConnectionID`), so keys are snake_case by default.
    public static let go = Dialect(
        name: "go",
        displayName: "Go",
        extensions: ["md", "mdx"],
        frontMatterTitles: true,
        notModels: ["utils/retryconfig", "operations/option"],
        openEnumMarkers: ["open enum"],
        responseTypeEndsAtComma: true,
        // Primitive variants have empty headings: `CreateXStr(string{/* values here */})`.
        unionVariants: UnionVariants(typeInCode: .init(open: "(", close: "{/* values here */}")),
        enumNamesRepeatTheType: true,
        // A method's own credentials (`operations.ListForUserSecurity{…}`), not a request parameter.
        sdkParameters: Dialect.commonSDKParameters.union(["security"]),
        changelogKeepsCase: true,
        changelogRoot: .asWritten,
        usage: UsageNotation(constructors: [".New("]),
        types: TypeNotation(
            primitives: [
                "string": .string, "bool": .boolean, "any": .any, "interface{}": .any,
                "int": .integer, "int8": .integer, "int16": .integer, "int32": .integer, "int64": .integer,
                "uint": .integer, "uint8": .integer, "uint16": .integer, "uint32": .integer, "uint64": .integer,
                "float32": .number, "float64": .number, "big.Int": .integer, "decimal.Big": .number,
                "time.Time": .dateTime, "types.Date": .date,
            ],
            wrappers: ["optionalnullable.OptionalNullable": .optionalNullable, "nullable.Nullable": .nullable, "*": .nilable],
            maps: ["map"],
            stringKeys: ["string"],
            nullNames: ["nil"],
            pointers: true,
            sdkOnly: ["io.ReadCloser", "io.Reader", "http.Response", "[]byte", "stream.EventStream"],
            externalFragments: ["Time": .dateTime],
            namedTypes: ["time.Time": .dateTime, "types.Date": .date]),
        additionalPropertiesFields: ["AdditionalProperties"],
        reservedWords: nil,
        defaultKeyStyle: .snakeCase,
        fenceLanguages: ["go"],
        signatures: ["`*string`", "`string`", "map[string]", "optionalnullable.", "`int64`", "`float64`", "`bool`", "*int64*", "**string*"])
}
