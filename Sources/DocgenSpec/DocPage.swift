import DocgenDiagnostics
import DocgenDialects
import DocgenMarkdown

/// What one spec document says, syntactically: the boundary value between page extraction and
/// schema building. Nothing here is resolved (links are still URLs, types still Markdown), but
/// every cell keeps its location.
public struct DocPage: Sendable, Equatable {
    /// Path relative to the spec root: the model id.
    public var path: String
    public var title: String
    public var titleLocation: SourceLocation
    /// `# ~~Title~~` or a `DEPRECATED` block quote under the title.
    public var deprecation: Deprecation?
    /// The prose between the title and the first `##` section, as Markdown.
    public var description: String
    public var content: Content
    /// An enum's raw type as its doc names it in words (`UnrecognizedInt`), when it does.
    public var declaredRawType: EnumRawTypeWord?

    public enum Content: Sendable, Equatable {
        /// `## Fields`: an object (an empty table is a free-form object).
        case fields([FieldRow])
        /// `## Values`: an enum, open when the example says so.
        case values([ValueRow], open: Bool)
        /// `## Supported Types`: a union, one `###` heading per alternative.
        case supportedTypes([VariantHeading])
        /// An SDK group's operations (`docs/sdks/<group>/README.md`): one `## method` each.
        case operations([OperationSection])
        /// No schema section: not a model (a README, an index page).
        case none

        public var isEnum: Bool {
            if case .values = self { true } else { false }
        }

        /// Whether the page describes a model.
        public var isModel: Bool {
            switch self {
            case .fields, .values, .supportedTypes: true
            case .operations, .none: false
            }
        }
    }

    public init(path: String, title: String, titleLocation: SourceLocation, deprecation: Deprecation?,
                description: String, content: Content, declaredRawType: EnumRawTypeWord? = nil) {
        self.path = path
        self.title = title
        self.titleLocation = titleLocation
        self.deprecation = deprecation
        self.description = description
        self.content = content
        self.declaredRawType = declaredRawType
    }
}

public struct Deprecation: Sendable, Equatable {
    /// The text after the `DEPRECATED` marker, if any.
    public var message: String?

    public init(message: String?) {
        self.message = message
    }
}

/// One row of a `## Fields` table.
public struct FieldRow: Sendable, Equatable {
    /// The Field cell's text (the SDK's property name), code span and strike-through removed.
    public var name: String
    public var nameLocation: SourceLocation
    /// The Type cell parsed as inline Markdown (links, emphasis, code).
    public var type: [Inline]
    public var typeLocation: SourceLocation
    public var required: Bool
    public var description: String
    public var deprecation: Deprecation?
    /// The optional Example column, `<br/>` turned into line breaks.
    public var example: String?

    public init(name: String, nameLocation: SourceLocation, type: [Inline], typeLocation: SourceLocation,
                required: Bool, description: String, deprecation: Deprecation?, example: String?) {
        self.name = name
        self.nameLocation = nameLocation
        self.type = type
        self.typeLocation = typeLocation
        self.required = required
        self.description = description
        self.deprecation = deprecation
        self.example = example
    }
}

/// One documented enum value: the Name column (an SDK constant, absent in bullet-list form)
/// and the raw wire value.
public struct ValueRow: Sendable, Equatable {
    public var name: String?
    /// The wire value, quotes removed.
    public var value: String
    /// The docs wrote the value in quotes (`` - `"6"` ``): it is a string, whatever it looks like.
    public var quoted: Bool
    public var location: SourceLocation

    public init(name: String?, value: String, quoted: Bool = false, location: SourceLocation) {
        self.name = name
        self.value = value
        self.quoted = quoted
        self.location = location
    }
}

/// One `### \`variant\`` heading of a union.
public struct VariantHeading: Sendable, Equatable {
    public var type: [Inline]
    public var location: SourceLocation
    /// The first code block under the heading (Go spells primitive variants only there).
    public var code: String?
    public var codeLocation: SourceLocation?

    public init(type: [Inline], location: SourceLocation, code: String? = nil, codeLocation: SourceLocation? = nil) {
        self.type = type
        self.location = location
        self.code = code
        self.codeLocation = codeLocation
    }
}

