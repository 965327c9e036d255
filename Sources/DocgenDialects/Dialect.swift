import DocgenDiagnostics

/// Everything that differs between the SDK languages' docs, as one value: how a language's
/// Speakeasy docs write types, enums, unions, optional and nullable values, reserved words and
/// dates, which pages are not models, and how its field names relate to JSON keys. The reader
/// and the schema builder take a dialect and never ask which language it is; adding a language
/// is adding one file beside this one (`Python.swift`, `TypeScript.swift`, `Go.swift`) and
/// listing it in `Dialect.all`.
public struct Dialect: Sendable, Hashable, CustomStringConvertible {
    /// The name used by `--dialect`, `docgen.json` and `dump-ir` (`python`).
    public var name: String
    /// The language as people write it (`Python`).
    public var displayName: String

    // MARK: Files and pages

    /// File extensions of model docs (`md`, `mdx`).
    public var extensions: [String]
    /// MDX docs carry their title in YAML front matter (`title: "X"`) instead of a `# X` line.
    public var frontMatterTitles: Bool
    /// Docs that are not models, by path without extension, matched at the end of a doc's path
    /// (`utils/retryconfig` is the SDK's retry settings, Go's `operations/option` its call options).
    public var notModels: [String]
    /// Text in a code block (Example Usage or Values) or in the Values prose that marks an enum
    /// as open, compared case-insensitively (`# Open enum: …`, `Unrecognized<string>`).
    public var openEnumMarkers: [String]
    /// Text in an enum's Example Usage or Values that names its raw type, compared as written
    /// (Python's `# Open enum: unrecognized values are captured as UnrecognizedInt`, or
    /// `UnrecognizedStr`): it decides over the values' notation.
    public var enumRawTypeMarkers: [String: EnumRawTypeWord]
    /// How an enum's list of values writes "and any other value" (TypeScript's
    /// `Unrecognized<string>`, closing a code-block union or in a `-` row): prefixes of such a value.
    public var otherValueMarkers: [String]
    /// Go documents a method's result as `[*operations.XResponse], error`: the response type
    /// is what comes before a top-level comma.
    public var responseTypeEndsAtComma: Bool
    /// How a union doc's `###` variant headings name their types.
    public var unionVariants: UnionVariants
    /// Enum value names start with the enum's own name (Go's `PetStatusAvailable`), which the
    /// IR drops (`Available`).
    public var enumNamesRepeatTheType: Bool
    /// A doc that holds only its title is a union whose members the links to it spell
    /// (Java and Ruby write union docs so).
    public var titleOnlyDocsAreUnions: Bool
    /// A `| Name | Value |` table prints every value bare, strings too, so a numeric-looking
    /// one (`| ZERO | 0 |`) is a string: meitner's Python docs wrote its string enum
    /// `"0"`…`"9"` so until they switched to quoted bullets (`` - `"0"` ``).
    public var tableEnumValuesAreStrings: Bool
    /// One word for integers and other numbers (TypeScript's `number`): `--openapi` tells them apart.
    public var numberCoversIntegers: Bool
    /// Method parameters that configure the SDK call, not the request (`retries`,
    /// `server_url`); a dotted one (`options.retries`) is a part of such an option.
    public var sdkParameters: Set<String>
    /// What the Parameters table writes before a parameter's name (PHP's `$request`): not a
    /// part of the name.
    public var parameterSigil: String
    /// Speakeasy's changelog names the SDK lower-cased and writes `enum(v)`
    /// (`meitner.units.list()`); in Go and C# it keeps names as written (`Unkey.Keys.Get()`, `Enum(v)`).
    public var changelogKeepsCase: Bool
    /// How the changelog spells a field and an enum value: as written, or, in TypeScript, their
    /// words lower camel-cased, acronyms as words (`createBYOKKeyRequest` → `createByokKeyRequest`,
    /// `"Nex AGI"` → `enum(nexAgi)`, `"DigitalOcean"` → `enum(digitalOcean)`: OpenRouter, 2025–2026).
    public var changelogNamesCamelCased: Bool
    /// C#'s changelog paths (StackOne, 2025): a method's arguments and the response body's own
    /// properties in camelCase, as C# names arguments (`request.hrisCreateEmployeeRequestDto`,
    /// `response.data`; a request wrapper's properties stay `request.Filter`), and a list's
    /// element as a name of its own (`response.data.[].Path`).
    public var changelogCSharpPaths: Bool
    /// How Speakeasy's changelog spells the SDK's client class (its usage snippets' `Meitner(`,
    /// `::Clerk::OpenAPIClient.new(`) as the root of each method: Python and Ruby snake_case it
    /// (`unified_to.`, `open_api_client.`), TypeScript lower-cases it (`openrouter.`).
    public var changelogRoot: ChangelogRoot
    /// How a usage snippet constructs the SDK's client and calls a method on it.
    public var usage: UsageNotation

