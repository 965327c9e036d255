import DocgenDiagnostics
import DocgenSpec

/// The language-neutral schema IR: the boundary value between schema building and the
/// writers. Links are resolved inside the spec root, names checked, cycles known; nothing
/// here is Swift-specific. Every node keeps the source location it came from.
public struct Schema: Sendable, Equatable {
    /// Sorted by `id`.
    public var models: [Model]
    /// The SDK's methods, from its operation docs (`sdks/<group>/README.md`), in doc order
    /// (by doc, then line); empty for a tree of model docs only.
    public var operations: [Operation]
    /// The name of the dialect the docs were read in (`python`): what the IR holds does not
    /// depend on it, but what the docs could say does (Docs/dialects.md).
    public var dialect: String
    /// Where the API is served (`--openapi`'s `servers`, or the config's); empty when unknown.
    public var servers: [Server] = []
    /// How it takes credentials: the docs' `Security` model read by rule, then `--openapi`'s
    /// `securitySchemes`, then the config's.
    public var securitySchemes: [SecuritySchemeFact] = []

    public init(models: [Model], operations: [Operation] = [], dialect: String) {
        self.models = models.sorted { $0.id < $1.id }
        self.operations = operations.sorted { ($0.id, $0.location.line) < ($1.id, $1.location.line) }
        self.dialect = dialect
    }

    public func model(id: String) -> Model? {
        models.first { $0.id == id }
    }
}

public struct Model: Sendable, Equatable {
    /// The doc path relative to the spec root, e.g. `models/shared/webhook.md`.
    public var id: String
    /// The doc title, e.g. `Webhook`.
    public var name: String
    public var description: String
    public var deprecation: Deprecation?
    public var location: SourceLocation
    public var kind: Kind

    /// `object`, `enum` or `union`: the IR's word for the kind (dump-ir's `kind`).
    public var kindName: String {
        switch kind {
        case .object: "object"
        case .enumeration: "enum"
        case .union: "union"
        }
    }

    public enum Kind: Sendable, Equatable {
        case object(ObjectModel)
        case enumeration(EnumModel)
        case union(UnionModel)
    }

    public init(id: String, name: String, description: String, deprecation: Deprecation?,
                location: SourceLocation, kind: Kind) {
        self.id = id
        self.name = name
        self.description = description
        self.deprecation = deprecation
        self.location = location
        self.kind = kind
    }
}

/// Deprecation is read from the page as is (`# ~~Title~~`, struck field names, DEPRECATED text).
public typealias Deprecation = DocgenSpec.Deprecation

public struct ObjectModel: Sendable, Equatable {
    /// In document order.
    public var fields: [Field]
    /// The value type of undocumented keys, from a `__pydantic_extra__` pseudo-field.
    public var additionalProperties: TypeRef?
    /// `docs` (the pseudo-field, or none printed), `openapi` when the document declares them.
    public var additionalPropertiesSource: Provenance

    public init(fields: [Field], additionalProperties: TypeRef? = nil, additionalPropertiesSource: Provenance = .docs) {
        self.additionalPropertiesSource = additionalPropertiesSource
        self.fields = fields
        self.additionalProperties = additionalProperties
    }
}

public struct Field: Sendable, Equatable {
    /// The Field cell as written (the SDK's property name, e.g. `from_`).
    public var name: String
    /// The wire key, by the key rule (as written, minus Python's reserved-word underscore).
    public var jsonKey: String
    public var required: Bool
    /// The value may be JSON `null` (distinct from absent).
    public var nullable: Bool
    public var deprecation: Deprecation?
    public var description: String
    public var example: String?
    public var type: TypeRef
    /// The field's type reaches back to its own model without passing through a list or map:
    /// a writer must box it.
    public var cyclic: Bool
    public var location: SourceLocation
    /// Where `jsonKey`, `type`, `required` and `nullable` came from.
    public var sources: Sources

    /// The provenance of each fact of a field the docs may or may not say. The docs never
    /// print a wire key: it comes from the key rule, the config's overrides or the OpenAPI
    /// document.
    public struct Sources: Sendable, Equatable {
        public var jsonKey: Provenance = .rule
        public var type: Provenance = .docs
        public var required: Provenance = .docs
        public var nullable: Provenance = .docs