/// One SDK method of an operations page: `## list` with its `### Parameters` table, the model
/// under `### Response` and the error types under `### Errors`.
public struct OperationSection: Sendable, Equatable {
    /// The method as the heading writes it (`list`, `create`).
    public var method: String
    public var location: SourceLocation
    /// The Parameters table's rows (Parameter, Type, Required, Description), as field rows.
    public var parameters: [FieldRow]
    /// The Response section's first paragraph (`**[models.XResponse](…)**`), when there is one.
    public var response: [Inline]?
    public var responseLocation: SourceLocation?
    /// The Errors table's rows (`errors.Error400ResponseBody | 400, 404 | application/json`).
    public var errors: [ErrorRow]
    /// How the usage snippet calls the method: the SDK's client class, then the accessors
    /// (`["Meitner", "student_placements", "list"]`); empty when the doc has no snippet.
    public var call: [String]
    /// The SDK's package as the snippet imports it (C#'s `StackOneHQ.Client`), where the
    /// dialect says how (`UsageNotation.packageImport`).
    public var package: String?
    /// The HTTP request the example stands for, from the comment over it
    /// (`<!-- UsageSnippet … operationID="getX" method="get" path="/x/{id}" -->`); `nil` in
    /// generations before CLI 1.595 and in Mintlify (`.mdx`) trees, which write none.
    public var endpoint: EndpointComment?
    /// `## ~~list~~`, or a `> :warning: **DEPRECATED**: …` notice in the method's description.
    public var deprecation: Deprecation?

    public init(method: String, location: SourceLocation, parameters: [FieldRow], response: [Inline]?,
                responseLocation: SourceLocation?, errors: [ErrorRow], call: [String] = [], endpoint: EndpointComment? = nil) {
        self.method = method
        self.call = call
        self.location = location
        self.parameters = parameters
        self.response = response
        self.responseLocation = responseLocation
        self.errors = errors
        self.endpoint = endpoint
    }
}

/// One row of an operation's `### Errors` table, its cells as written (plain text).
public struct ErrorRow: Sendable, Equatable {
    /// The Error Type cell (`errors.NotFound`, `Models::Errors::ClerkErrors`).
    public var name: String
    public var location: SourceLocation
    /// The Status Code cell: one status or several (`401, 403, 429`), classes (`4XX, 5XX`;
    /// 2024: `4xx-5xx`).
    public var statuses: String
    /// The Content Type cell (`application/json`, `*/*`), empty when the table has none.
    public var contentType: String

    public init(name: String, location: SourceLocation, statuses: String = "", contentType: String = "") {
        self.name = name
        self.location = location
        self.statuses = statuses
        self.contentType = contentType
    }
}

/// The attributes of Speakeasy's `<!-- UsageSnippet language="python" operationID="getX"
/// method="get" path="/x/{id}" -->` comment, located at the comment.
public struct EndpointComment: Sendable, Equatable {
    public var operationID: String
    /// Lower-cased (`get`).
    public var method: String
    /// The path template (`/products/{product}/groups/{id}/acl`).
    public var path: String
    public var location: SourceLocation

    public init(operationID: String, method: String, path: String, location: SourceLocation) {
        self.operationID = operationID
        self.method = method
        self.path = path
        self.location = location
    }

    /// The comment's attributes when `html` is a UsageSnippet comment that carries all three.
    public static func parse(_ html: String, at location: SourceLocation) -> EndpointComment? {
        guard let open = html.firstRange(of: "<!--"), html[open.upperBound...].trimmingPrefix(while: \.isWhitespace).hasPrefix("UsageSnippet")
        else { return nil }
        func attribute(_ name: String) -> String? {
            guard let start = html.firstRange(of: " \(name)=\"") else { return nil }
            guard let end = html[start.upperBound...].firstIndex(of: "\"") else { return nil }
            return String(html[start.upperBound..<end])
        }
        guard let id = attribute("operationID"), let method = attribute("method"), let path = attribute("path") else { return nil }
        return EndpointComment(operationID: id, method: method.lowercased(), path: path, location: location)
    }
}
