import DocgenMarkdown

/// Gives syntax its meaning under a vocabulary.
struct Interpreter {
    let vocabulary: TypeVocabulary
    var warnings: [TypeProblem] = []

    init(vocabulary: TypeVocabulary) {
        self.vocabulary = vocabulary
    }

    /// `link` is the destination of the link whose label is being read: the label's innermost
    /// named type is that link's target. `top` is true while still at field level, where
    /// wrappers set the field's flags instead of wrapping the type.
    mutating func interpret(_ syntax: TypeSyntax, link: (destination: String, text: String)?, top: Bool,
                            into parsed: inout ParsedType, depth: Int) throws -> TypeExpression {
        switch syntax {
        case .link(let destination, let label, let text):
            guard let label else {
                throw TypeProblem(.typeMalformed, "link to '\(destination)' has no label")
            }
            // `[number](../../models/.md)`: a link to no file's name (Speakeasy links primitives and
            // lists of operation docs so) says nothing beyond its label.
            if Self.namesNoFile(destination) {
                return try interpret(label, link: nil, top: top, into: &parsed, depth: depth)
            }
            return try interpret(label, link: (destination, text), top: top, into: &parsed, depth: depth)

        case .generic(let name, let arguments) where vocabulary.wrappers[name] != nil:
            try expectArity(name, arguments, 1)
            let wrapper = vocabulary.wrappers[name]!
            if wrapper == .transparent {
                return try interpret(arguments[0], link: link, top: top, into: &parsed, depth: depth + 1)
            }
            if top {
                if wrapper == .nilable { parsed.nilable = true }
                let optional = wrapper != .nullable
                let nullable = wrapper == .nullable || wrapper == .optionalNullable
                if (optional && parsed.optional) || (nullable && parsed.nullable) {
                    warnings.append(TypeProblem(.typeRedundantWrapper, "'\(name)[...]' repeats a wrapper that is already applied"))
                }
                parsed.optional = parsed.optional || optional
                parsed.nullable = parsed.nullable || nullable
                return try interpret(arguments[0], link: link, top: true, into: &parsed, depth: depth + 1)
            }
            // Inside a container, Python's Optional[X] means X | None: a nullable element.
            let inner = try interpret(arguments[0], link: link, top: false, into: &parsed, depth: depth + 1)
            if case .nullable = inner {
                warnings.append(TypeProblem(.typeRedundantWrapper, "'\(name)[...]' repeats a wrapper that is already applied"))
                return inner
            }
            return .nullable(inner)

        // PHP's `array<X>` is a list and `array<string, X>` a map: the arity decides.
        case .generic(let name, let arguments) where vocabulary.lists.contains(name) && (arguments.count == 1 || !vocabulary.maps.contains(name)):
            try expectArity(name, arguments, 1)
            return .list(try interpret(arguments[0], link: link, top: false, into: &parsed, depth: depth + 1))

        case .generic(let name, let arguments) where vocabulary.maps.contains(name):
            try expectArity(name, arguments, 2)
            guard case .name(let key) = arguments[0], vocabulary.stringKeys.contains(key) else {
                throw TypeProblem(.typeMapKey, "'\(name)' keys must be strings (JSON object keys)")
            }
            return .map(try interpret(arguments[1], link: link, top: false, into: &parsed, depth: depth + 1))

        case .generic(let name, let arguments) where vocabulary.unions.contains(name):
            if let link {
                return try unionDoc(arguments, link: link, top: top, into: &parsed, depth: depth)
            }
            return try union(arguments, label: syntax.text, top: top, into: &parsed, depth: depth)

        case .alternatives(let members):
            if let link {
                return try unionDoc(members, link: link, top: top, into: &parsed, depth: depth)
            }
            return try union(members, label: syntax.text, top: top, into: &parsed, depth: depth)

        case .list(let element):
            // `byte[]` names one SDK-side thing (raw bytes), not a list.
            if case .name(let name) = element, vocabulary.sdkOnly.contains(name + "[]") { return .resolved(.sdkOnly(name + "[]")) }
            return .list(try interpret(element, link: link, top: false, into: &parsed, depth: depth + 1))

        case .object(let key, let value):
            guard case .name(let keyName) = key, vocabulary.stringKeys.contains(keyName) else {
                throw TypeProblem(.typeMapKey, "object keys must be strings (JSON object keys)")
            }
            return .map(try interpret(value, link: link, top: false, into: &parsed, depth: depth + 1))

        case .generic(let name, let arguments) where vocabulary.literals.contains(name):
            let constants = try arguments.map(constant)
            return constants.count == 1 ? .resolved(.const(constants[0])) : .union(constants.map { .resolved(.const($0)) })

        case .generic(let name, _) where vocabulary.sdkOnly.contains(name):
            return .resolved(.sdkOnly(name))

        case .generic(let name, _):
            throw TypeProblem(.typeUnknown, "unknown generic type '\(name)'")

        case .name(let name):
            if let link {
                return try linked(name, link: link)
            }
            if let primitive = vocabulary.primitives[name] { return .resolved(primitive) }
            if vocabulary.sdkOnly.contains(name) { return .resolved(.sdkOnly(name)) }
            if vocabulary.bareLiterals, let value = vocabulary.booleans[name] { return .resolved(.const(.boolean(value))) }
            if vocabulary.nullNames.contains(name) {
                throw TypeProblem(.typeMalformed, "'\(name)' is only meaningful inside a union")
            }
            return .model(ModelReference(link: nil, name: Self.withoutNamespace(name), label: name))

        case .string, .number:
            guard vocabulary.bareLiterals else {
                throw TypeProblem(.typeMalformed, "the literal \(syntax.text) is only allowed inside \(literalType)")
            }
            return .resolved(.const(try constant(syntax)))
        }
    }

