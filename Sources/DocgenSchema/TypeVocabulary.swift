import DocgenDialects

/// A dialect's `TypeNotation` with its meanings in the IR's terms, built once per run.
/// A class so that handing it to the reader and interpreter of every cell is one reference,
/// not a copy of a dozen collections (which cost more than reading the cell).
public final class TypeVocabulary: Sendable {
    public typealias Wrapper = TypeNotation.Wrapper

    public let primitives: [String: TypeRef]
    public let namedTypes: [String: TypeRef]
    public let externalFragments: [String: TypeRef]
    public let wrappers: [String: Wrapper]
    public let lists: Set<String>
    public let maps: Set<String>
    public let stringKeys: Set<String>
    public let unions: Set<String>
    public let literals: Set<String>
    public let nullNames: Set<String>
    public let booleans: [String: Bool]
    public let bareLiterals: Bool
    public let pointers: Bool
    public let sdkOnly: Set<String>
    public let nullMemberIsNilable: Bool

    public init(_ notation: TypeNotation) {
        primitives = notation.primitives.mapValues(TypeRef.init)
        namedTypes = notation.namedTypes.mapValues(TypeRef.init)
        externalFragments = notation.externalFragments.mapValues(TypeRef.init)
        wrappers = notation.wrappers
        lists = notation.lists
        maps = notation.maps
        stringKeys = notation.stringKeys
        unions = notation.unions
        literals = notation.literals
        nullNames = notation.nullNames
        booleans = notation.booleans
        bareLiterals = notation.bareLiterals
        pointers = notation.pointers
        sdkOnly = notation.sdkOnly
        nullMemberIsNilable = notation.nullMemberIsNilable
    }
}

extension TypeRef {
    init(_ primitive: Primitive) {
        switch primitive {
        case .string: self = .string
        case .integer: self = .integer
        case .number: self = .number
        case .boolean: self = .boolean
        case .any: self = .any
        case .dateTime: self = .dateTime
        case .date: self = .date
        case .anyMap: self = .map(.any)
        case .anyList: self = .list(.any)
        }
    }
}
