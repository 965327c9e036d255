extension Dialect {
    /// Speakeasy's TypeScript SDK docs, `.md` and `.mdx`: `*string*`, `X[]`, `Record<string, X>`,
    /// constants as `*"click"*`, unlinked names (`*shared.ExtraData*`), `[Date](…)` date-times,
    /// enums as a ```` ```typescript ```` union of literals ending in `Unrecognized<string>` when open.
    /// It never prints optionality or nullability: the Required column is the only signal.
    public static let typeScript = Dialect(
        name: "typescript",
        displayName: "TypeScript",
        extensions: ["md", "mdx"],
        frontMatterTitles: true,
        notModels: ["utils/retryconfig"],
        openEnumMarkers: ["open enum", "unrecognized<"],
        otherValueMarkers: ["Unrecognized<"],
        unionVariants: UnionVariants(),
        numberCoversIntegers: true,
        changelogNamesCamelCased: true,
        types: TypeNotation(
            primitives: [
                "string": .string, "number": .number, "boolean": .boolean, "any": .any, "unknown": .any,
                // `Promise<void>`: a response without a body (the client returns nothing on a 204).
                "void": .any,
                "object": .anyMap, "bigint": .integer, "Date": .dateTime, "RFCDate": .date,
            ],
            wrappers: ["Promise": .transparent],
            lists: ["Array"],
            maps: ["Record"],
            stringKeys: ["string"],
            booleans: ["true": true, "false": false],
            bareLiterals: true,
            nullNames: ["null"],
            sdkOnly: [
                "File", "Blob", "ReadableStream", "Uint8Array", "ArrayBuffer", "AxiosResponse", "Response",
                "EventStream", "fetch.Response",
            ],
            namedTypes: ["Date": .dateTime, "RFCDate": .date]),
        additionalPropertiesFields: ["additionalProperties"],
        reservedWords: nil,
        defaultKeyStyle: .asWritten,
        fenceLanguages: ["typescript", "ts"],
        signatures: ["*number*", "*boolean*", "Record<string, ", "Record\\<string, "])
}