    // MARK: Type cells

    public var types: TypeNotation

    // MARK: Fields and keys

    /// Field names that stand for undocumented keys rather than a key of their own
    /// (`__pydantic_extra__`, `additionalProperties`).
    public var additionalPropertiesFields: Set<String>
    /// Reserved words the SDK renames with a suffix (Python's `from_`); the JSON key drops it.
    public var reservedWords: ReservedWords?
    /// How JSON keys follow from field names when the config names no rule.
    public var defaultKeyStyle: KeyStyle

    // MARK: Detection

    /// Code fence languages only this dialect's docs use (```` ```python ````).
    public var fenceLanguages: [String]
    /// Byte patterns of type cells this dialect writes and the others do not (`*Optional[`).
    public var signatures: [String]

    public var description: String { name }

    public init(name: String, displayName: String, extensions: [String], frontMatterTitles: Bool, notModels: [String],
                openEnumMarkers: [String], enumRawTypeMarkers: [String: EnumRawTypeWord] = [:], otherValueMarkers: [String] = [],
                responseTypeEndsAtComma: Bool = false,
                unionVariants: UnionVariants, enumNamesRepeatTheType: Bool = false,
                titleOnlyDocsAreUnions: Bool = false,
                tableEnumValuesAreStrings: Bool = false,
                numberCoversIntegers: Bool = false,
                sdkParameters: Set<String> = Dialect.commonSDKParameters, parameterSigil: String = "",
                changelogKeepsCase: Bool = false, changelogNamesCamelCased: Bool = false, changelogCSharpPaths: Bool = false, changelogRoot: ChangelogRoot = .lowercased, usage: UsageNotation = UsageNotation(),
                types: TypeNotation,
                additionalPropertiesFields: Set<String>, reservedWords: ReservedWords?, defaultKeyStyle: KeyStyle,
                fenceLanguages: [String], signatures: [String]) {
        self.name = name
        self.displayName = displayName
        self.extensions = extensions
        self.frontMatterTitles = frontMatterTitles
        self.notModels = notModels
        self.openEnumMarkers = openEnumMarkers
        self.enumRawTypeMarkers = enumRawTypeMarkers
        self.otherValueMarkers = otherValueMarkers
        self.responseTypeEndsAtComma = responseTypeEndsAtComma
        self.unionVariants = unionVariants
        self.enumNamesRepeatTheType = enumNamesRepeatTheType
        self.titleOnlyDocsAreUnions = titleOnlyDocsAreUnions
        self.tableEnumValuesAreStrings = tableEnumValuesAreStrings
        self.numberCoversIntegers = numberCoversIntegers
        self.sdkParameters = sdkParameters
        self.parameterSigil = parameterSigil
        self.changelogKeepsCase = changelogKeepsCase
        self.changelogNamesCamelCased = changelogNamesCamelCased
        self.changelogCSharpPaths = changelogCSharpPaths
        self.changelogRoot = changelogRoot
        self.usage = usage
        self.types = types
        self.additionalPropertiesFields = additionalPropertiesFields
        self.reservedWords = reservedWords
        self.defaultKeyStyle = defaultKeyStyle
        self.fenceLanguages = fenceLanguages
        self.signatures = signatures
    }

    /// The SDK's own call options, as every language's docs name them (`sdkParameters`).
    public static let commonSDKParameters: Set<String> = ["retries", "server_url", "serverURL", "serverUrl", "timeout_ms", "timeoutMs",
                                                         "http_headers", "options", "opts", "ctx", "headers", "config"]

    /// The dialect a tree is read in when no doc shows its language (only tables of names and
    /// values, prose): every dialect reads such docs alike, and Python's notation is the plainest.
    public static let whenSilent = Dialect.python

    /// Every dialect docgen reads.
    public static let all: [Dialect] = [.python, .typeScript, .go, .java, .cSharp, .php, .ruby]

    /// Whether its notation writes `evidence` (another dialect's signature) as a type too: a
    /// primitive name, emphasised or not (`*String*`).
    public func reads(_ evidence: String) -> Bool {
        let name = evidence.filter { $0 != "*" && $0 != "`" }
        return !name.isEmpty && types.primitives[name] != nil
    }