    /// `[Union[shared.A, shared.B]](a_or_b.md)`, `[A\|B](x.md)`, `[T.any(A, B)](x.md)`: the link names
    /// the union's own doc, and the label its members (which a title-only union doc lacks).
    mutating func unionDoc(_ members: [TypeSyntax], link: (destination: String, text: String), top: Bool,
                           into parsed: inout ParsedType, depth: Int) throws -> TypeExpression {
        var memberParse = ParsedType(expression: .resolved(.any))
        let alternatives = try union(members, label: link.text, top: true, into: &memberParse, depth: depth)
        if memberParse.nullable {
            if top { parsed.nullable = true } else { return .nullable(.model(reference(link, members: alternatives))) }
        }
        return .model(reference(link, members: alternatives))
    }

    func reference(_ link: (destination: String, text: String), members: TypeExpression) -> ModelReference {
        var reference = ModelReference(link: link.destination, name: "", label: link.text)
        if case .union(let alternatives) = members { reference.unionMembers = alternatives } else { reference.unionMembers = [members] }
        reference.name = reference.unionMembers?.compactMap { if case .model(let m) = $0 { m.name } else { nil } }.joined(separator: "Or") ?? ""
        return reference
    }

    mutating func union(_ members: [TypeSyntax], label: String, top: Bool, into parsed: inout ParsedType,
                        depth: Int) throws -> TypeExpression {
        var alternatives: [TypeExpression] = []
        var hasNull = false
        for member in members {
            if case .name(let name) = member, vocabulary.nullNames.contains(name) {
                hasNull = true
                continue
            }
            alternatives.append(try interpret(member, link: nil, top: false, into: &parsed, depth: depth + 1))
        }
        if alternatives.contains(where: { if case .resolved(.sdkOnly) = $0 { true } else { false } }) {
            return .resolved(.sdkOnly(label))
        }
        let expression: TypeExpression = alternatives.count == 1 ? alternatives[0] : .union(alternatives)
        guard hasNull else { return expression }
        if top, vocabulary.nullMemberIsNilable {
            parsed.nilable = true
            parsed.optional = true
            return expression
        }
        if top {
            parsed.nullable = true
            return expression
        }
        return .nullable(expression)
    }

    func linked(_ name: String, link: (destination: String, text: String)) throws -> TypeExpression {
        if let type = vocabulary.namedTypes[name] { return .resolved(type) }
        let destination = link.destination
        if destination.hasPrefix("http://") || destination.hasPrefix("https://") {
            if let hash = destination.lastIndex(of: "#"),
               let type = vocabulary.externalFragments[String(destination[destination.index(after: hash)...])] {
                return .resolved(type)
            }
            if vocabulary.sdkOnly.contains(name) { return .resolved(.sdkOnly(name)) }
            throw TypeProblem(.typeUnknownExternal, "'\(name)' links to '\(destination)', which is not a type docgen knows")
        }
        return .model(ModelReference(link: destination, name: Self.withoutNamespace(name), label: link.text))
    }

    /// How the dialect's own docs name a literal type, for messages (`Literal[...]`).
    var literalType: String {
        vocabulary.literals.min().map { "\($0)[...]" } ?? "a literal type"
    }

    func constant(_ syntax: TypeSyntax) throws -> ConstValue {
        switch syntax {
        case .string(let value): return .string(value)
        case .number(let value):
            guard let integer = Int(value) else {
                throw TypeProblem(.typeMalformed, "\(literalType) of \(value): only string, integer and boolean constants are supported")
            }
            return .integer(integer)
        case .name(let name) where vocabulary.booleans[name] != nil:
            return .boolean(vocabulary.booleans[name]!)
        default:
            throw TypeProblem(.typeMalformed, "\(literalType) takes string, integer or boolean values")
        }
    }

    func expectArity(_ name: String, _ arguments: [TypeSyntax], _ count: Int) throws {
        guard arguments.count == count else {
            throw TypeProblem(.typeArity, "'\(name)' takes \(count) type argument\(count == 1 ? "" : "s"), not \(arguments.count)")
        }
    }


    /// Whether the link names no file: its last path component is a dot and a name with no
    /// other dot (`../../models/.md`).
    static func namesNoFile(_ destination: String) -> Bool {
        let utf8 = destination.utf8
        // ASCII: bytes are Characters, so the last `/` and the dots can be found without
        // `split` (which walked Characters and built an array for every link).
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            let file = destination.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
            return file.hasPrefix(".") && !file.dropFirst().contains(".")
        }
        let start = utf8.lastIndex(of: UInt8(ascii: "/")).map(utf8.index(after:)) ?? utf8.startIndex
        guard start < utf8.endIndex, utf8[start] == UInt8(ascii: ".") else { return false }
        return !utf8[utf8.index(after: start)...].contains(UInt8(ascii: "."))
    }

    /// `shared.Webhook`, `Models::Shared::Webhook`, `Shared\Webhook` → `Webhook`.
    static func withoutNamespace(_ name: String) -> String {
        // The part after the last `.`, `:` (of `::`) or `\\`; all ASCII, so bytes will do.
        let utf8 = name.utf8
        guard let cut = utf8.lastIndex(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "\\") }) else {
            return name
        }
        return String(name[utf8.index(after: cut)...])
    }
}