        /// The facts the user's evidence gave (the OpenAPI document, the config), with their
        /// source: dump-ir's `"source"`. The others follow from the field itself: the key is the
        /// key rule's, `nullable` is the docs' word when true and the rule's default when false,
        /// the type and the required flag are the docs'.
        public var fromEvidence: [(fact: StaticString, source: Provenance)] {
            // Nearly every field has none: no arrays built for it (dump-ir writes one per field).
            guard jsonKey.isEvidence || type.isEvidence || required.isEvidence || nullable.isEvidence else { return [] }
            return
                [("jsonKey", jsonKey), ("type", type), ("required", required), ("nullable", nullable)].filter { $0.1.isEvidence }
        }

        public init(jsonKey: Provenance = .rule, type: Provenance = .docs, required: Provenance = .docs, nullable: Provenance = .docs) {
            self.jsonKey = jsonKey
            self.type = type
            self.required = required
            self.nullable = nullable
        }
    }

    public init(name: String, jsonKey: String, required: Bool, nullable: Bool, deprecation: Deprecation?,
                description: String, example: String?, type: TypeRef, cyclic: Bool = false, location: SourceLocation,
                sources: Sources = Sources()) {
        self.sources = sources
        self.name = name
        self.jsonKey = jsonKey
        self.required = required
        self.nullable = nullable
        self.deprecation = deprecation
        self.description = description
        self.example = example
        self.type = type
        self.cyclic = cyclic
        self.location = location
    }
}

public struct EnumModel: Sendable, Equatable {
    public enum RawType: String, Sendable, Equatable {
        case string, integer
    }

    public var values: [EnumValue]
    /// The docs say unknown values are kept (an open enum).
    public var open: Bool
    /// `integer` when every value is an unquoted integer literal.
    public var rawType: RawType
    /// `docs` when the doc says it (a marker, quotes), `rule` when the dialect's rule decided.
    public var rawTypeSource: Provenance

    public init(values: [EnumValue], open: Bool, rawType: RawType, rawTypeSource: Provenance = .docs) {
        self.rawTypeSource = rawTypeSource
        self.values = values
        self.open = open
        self.rawType = rawType
    }
}

public struct EnumValue: Sendable, Equatable {
    /// The SDK constant (`ACCOUNTING_ACCOUNT`), or the value itself when the docs give none.
    public var name: String
    /// The exact wire value.
    public var value: String
    public var location: SourceLocation

    public init(name: String, value: String, location: SourceLocation) {
        self.name = name
        self.value = value
        self.location = location
    }
}

public struct UnionModel: Sendable, Equatable {
    public var variants: [Variant]
    /// The union holds itself by value through its alternatives (a union of unions that comes
    /// back to itself), so a writer must box it (Swift: `indirect`). Decided by the schema
    /// builder, with the fields' `cyclic`; a lone `UnionModel` is not recursive.
    public var recursive: Bool
    /// `docs` when the docs list the members, `rule` when nothing does and the union stands
    /// for any JSON value, `openapi` when the vendor's document gave them.
    public var variantsSource: Provenance

    public init(variants: [Variant], recursive: Bool = false, variantsSource: Provenance = .docs) {
        self.variantsSource = variantsSource
        self.variants = variants
        self.recursive = recursive
    }
}

public struct Variant: Sendable, Equatable {
    public var type: TypeRef
    public var location: SourceLocation

    public init(type: TypeRef, location: SourceLocation) {
        self.type = type
        self.location = location
    }
}

/// A resolved type. `ref` names a model by id.
public indirect enum TypeRef: Sendable, Hashable {
    case string, integer, number, boolean
    /// RFC 3339 date-time.
    case dateTime
    /// A calendar date (`2024-02-29`).
    case date
    /// Any JSON value.
    case any
    case list(TypeRef)
    /// A JSON object with string keys.
    case map(TypeRef)
    case ref(String)
    case const(ConstValue)
    case union([TypeRef])
    /// An SDK-side object that is not JSON (an HTTP response, a byte stream), with its label.
    case sdkOnly(String)
    /// The value may be JSON `null`; only inside containers and unions (a field says it itself).
    case nullable(TypeRef)
}

