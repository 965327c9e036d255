/// What the names of one SDK language's Type cells mean. The tokenizer and parser are shared;
/// adding a dialect (TypeScript's `Record<string, X>`, Go's `map[string]X`, …) adds a vocabulary.
public struct TypeVocabulary: Sendable {
    public enum Wrapper: Sendable, Equatable {
        /// Absent allowed (the Required column is authoritative at field level).
        case optional
        /// JSON `null` allowed.
        case nullable
        case optionalNullable
    }

    public var name: String
    /// The bracket that opens generic arguments (`[` in Python).
    public var genericOpen: Character
    public var genericClose: Character
    public var primitives: [String: TypeRef]
    public var wrappers: [String: Wrapper]
    public var lists: Set<String>
    /// Maps; the first argument is the key type and must be a string.
    public var maps: Set<String>
    public var stringKeys: Set<String>
    public var unions: Set<String>
    public var literals: Set<String>
    /// The name of the null type inside unions (`None`).
    public var nullNames: Set<String>
    /// Literal words: `True`, `False`.
    public var booleans: [String: Bool]
    /// SDK-side objects that are not JSON (HTTP responses, streams, raw bytes).
    public var sdkOnly: Set<String>
    /// Links to the language's own docs, by URL fragment. Python's are swapped relative to
    /// their labels: `[date](…#date-objects)` labels a date-time field.
    public var externalFragments: [String: TypeRef]

    /// Speakeasy's Python SDK docs (2023 onwards, both `List[...]` and the older `list[...]`).
    public static let python = TypeVocabulary(
        name: "python",
        genericOpen: "[",
        genericClose: "]",
        primitives: [
            "str": .string, "int": .integer, "float": .number, "bool": .boolean,
            "Any": .any, "date": .date, "datetime": .dateTime, "Decimal": .number,
            "object": .any, "dict": .map(.any), "Dict": .map(.any), "list": .list(.any), "List": .list(.any),
        ],
        wrappers: ["Optional": .optional, "Nullable": .nullable, "OptionalNullable": .optionalNullable],
        lists: ["List", "list"],
        maps: ["Dict", "dict"],
        stringKeys: ["str"],
        unions: ["Union"],
        literals: ["Literal"],
        nullNames: ["None"],
        booleans: ["True": true, "False": false],
        sdkOnly: [
            "bytes", "IO", "io.BufferedReader", "io.IOBase", "requests.Response", "requests_http.Response",
            "httpx.Response", "Response", "BinaryIO",
        ],
        externalFragments: ["date-objects": .dateTime, "datetime-objects": .date])

    public static func named(_ name: String) -> TypeVocabulary? {
        name == python.name ? python : nil
    }
}
