extension Dialect {
    /// Speakeasy's C# SDK docs: `List<X>`, `Dictionary<String, X>`, `DateTime`, PascalCase field
    /// names (keys are snake_case by default), and union docs whose `###` headings name a case
    /// (`### Str`, `### ArrayOfAny`, `### Pet`) rather than a type. Optionality and nullability are
    /// never printed (2,252 nullable properties of stackone's OpenAPI document print as plain types).
    public static let cSharp = Dialect(
        name: "csharp",
        displayName: "C#",
        extensions: ["md"],
        frontMatterTitles: false,
        notModels: ["Utils/RetryConfig", "utils/retryconfig"],
        openEnumMarkers: ["open enum"],
        unionVariants: UnionVariants(caseNames: .init(
            types: ["Str": "string", "Number": "double", "Boolean": "bool", "Integer": "long", "Long": "long", "Any": "object",
                    "Float": "double", "Double": "double", "DateTime": "DateTime"],
            listPrefix: "ArrayOf", listTemplate: "List<$>", mapPrefix: "MapOf", mapTemplate: "Dictionary<String, $>")),
        // A method's own credentials (`security: new ListForUserSecurity { … }`), not a request parameter.
        sdkParameters: Dialect.commonSDKParameters.union(["security"]),
        changelogKeepsCase: true,
        changelogCSharpPaths: true,
        changelogRoot: .package,
        usage: UsageNotation(methodSuffix: "Async", packageImport: "using "),
        types: TypeNotation(
            primitives: [
                "string": .string, "long": .integer, "int": .integer, "short": .integer, "BigInteger": .integer,
                "double": .number, "float": .number, "decimal": .number, "bool": .boolean, "object": .any,
                "DateTime": .dateTime, "DateOnly": .date, "LocalDate": .date,
                "Int32": .integer, "Int64": .integer, "Int16": .integer, "Double": .number, "Single": .number, "Decimal": .number,
                "Boolean": .boolean, "String": .string, "Object": .any,
            ],
            lists: ["List"],
            maps: ["Dictionary"],
            stringKeys: ["String", "string"],
            sdkOnly: ["byte[]", "HttpResponseMessage", "HttpRequestMessage", "Stream", "HttpResponse"],
            namedTypes: ["DateTime": .dateTime, "LocalDate": .date, "DateOnly": .date]),
        additionalPropertiesFields: ["AdditionalProperties"],
        reservedWords: nil,
        defaultKeyStyle: .snakeCase,
        fenceLanguages: ["csharp", "cs"],
        signatures: ["Dictionary<String, ", "List<", "*double*", "*object*", "*decimal*"])
}