    public static func named(_ name: String) -> Dialect? {
        all.first { $0.name == name }
    }

    /// Whether a doc's relative path has one of this dialect's extensions.
    public func isDoc(_ path: String) -> Bool {
        extensions.contains { path.hasSuffix("." + $0) }
    }

    /// The path without its doc extension (`models/x.mdx` → `models/x`).
    public func stem(_ path: String) -> Substring {
        for ext in extensions where path.hasSuffix("." + ext) {
            return path.dropLast(ext.utf8.count + 1)
        }
        return path[...]
    }

    /// Whether the doc at `path` lists an SDK group's operations: `sdks/<group>/README.md` in
    /// every Speakeasy SDK.
    public func isOperationPage(_ path: String) -> Bool {
        guard path.contains(bytes: "sdks/") else { return false } // most paths: no split needed
        let parts = path.split(separator: "/")
        return parts.count >= 3 && parts[parts.count - 3] == "sdks" && parts.last.map { isDoc(String($0)) && $0.lowercased().hasPrefix("readme.") } == true
    }

    /// Whether the doc at `path` is one this dialect knows is not a model.
    public func isNotModel(_ path: String) -> Bool {
        let stem = stem(path)
        return notModels.contains { stem == $0 || stem.hasSuffix("/" + $0) }
    }
}

/// How the docs name a union's alternatives under `## Supported Types`.
public struct UnionVariants: Sendable, Hashable {
    /// Where a code block spells a variant's type: between the last `open` before `close` and
    /// `close` (`CreateXStr(string{/* values here */})` → `string`).
    public struct TypeInCode: Sendable, Hashable {
        public var open: String
        public var close: String

        public init(open: String, close: String) {
            self.open = open
            self.close = close
        }
    }

    /// When a `###` heading is empty (Go's primitive variants), the type is read from the code
    /// block under it.
    public var typeInCode: TypeInCode?

    /// Headings that name a case, not a type (C#'s `### Str`, `### ArrayOfAny`): the type each
    /// name stands for, written in the dialect's notation, and the prefixes that make lists and
    /// maps of what follows them (`$` in a template stands for it).
    public struct CaseNames: Sendable, Hashable {
        public var types: [String: String]
        public var listPrefix: String
        public var listTemplate: String
        public var mapPrefix: String
        public var mapTemplate: String

        public init(types: [String: String], listPrefix: String, listTemplate: String, mapPrefix: String, mapTemplate: String) {
            self.types = types
            self.listPrefix = listPrefix
            self.listTemplate = listTemplate
            self.mapPrefix = mapPrefix
            self.mapTemplate = mapTemplate
        }

        /// The type cell a case name stands for: `ArrayOfStr` → `List<string>`; a name it does
        /// not know is a model's.
        public func cell(for name: String) -> String {
            if let type = types[name] { return type }
            // A name of digits is the model it spells: C# 1.568 and 1.791 head a list of the
            // model `Five` `### ArrayOf5` (the Python docs of the same API print `List[shared.Five]`).
            if let number = Int(name), let words = NumberWords.spelled(number) { return words }
            if name.count > listPrefix.count, name.hasPrefix(listPrefix) {
                return listTemplate.replacing("$", with: cell(for: String(name.dropFirst(listPrefix.count))))
            }
            if name.count > mapPrefix.count, name.hasPrefix(mapPrefix) {
                return mapTemplate.replacing("$", with: cell(for: String(name.dropFirst(mapPrefix.count))))
            }
            return name
        }

    }

    public var caseNames: CaseNames?

    /// A doc-comment tag in a variant's code block that writes the variant's whole type, which
    /// wins over the heading: PHP's `### \`array\`` names only the outer type, and the block's
    /// `@var array<\Vendor\Models\Shared\Integration1|string>` or `@var array<string, mixed>`
    /// says what the array holds.
    public var typeInDocComment: String?

    public init(typeInCode: TypeInCode? = nil, caseNames: CaseNames? = nil, typeInDocComment: String? = nil) {
        self.typeInCode = typeInCode
        self.caseNames = caseNames
        self.typeInDocComment = typeInDocComment
    }
}

/// Words an SDK cannot use as names and renames with a suffix (`from` → `from_`).
public struct ReservedWords: Sendable, Hashable {
    public var suffix: String
    public var words: Set<String>
    /// Characters a wire name may start with and an SDK name cannot, as the SDK spells them:
    /// Python's `dollar_ref` is the wire's `$ref` (`"dollar_": "$"`).
    public var spelledPrefixes: [SpelledPrefix]

