/// One output file before templating: which template and the values it places. Every
/// identifier, literal and comment line here is final — templates decide nothing.
public struct RenderUnit: Sendable, Equatable {
    public enum Template: String, Sendable, CaseIterable {
        case swiftObject = "swift-object"
        case swiftEnum = "swift-enum"
        case swiftUnion = "swift-union"
        case swiftAlias = "swift-alias"
        case docModel = "doc-model"
        case docIndex = "doc-index"
    }

    public enum Destination: String, Sendable {
        case swift, docs
    }

    public var destination: Destination
    /// Relative to the destination folder.
    public var path: String
    public var template: Template
    public var context: Context

    public enum Context: Sendable, Equatable {
        case object(ObjectContext)
        case enumeration(EnumContext)
        case union(UnionContext)
        case alias(AliasContext)
        case docPage(DocPageContext)
        case docIndex(DocIndexContext)
    }

    public init(destination: Destination, path: String, template: Template, context: Context) {
        self.destination = destination
        self.path = path
        self.template = template
        self.context = context
    }
}

/// The fixed head of every generated Swift file.
public struct FileHeader: Sendable, Equatable {
    /// Complete comment lines; the first is docgen's ownership mark.
    public var comments: [String]
    public var imports: [String]
}

public struct ObjectContext: Sendable, Equatable {
    public var header: FileHeader
    public var doc: [String]
    public var declaration: String
    public var properties: [PropertyContext]
    public var initParameters: [ListItem]
    public var initAssignments: [String]
    public var decodeLines: [String]
    public var encodeLines: [String]
    public var validateLines: [String]
    public var hasValidateLines: Bool
    public var payloadSchemaLines: [String]
    /// Inline unions, declared inside the struct.
    public var nestedTypes: [UnionContext]
    /// `nestedTypes` rendered and indented, filled in by the renderer (Mustache partials
    /// cannot indent section output reliably).
    public var nestedDeclarations: [String] = []
    public var access: String
}

public struct PropertyContext: Sendable, Equatable {
    public var doc: [String]
    public var attributes: [String]
    /// `public var connectionId: Swift.String`
    public var declaration: String
    /// Set when the public property is computed over private storage (deprecated or boxed).
    public var accessor: Accessor?

    public struct Accessor: Sendable, Equatable {
        public var getter: String
        public var setter: String
        public var storage: String
    }
}

/// An element of a comma-separated list laid out one per line.
public struct ListItem: Sendable, Equatable {
    public var text: String
    public var last: Bool
}

public struct EnumContext: Sendable, Equatable {
    public var header: FileHeader
    public var doc: [String]
    public var declaration: String
    public var access: String
    public var open: Bool
    public var cases: [CaseContext]
    public var rawType: String
    public var typeName: String
    public var unknownCaseDoc: [String]
    public var allCases: [ListItem]
    /// `init(rawValue:)` looks values up in a table instead of switching over them: more
    /// values than a switch over literals type-checks quickly.
    public var initByLookup: Bool
    public var initCases: [String]
    public var rawValueCases: [String]
    public var payloadSchemaLines: [String]
}

public struct CaseContext: Sendable, Equatable {
    public var doc: [String]
    public var attributes: [String]
    public var declaration: String
}

public struct UnionContext: Sendable, Equatable {
    public var header: FileHeader?
    public var doc: [String]
    public var declaration: String
    public var access: String
    public var cases: [CaseContext]
    public var decodeLines: [String]
    public var failureLine: String
    public var encodeCases: [String]
    public var validateCases: [String]
    public var hasValidateCases: Bool
    public var payloadSchemaLines: [String]
}

/// A model with the same shape as another (`SameShapes`): a `typealias` of that model's type.
public struct AliasContext: Sendable, Equatable {
    public var header: FileHeader
    public var doc: [String]
    /// `public typealias EmployeeCountry = CountryCode`
    public var declaration: String
}

public struct DocPageContext: Sendable, Equatable {
    public var title: String
    /// Deprecation, description and the Swift declaration, as Markdown lines.
    public var intro: [String]
    public var propertyRows: [String]
    public var hasProperties: Bool
    public var caseRows: [String]
    public var hasCases: Bool
    public var caseNote: String?
    public var leftOut: [String]
    public var hasLeftOut: Bool
}

public struct DocIndexContext: Sendable, Equatable {
    public var rows: [String]
}