public enum ConstValue: Sendable, Hashable {
    case string(String)
    case integer(Int)
    case boolean(Bool)
}

/// One SDK method: what it sends and what it returns, by model.
public struct Operation: Sendable, Equatable {
    /// The group's operations doc (`sdks/units/README.md`).
    public var id: String
    /// The group as its doc titles it (`StudentPlacements`) and the method (`list`).
    public var group: String
    public var method: String
    /// The Parameters table's rows, as fields (JSON keys by the tree's key rule), without the
    /// SDK's own options (`retries`, `server_url`, `options`): either the request body's fields
    /// flattened into arguments, or one `request` parameter typed with the request model.
    public var parameters: [Field]
    /// What the method returns (a `ref` to the response model), when the doc says.
    public var response: TypeRef?
    /// The error types it may throw, as models where they are documented.
    public var errors: [TypeRef]
    /// How the doc's usage snippet calls it: the SDK's client class, then the accessors
    /// (`["Meitner", "student_placements", "list"]`); empty without a snippet.
    public var call: [String]
    /// The SDK's package as the usage snippet imports it (C#'s `StackOneHQ.Client`), for the
    /// changelog's root; nil where the dialect's snippets import none.
    public var package: String?
    /// The doc deprecates the method (`## ~~list~~`, a DEPRECATED notice).
    public var deprecation: Deprecation?
    public var location: SourceLocation

    // The HTTP facts (OperationHTTP.swift), for a client.

    /// The operation id, HTTP method and path template; `nil` where the docs print none.
    public var endpoint: Endpoint?
    public var requestShape: RequestShape
    /// Where each parameter goes: one binding per parameter (`arguments`, `body`) or per
    /// field of the wrapper model (`wrapper`).
    public var bindings: [ParameterBinding]
    public var body: RequestBody?
    /// The success responses the docs show (one: `### Response`).
    public var responses: [ResponseFact]
    /// The `### Errors` table, one fact per status.
    public var errorResponses: [ResponseFact]
    /// The security schemes it accepts, any one of them (names in `Schema.securitySchemes`);
    /// nil when no one says (the client then offers every scheme it knows), empty for none.
    public var security: [String]?

    public init(id: String, group: String, method: String, parameters: [Field], response: TypeRef?, errors: [TypeRef],
                call: [String] = [], location: SourceLocation, endpoint: Endpoint? = nil, requestShape: RequestShape = .none,
                bindings: [ParameterBinding] = [], body: RequestBody? = nil, responses: [ResponseFact] = [],
                errorResponses: [ResponseFact] = []) {
        self.endpoint = endpoint
        self.requestShape = requestShape
        self.bindings = bindings
        self.body = body
        self.responses = responses
        self.errorResponses = errorResponses
        self.call = call
        self.id = id
        self.group = group
        self.method = method
        self.parameters = parameters
        self.response = response
        self.errors = errors
        self.location = location
    }

    /// The request model, when a single `request` parameter carries it.
    public var requestModel: String? {
        parameters.first { $0.name == "request" }.flatMap { $0.type.modelID }
    }

    /// The model the doc names as the response.
    public var responseModel: String? { response?.modelID }
}

extension TypeRef {
    /// The model this type is, seen through `nullable` (not through lists or maps).
    public var modelID: String? {
        switch self {
        case .ref(let id): id
        case .nullable(let inner): inner.modelID
        default: nil
        }
    }
}

/// Where a fact of the IR came from (dump-ir's `"source"`): read in the `docs`, inferred by
/// one of docgen's `rule`s where the docs are silent, taken from the vendor's `openapi`
/// document (`--openapi`), or set by the user's `config`.
public enum Provenance: String, Sendable, Equatable, CaseIterable {
    case docs, rule, openapi, config

    /// Given by the user's evidence (the OpenAPI document, the config), not read or inferred.
    public var isEvidence: Bool { self == .openapi || self == .config }
}