    public struct SpelledPrefix: Sendable, Hashable {
        public var spelled: String
        public var wire: String

        public init(spelled: String, wire: String) {
            self.spelled = spelled
            self.wire = wire
        }
    }

    public init(suffix: String, words: Set<String>, spelledPrefixes: [SpelledPrefix] = []) {
        self.suffix = suffix
        self.words = words
        self.spelledPrefixes = spelledPrefixes
    }

    /// The wire's prefix a name spells, and the rest of the name (`dollar_ref` → (`$`, `ref`)).
    public func spelledPrefix(of name: String) -> (wire: String, rest: Substring)? {
        for prefix in spelledPrefixes where name.utf8.count > prefix.spelled.utf8.count && name.hasPrefix(prefix.spelled) {
            return (prefix.wire, name.dropFirst(prefix.spelled.count))
        }
        return nil
    }

    /// The name with the suffix dropped when it renamed a reserved word (`from_` → `from`).
    public func original(of name: String) -> String {
        guard name.hasSuffix(suffix), !name.hasSuffix(suffix + suffix) else { return name }
        let stem = String(name.dropLast(suffix.count))
        return words.contains(stem) ? stem : name
    }
}

/// How JSON keys follow from the field names the docs print.
public enum KeyStyle: String, Sendable, Hashable, CaseIterable {
    /// The name as written (a reserved-word suffix dropped): `resource_id` → `resource_id`.
    case asWritten
    /// `resource_id` → `resourceId` (`resourceID` with the acronym `ID`).
    case lowerCamel
    /// `connectionId`, `ConnectionID` → `connection_id` (acronyms kept whole).
    case snakeCase
}

/// The primitives a Type cell can name, language-neutral.
public enum Primitive: Sendable, Hashable {
    case string, integer, number, boolean, any
    /// RFC 3339 date-time.
    case dateTime
    /// A calendar date.
    case date
    /// A JSON object of any values, or a list of any values (`dict`, `list` without arguments).
    case anyMap, anyList
}

/// What the names and punctuation of one language's Type cells mean.
public struct TypeNotation: Sendable, Hashable {
    public enum Wrapper: Sendable, Hashable {
        /// Absent allowed (the Required column is authoritative at field level).
        case optional
        /// JSON `null` allowed.
        case nullable
        case optionalNullable
        /// Ruby's `T.nilable(X)`: absent allowed, and `null` too where the field is required
        /// (the one wrapper Ruby has for both).
        case nilable
        /// Stands for what it wraps (TypeScript's `Promise<X>` around a method's response).
        case transparent
    }

    public var primitives: [String: Primitive]
    public var wrappers: [String: Wrapper]
    /// Generic list names (`List`); `[]` before (Go) or after (TypeScript) a type is a list too.
    public var lists: Set<String>
    /// Generic map names; the first argument is the key type and must be a string
    /// (`Dict[str, X]`, `Record<string, X>`, Go's `map[string]X`).
    public var maps: Set<String>
    /// Key type names that are strings (`str`, `string`).
    public var stringKeys: Set<String>
    /// Generic union names (`Union`); `A | B` is a union in every dialect.
    public var unions: Set<String>
    /// Generic constant names (`Literal`).
    public var literals: Set<String>
    /// Literal words (`True`, `true`), inside a literal generic or, with `bareLiterals`, alone.
    public var booleans: [String: Bool]
    /// A string, number or boolean literal alone is a constant (TypeScript's `*"click"*`).
    public var bareLiterals: Bool
    /// The name of the null type inside unions (`None`, `null`).
    public var nullNames: Set<String>
    /// A leading `*` (a pointer) carries no meaning (Go's `*string`, `[*shared.X](…)`).
    public var pointers: Bool
    /// SDK-side objects that are not JSON (HTTP responses, streams, raw bytes), by name.
    public var sdkOnly: Set<String>
    /// Links to outside pages by URL fragment (`#date-objects`).
    public var externalFragments: [String: Primitive]
    /// Names that mean a primitive whatever they link to (TypeScript's `[Date](…MDN…)`,
    /// `[RFCDate](../../types/rfcdate.md)`, Go's `[time.Time](…)`).
    public var namedTypes: [String: Primitive]
    /// A `null` member of a field's own union is the nil-able wrapper, not nullable (PHP's
    /// `X|null` is its `?X`: absent, or null where the field is required).
    public var nullMemberIsNilable: Bool

