/// What the names of one SDK language's Type cells mean. The tokenizer and parser are shared;
/// adding a dialect (TypeScript's `Record<string, X>`, Go's `map[string]X`, …) adds a vocabulary.
/// Immutable, and a class so that handing it to the reader and interpreter of every cell is one
/// reference, not a copy of a dozen collections (which cost more than reading the cell).
public final class TypeVocabulary: Sendable {
    public enum Wrapper: Sendable, Equatable {
        /// Absent allowed (the Required column is authoritative at field level).
        case optional
        /// JSON `null` allowed.
        case nullable
        case optionalNullable
    }

    public let name: String
    /// The bracket that opens generic arguments (`[` in Python).
    public let genericOpen: Character
    public let genericClose: Character
    public let primitives: [String: TypeRef]
    public let wrappers: [String: Wrapper]
    public let lists: Set<String>
    /// Maps; the first argument is the key type and must be a string.
    public let maps: Set<String>
    public let stringKeys: Set<String>
    public let unions: Set<String>
    public let literals: Set<String>
    /// The name of the null type inside unions (`None`).
    public let nullNames: Set<String>
    /// Literal words: `True`, `False`.
    public let booleans: [String: Bool]
    /// SDK-side objects that are not JSON (HTTP responses, streams, raw bytes).
    public let sdkOnly: Set<String>
    /// Links to the language's own docs, by URL fragment. Python's are swapped relative to
    /// their labels: `[date](…#date-objects)` labels a date-time field.
    public let externalFragments: [String: TypeRef]

    public init(name: String,
                genericOpen: Character,
                genericClose: Character,
                primitives: [String: TypeRef],
                wrappers: [String: Wrapper],
                lists: Set<String>,
                maps: Set<String>,
                stringKeys: Set<String>,
                unions: Set<String>,
                literals: Set<String>,
                nullNames: Set<String>,
                booleans: [String: Bool],
                sdkOnly: Set<String>,
                externalFragments: [String: TypeRef]) {
        self.name = name
        self.genericOpen = genericOpen
        self.genericClose = genericClose
        self.primitives = primitives
        self.wrappers = wrappers
        self.lists = lists
        self.maps = maps
        self.stringKeys = stringKeys
        self.unions = unions
        self.literals = literals
        self.nullNames = nullNames
        self.booleans = booleans
        self.sdkOnly = sdkOnly
        self.externalFragments = externalFragments
    }

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