    public init(primitives: [String: Primitive], wrappers: [String: Wrapper] = [:], lists: Set<String> = [],
                maps: Set<String>, stringKeys: Set<String>, unions: Set<String> = [], literals: Set<String> = [],
                booleans: [String: Bool] = [:], bareLiterals: Bool = false, nullNames: Set<String> = [], pointers: Bool = false,
                sdkOnly: Set<String>, externalFragments: [String: Primitive] = [:], namedTypes: [String: Primitive] = [:],
                nullMemberIsNilable: Bool = false) {
        self.nullMemberIsNilable = nullMemberIsNilable
        self.primitives = primitives
        self.wrappers = wrappers
        self.lists = lists
        self.maps = maps
        self.stringKeys = stringKeys
        self.unions = unions
        self.literals = literals
        self.booleans = booleans
        self.bareLiterals = bareLiterals
        self.nullNames = nullNames
        self.pointers = pointers
        self.sdkOnly = sdkOnly
        self.externalFragments = externalFragments
        self.namedTypes = namedTypes
    }
}

/// The raw type an enum's doc declares, in words of its own (`UnrecognizedInt`).
public enum EnumRawTypeWord: String, Sendable, Hashable {
    case integer, string
}

/// How a changelog spells the SDK's client class as the root of a method.
public enum ChangelogRoot: String, Sendable, Hashable {
    /// `OpenRouter` → `openrouter`.
    case lowercased
    /// `UnifiedTo` → `unified_to`, `OpenAPIClient` → `open_api_client`.
    case snakeCase
    /// As the snippet writes it (`Unkey`).
    case asWritten
    /// The package the snippet imports, its first name in PascalCase with acronyms as words and
    /// the rest in camelCase: C#'s `using StackOneHQ.Client;` → `StackOneHq.client` (StackOne's
    /// 185 changelog lines, 2025); the client class where the snippet imports none.
    case package
}

/// How SDKs spell a number where a name may not start with a digit (C#'s `### ArrayOf5` for the
/// model `Five`, Go's field `OneAi` for the key `01ai`).
public enum NumberWords {
    /// `5` → `Five`, `21` → `TwentyOne` (0 to 99).
    public static func spelled(_ number: Int) -> String? {
        let ones = ["Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve",
                    "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen"]
        let tens = ["", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"]
        switch number {
        case 0..<20: return ones[number]
        case 20..<100: return tens[number / 10] + (number % 10 == 0 ? "" : ones[number % 10])
        default: return nil
        }
    }

    /// A name whose leading digits are spelled (`01ai` → `Oneai`); `nil` when it starts with none.
    public static func spellingLeadingNumber(_ name: String) -> String? {
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let number = Int(digits), let words = spelled(number) else { return nil }
        return words + name.dropFirst(digits.count)
    }
}

/// How a usage snippet constructs the SDK's client and calls a method on it: the client class
/// is the first capitalised name called without a receiver (`Meitner(`, `new Unkey(`) or
/// followed by a constructor; the call is the member chain that ends in the method.
public struct UsageNotation: Sendable, Hashable {
    /// What follows the client class to construct it besides calling it: Ruby's `.new(`,
    /// Java's `.builder(`, PHP's `::builder(`. Go's `.New(` follows the SDK's package, whose
    /// name then stands for the client (`openrouter.New(` → `Openrouter`).
    public var constructors: [String]
    /// What joins a receiver to its member: `.`, PHP's `->`.
    public var memberAccess: String
    /// What the snippet's call adds to the documented method's name: C#'s `Async`
    /// (`sdk.Accounting.ListCompaniesAsync(` for `ListCompanies`).
    public var methodSuffix: String
    /// The statement that imports the SDK's package, for `ChangelogRoot.package`: C#'s `using `.
    public var packageImport: String
    /// A call without arguments may leave out its parentheses: Ruby's
    /// `res = s.blocklist_identifiers.list` (Clerk, CLI 1.722).
    public var callsWithoutParentheses: Bool

    public init(constructors: [String] = [], memberAccess: String = ".", methodSuffix: String = "", packageImport: String = "",
                callsWithoutParentheses: Bool = false) {
        self.constructors = constructors
        self.memberAccess = memberAccess
        self.methodSuffix = methodSuffix
        self.packageImport = packageImport
        self.callsWithoutParentheses = callsWithoutParentheses
    }
}
