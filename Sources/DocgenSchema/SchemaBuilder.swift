import DocgenDiagnostics
import DocgenDialects
import DocgenMarkdown
import DocgenSpec

/// `[DocPage]` → `Schema`: parses Type cells, resolves model references inside the spec root,
/// derives JSON keys, checks names and records reference cycles. Reports every problem and
/// keeps going; the schema it returns is only trusted when no error was reported.
public struct SchemaBuilder: Sendable {
    public var dialect: Dialect
    public var parser: TypeParser
    /// The key rule as the dialect applies it (`JSONKeyRule.resolved(for:)`).
    public var keyRule: JSONKeyRule
    let checksKeyOverrides: Bool
    /// What an operations doc's errors are reported as: warnings while operations only say
    /// which methods reach a model (`diff`), errors once a client is generated from them.
    public var operationErrorsAre: Diagnostic.Severity = .warning
    /// `--openapi`: the document's components by name, for the models the docs name and do not
    /// describe (`StandIn`).
    public var standIns: [String: StandIn] = [:]

    /// `checksKeyOverrides`: report a key override that names no field (`diff` reads two
    /// versions with one config, where an override may name a field only one of them has).
    public init(dialect: Dialect, keyRule: JSONKeyRule = JSONKeyRule(), checksKeyOverrides: Bool = true) {
        self.dialect = dialect
        self.parser = TypeParser(vocabulary: TypeVocabulary(dialect.types))
        self.keyRule = keyRule.resolved(for: dialect)
        self.checksKeyOverrides = checksKeyOverrides
    }

    /// `rootPath` is the spec root's absolute path; links are resolved against it as strings
    /// (nothing is read from disk here).
    public func build(_ pages: [DocPage], rootPath: String = "/", diagnostics: inout Diagnostics) -> Schema {
        let sortedPages = pages.sorted { $0.path < $1.path }
        let index = PageIndex(sortedPages, dialect: dialect)
        var models: [Model] = []
        checkDuplicateNames(sortedPages, diagnostics: &diagnostics)
        // Pages build independently (on all cores); results come back in path order.
        let primitiveNames = parser.vocabulary.primitives.keys.sorted()
        let built = sortedPages.concurrentMap { page -> (model: Model?, operations: [Operation], diagnostics: Diagnostics, resolver: ReferenceResolver) in
            var diagnostics = Diagnostics()
            var resolver = ReferenceResolver(index: index, referrer: page.path, rootPath: rootPath, primitiveNames: primitiveNames,
                                             standIns: standIns)
            if case .operations(let sections) = page.content {
                // Operations only say which methods reach a model (for `diff`): a doc problem
                // there is worth a warning, never a reason to write no models, unless a
                // client is made from them.
                var found = Diagnostics(errorsAre: operationErrorsAre)
                let operations = sections.map { self.operation($0, page: page, resolver: &resolver, diagnostics: &found) }
                self.checkEndpoints(sections, diagnostics: &found)
                diagnostics.append(contentsOf: found)
                return (nil, operations, diagnostics, resolver)
            }
            let model = self.model(page, resolver: &resolver, diagnostics: &diagnostics)
            return (model, [], diagnostics, resolver)
        }
        var pageDiagnostics = Diagnostics()
        var operations: [Operation] = []
        for result in built {
            if let model = result.model { models.append(model) }
            operations += result.operations
            pageDiagnostics.append(contentsOf: result.diagnostics)
        }
        if dialect.titleOnlyDocsAreUnions { fillTitleOnlyUnions(&models, from: built.map(\.resolver), diagnostics: &pageDiagnostics) }
        if !standIns.isEmpty { models += standInModels(referencedBy: built.flatMap(\.resolver.usedStandIns), index: index) }
        Self.leavingOutSDKObjects(&models)
        diagnostics.append(contentsOf: Self.summarisingDanglingLinks(pageDiagnostics))
        // A models-only tree (every shared tree's docs/models) has no operations: its locator,
        // which indexes every model by file name, was 15% of dump-ir's instructions.
        if !operations.isEmpty {
            let locator = ParameterLocator(models: models)
            for index in operations.indices { locator.locate(&operations[index]) }
        }
        var schema = Schema(models: models, operations: operations, dialect: dialect.name)
        CycleFinder.markCycles(in: &schema)
        if checksKeyOverrides { checkKeyOverrides(schema, diagnostics: &diagnostics) }
        return schema
    }

    /// The placeholders of the stand-ins the docs refer to, and of the components those refer to
    /// that no doc describes, in name order.
    private func standInModels(referencedBy names: [String], index: PageIndex) -> [Model] {
        var pending = names, taken: Set<String> = []
        var models: [Model] = []
        while let name = pending.popLast() {
            guard !taken.contains(name), let standIn = standIns[name] else { continue }
            taken.insert(name)
            // Referred to from another component, a name a doc describes is that doc's model.
            guard index.models(named: name).isEmpty else { continue }
            models.append(standIn.placeholder(named: name))
            pending += standIn.references
        }
        return models.sorted { $0.name < $1.name }
    }

    /// The model one page describes, or `nil` for a page with no schema section.
    private func model(_ page: DocPage, resolver: inout ReferenceResolver, diagnostics: inout Diagnostics) -> Model? {
        let kind: Model.Kind
        switch page.content {
        case .none, .operations:
            return nil
        case .fields(let rows):
            kind = .object(object(rows, page: page, resolver: &resolver, diagnostics: &diagnostics))
        case .values(let rows, let open):
            kind = .enumeration(enumeration(rows, open: open, title: page.title, declared: page.declaredRawType, diagnostics: &diagnostics))
        case .supportedTypes(let headings):
            kind = .union(union(headings, resolver: &resolver, diagnostics: &diagnostics))
        }
        if page.title.isEmpty {
            diagnostics.error(.modelEmptyName, "document title is empty", at: page.titleLocation)
        }
        return Model(id: page.path, name: page.title, description: page.description,
                     deprecation: page.deprecation, location: page.titleLocation, kind: kind)
    }

    // MARK: - Operations

    /// One SDK method: its parameters read as fields (the SDK's own options left out), its
    /// response and error types resolved like field types. Error types are unlinked names;
    /// one that names no model is left out (it is the SDK's own error class).
    private func operation(_ section: OperationSection, page: DocPage, resolver: inout ReferenceResolver,
                           diagnostics: inout Diagnostics) -> Operation {
        let rows = section.parameters.filter { !$0.name.contains(".") && !dialect.sdkParameters.contains($0.name) }.map { row in
            var row = row
            if !dialect.parameterSigil.isEmpty, row.name.hasPrefix(dialect.parameterSigil) { row.name.removeFirst(dialect.parameterSigil.count) }
            return row
        }
        let parameters = object(rows, page: page, resolver: &resolver, diagnostics: &diagnostics).fields
        var response: TypeRef?
        if let inlines = section.response, let location = section.responseLocation {
            // `**[models.XResponse](…)**`: the emphasis is Markdown, the link the type.
            var cell = inlines.filter { $0 != .strongStart && $0 != .strongEnd }
            if dialect.responseTypeEndsAtComma,
               let comma = cell.firstIndex(where: { if case .text(let text) = $0 { text.hasPrefix(",") } else { false } }) {
                cell = Array(cell[..<comma])
            }
            if !cell.plainText.allSatisfy(\.isWhitespace), let parsed = parseType(cell, at: location, diagnostics: &diagnostics) {
                response = resolver.resolve(parsed.expression, at: location, diagnostics: &diagnostics)
            }
        }
        let errors = section.errors.compactMap { resolver.model(qualifiedName: $0.name).map(TypeRef.ref) }
        let endpoint = section.endpoint.map {
            Endpoint(operationID: $0.operationID, method: $0.method, path: $0.path, source: .docs, location: $0.location)
        }
        // The docs name the success type but print neither its status nor its content type.
        let responses = response.map { [ResponseFact(status: nil, contentType: nil, type: $0, source: .docs, location: section.responseLocation)] } ?? []
        let errorResponses = section.errors.flatMap { row -> [ResponseFact] in
            let type = resolver.model(qualifiedName: row.name).map(TypeRef.ref) ?? .sdkOnly(row.name)
            let contentType = row.contentType.isEmpty ? nil : row.contentType
            return Self.statuses(row.statuses).map {
                ResponseFact(status: $0, contentType: contentType, type: type, source: .docs, location: row.location)
            }
        }
        var operation = Operation(id: page.path, group: page.title, method: section.method, parameters: parameters, response: response,
                                  errors: errors, call: section.call, location: section.location, endpoint: endpoint,
                                  responses: responses, errorResponses: errorResponses)
        operation.package = section.package
        operation.deprecation = section.deprecation
        return operation
    }

    /// A Status Code cell's statuses: `401, 403` → `401`, `403`; `4XX, 5XX` and 2024's
    /// `4xx-5xx` → `4XX`, `5XX`.
    static func statuses(_ cell: String) -> [String] {
        cell.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "-" }).map { $0.uppercased() }
    }

    /// An operations page whose methods carry no UsageSnippet comment (generations before CLI
    /// 1.595, Mintlify trees) gives no operation id, HTTP method or path: one warning a page,
    /// at its first such method.
    private func checkEndpoints(_ sections: [OperationSection], diagnostics: inout Diagnostics) {
        let missing = sections.filter { $0.endpoint == nil }
        guard let first = missing.first else { return }
        diagnostics.warning(.operationNoEndpoint,
                            "\(missing.count) of \(sections.count) operations here carry no UsageSnippet comment; their operation id, HTTP method and path are unknown",
                            at: first.location)
    }

    // MARK: - Objects

    private func object(_ rows: [FieldRow], page: DocPage, resolver: inout ReferenceResolver, diagnostics: inout Diagnostics) -> ObjectModel {
        var fields: [Field] = []
        var additionalProperties: TypeRef?
        var firstByName: [String: SourceLocation] = [:]
        var firstByKey: [String: (SourceLocation, String)] = [:]
        fields.reserveCapacity(rows.count)
        firstByName.reserveCapacity(rows.count)
        firstByKey.reserveCapacity(rows.count)
        for row in rows {
            guard let parsed = parseType(row.type, at: row.typeLocation, diagnostics: &diagnostics) else { continue }
            let undocumented = resolver.undocumentedCount
            let type = resolver.resolve(parsed.expression, at: row.typeLocation, diagnostics: &diagnostics)
            // A model the docs name and do not describe is any JSON value by rule, not by the docs' word.
            let typeSource: Provenance = resolver.undocumentedCount > undocumented ? .rule : .docs
            if dialect.additionalPropertiesFields.contains(row.name) {
                additionalProperties = mapValue(type)
                continue
            }
            // One hash per insert: `updateValue` returns what was there, which is put back (the
            // first stays first) on the rare duplicate.
            if let first = firstByName.updateValue(row.nameLocation, forKey: row.name) {
                firstByName[row.name] = first
                diagnostics.error(.fieldDuplicate, "field '\(row.name)' is defined twice", at: row.nameLocation,
                                  notes: [.init("first defined here", at: first)])
                continue
            }
            let (key, keySource) = keyRule.keyAndSource(model: page.title, field: row.name)
            if let (first, name) = firstByKey.updateValue((row.nameLocation, row.name), forKey: key) {
                firstByKey[key] = (first, name)
                diagnostics.error(.fieldDuplicateKey, "field '\(row.name)' has the JSON key '\(key)' of field '\(name)'",
                                  at: row.nameLocation, notes: [.init("first defined here", at: first)])
                continue
            }
            let nullable = parsed.nullable || (parsed.nilable && row.required)
            // The docs print that a value may be null, never reliably that it may not: no
            // dialect wraps lists, maps or links (and TypeScript and C# wrap nothing), and one
            // wrapper for both on an optional field (Ruby's nilable, Go's pointer, PHP's `?`)
            // covers absent and null alike. Not nullable is the rule's default.
            if parsed.optional, row.required, !nullable {
                diagnostics.warning(.fieldOptionalRequired, "type says Optional but the Required column says required; the Required column wins",
                                    at: row.typeLocation)
            }
            fields.append(Field(name: row.name, jsonKey: key, required: row.required, nullable: nullable,
                                deprecation: row.deprecation, description: row.description, example: row.example,
                                type: type, location: row.nameLocation,
                                sources: Field.Sources(jsonKey: keySource, type: typeSource, nullable: nullable ? .docs : .rule)))
        }
        return ObjectModel(fields: fields, additionalProperties: additionalProperties)
    }

    /// `__pydantic_extra__: Dict[str, X]` (or the dialect's pseudo-field) declares that
    /// undocumented keys hold `X`.
    private func mapValue(_ type: TypeRef) -> TypeRef {
        if case .map(let value) = type { return value }
        return type
    }

    // MARK: - Enums

    private func enumeration(_ rows: [ValueRow], open: Bool, title: String, declared: EnumRawTypeWord?,
                             diagnostics: inout Diagnostics) -> EnumModel {
        var values: [EnumValue] = []
        var firstByValue: [String: SourceLocation] = [:]
        values.reserveCapacity(rows.count)
        firstByValue.reserveCapacity(rows.count)
        for row in rows {
            // One hash per value; a duplicate puts the first location back.
            if let first = firstByValue.updateValue(row.location, forKey: row.value) {
                firstByValue[row.value] = first
                diagnostics.error(.enumDuplicateValue, "value '\(row.value)' is listed twice", at: row.location,
                                  notes: [.init("first listed here", at: first)])
                continue
            }
            var name = row.name.flatMap { $0.isEmpty ? nil : $0 } ?? row.value
            if dialect.enumNamesRepeatTheType, name.count > title.count, name.hasPrefix(title) { name.removeFirst(title.count) }
            values.append(EnumValue(name: name, value: row.value, location: row.location))
        }
        if values.isEmpty, let location = rows.first?.location {
            diagnostics.error(.enumNoValues, "enum lists no values", at: location)
        }
        // The doc's own word decides (`UnrecognizedInt`), when its values are integers. Else
        // quotes make a string (`"6"`): only unquoted integer literals make an integer enum,
        // and only where the notation quotes strings (a table row has a name).
        let allIntegers = !values.isEmpty && values.allSatisfy { Int($0.value) != nil }
        let integers: Bool
        switch declared {
        case .integer?: integers = allIntegers
        case .string?: integers = false
        case nil: integers = allIntegers && !rows.contains { $0.quoted || (dialect.tableEnumValuesAreStrings && $0.name != nil) }
        }
        if integers {
            // `1` and `01` are one integer value, so one Swift case.
            var firstByInteger: [Int: EnumValue] = [:]
            values = values.filter { value in
                let integer = Int(value.value)!
                guard let first = firstByInteger[integer] else {
                    firstByInteger[integer] = value
                    return true
                }
                diagnostics.error(.enumDuplicateValue, "value '\(value.value)' is the integer of '\(first.value)', listed before",
                                  at: value.location, notes: [.init("first listed here", at: first.location)])
                return false
            }
        }
        // Without a marker or quotes, the type is the dialect's rule, not the doc's word.
        let said = declared != nil || rows.contains { $0.quoted }
        return EnumModel(values: values, open: open, rawType: integers ? .integer : .string, rawTypeSource: said ? .docs : .rule)
    }

    // MARK: - Unions

    private func union(_ headings: [VariantHeading], resolver: inout ReferenceResolver, diagnostics: inout Diagnostics) -> UnionModel {
        var variants: [Variant] = []
        for heading in headings {
            var cell = heading.type
            if let caseNames = dialect.unionVariants.caseNames, case let name = Self.removingWhitespace(cell.plainText), !name.isEmpty {
                // C#'s headings name the case (`### ArrayOfStr`): its type follows from the name.
                cell = MarkdownParser.parseInline(caseNames.cell(for: name))
            } else if cell.plainText.allSatisfy(\.isWhitespace), let rule = dialect.unionVariants.typeInCode {
                // An empty heading: the type is in the code under it.
                guard let code = heading.code, let close = code.firstRange(of: rule.close),
                      let open = code[..<close.lowerBound].ranges(of: rule.open).last else {
                    diagnostics.error(.unionVariantUnnamed, "this variant's heading is empty and no code under it names its type", at: heading.location)
                    continue
                }
                cell = [.text(String(code[open.upperBound..<close.lowerBound]))]
            } else if let tag = dialect.unionVariants.typeInDocComment, let code = heading.code, let written = Self.taggedType(tag, in: code) {
                // The code's doc comment writes the whole type (`@var array<string, mixed>`).
                cell = [.text(written)]
            }
            guard let parsed = parseType(cell, at: heading.location, diagnostics: &diagnostics) else { continue }
            var type = resolver.resolve(parsed.expression, at: heading.location, diagnostics: &diagnostics)
            if parsed.nullable { type = .nullable(type) }
            variants.append(Variant(type: type, location: heading.location))
        }
        return UnionModel(variants: variants)
    }

    /// The type a doc-comment line writes after `tag` (` * @var array<string, mixed>` →
    /// `array<string, mixed>`), without a variable name after it (`@var X $value`).
    static func taggedType(_ tag: String, in code: String) -> String? {
        // The tag's first occurrence is on the first line that has it (a tag is one line), so
        // only the rest of that line is read. ASCII code without CR (every PHP doc's) is read
        // by its bytes, which there are its Characters: splitting the code into Character lines
        // cost ~120k instructions a variant, 3% of dump-ir on the PHP tree.
        let bytes = Array(code.utf8), pattern = Array(tag.utf8)
        if !pattern.isEmpty, pattern.allSatisfy({ $0 < 0x80 }), bytes.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\r") }) {
            guard bytes.count >= pattern.count,
                  let found = (0...bytes.count - pattern.count).first(where: { bytes[$0..<$0 + pattern.count].elementsEqual(pattern) })
            else { return nil }
            var lower = found + pattern.count
            var upper = bytes[lower...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            while lower < upper, bytes[lower] == UInt8(ascii: " ") || bytes[lower] == UInt8(ascii: "\t") { lower += 1 }
            if let variable = stride(from: upper - 2, through: lower, by: -1)
                .first(where: { bytes[$0] == UInt8(ascii: " ") && bytes[$0 + 1] == UInt8(ascii: "$") }) { upper = variable }
            while upper > lower, bytes[upper - 1] == UInt8(ascii: " ") || bytes[upper - 1] == UInt8(ascii: "\t") { upper -= 1 }
            return lower == upper ? nil : String(decoding: bytes[lower..<upper], as: UTF8.self)
        }
        guard let found = code.firstRange(of: tag) else { return nil }
        let rest = code[found.upperBound...]
        var written = rest[..<(rest.firstIndex(of: "\n") ?? rest.endIndex)].drop { $0 == " " || $0 == "\t" }
        if let variable = written.ranges(of: " $").last { written = written[..<variable.lowerBound] }
        while let last = written.last, last == " " || last == "\t" || last == "\r" { written = written.dropLast() }
        return written.isEmpty ? nil : String(written)
    }

    /// A model whose every field is SDK-side (C#'s `HTTPMetadata`: the raw request and
    /// response) is no JSON either: a field typed with it is SDK-side too, so a wire body need
    /// not carry it (stackone's error docs list it as required).
    static func leavingOutSDKObjects(_ models: inout [Model]) {
        var sdkObjects: [String: String] = [:]
        for model in models {
            guard case .object(let object) = model.kind, !object.fields.isEmpty,
                  object.fields.allSatisfy({ if case .sdkOnly = $0.type { true } else { false } }) else { continue }
            sdkObjects[model.id] = model.name
        }
        guard !sdkObjects.isEmpty else { return }
        for index in models.indices {
            guard case .object(var object) = models[index].kind,
                  object.fields.contains(where: { if case .ref(let id) = $0.type { sdkObjects[id] != nil } else { false } }) else { continue }
            for f in object.fields.indices {
                if case .ref(let id) = object.fields[f].type, let name = sdkObjects[id] { object.fields[f].type = .sdkOnly(name) }
            }
            models[index].kind = .object(object)
        }
    }

    /// `text` without its white space. ASCII text (a heading, nearly always) is filtered by
    /// bytes: there the white space Characters are exactly tab, LF, VT, FF, CR (and CR-LF) and
    /// space; the Character walk cost ~10k instructions a heading.
    static func removingWhitespace(_ text: String) -> String {
        var text = text
        if let ascii = text.withUTF8({ bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return String(decoding: bytes.filter { $0 != 0x20 && !(0x09...0x0D).contains($0) }, as: UTF8.self)
        }) {
            return ascii
        }
        return text.filter { !$0.isWhitespace }
    }

    /// Java and Ruby union docs hold only a title: their members are what the labels that link
    /// to them spell (`[T.any(A, B)](x.md)`), resolved where the first such label stands. With no
    /// such label the union decodes any JSON value, and a warning says why.
    private func fillTitleOnlyUnions(_ models: inout [Model], from resolvers: [ReferenceResolver], diagnostics: inout Diagnostics) {
        for position in models.indices {
            guard case .union(let union) = models[position].kind, union.variants.isEmpty else { continue }
            let id = models[position].id
            guard var resolver = resolvers.first(where: { $0.unionMembers.contains { $0.target == id } }),
                  let spelled = resolver.unionMembers.first(where: { $0.target == id }) else {
                diagnostics.warning(.unionMembersUnknown,
                                    "this union's doc lists no members and no link to it spells them; it decodes any JSON value",
                                    at: models[position].location)
                models[position].kind = .union(UnionModel(variants: [Variant(type: .any, location: models[position].location)],
                                                          variantsSource: .rule))
                continue
            }
            let variants = spelled.members.map { member in
                Variant(type: resolver.resolve(member, at: spelled.location, diagnostics: &diagnostics), location: spelled.location)
            }
            models[position].kind = .union(UnionModel(variants: variants))
        }
    }

    /// Links resolved by name because their file is missing are one warning for the tree (a
    /// tree with a wrong link template has hundreds), with the first few as notes.
    static func summarisingDanglingLinks(_ diagnostics: Diagnostics) -> Diagnostics {
        let dangling = diagnostics.all.filter { $0.id == DiagnosticID.linkDangling.rawValue && $0.severity == .warning }
        guard dangling.count > 1 else { return diagnostics }
        var result = Diagnostics()
        for diagnostic in diagnostics.all where !(diagnostic.id == DiagnosticID.linkDangling.rawValue && diagnostic.severity == .warning) {
            result.append(diagnostic)
        }
        let sorted = dangling.sorted()
        result.warning(.linkDangling, "\(dangling.count) links point to missing files; each was resolved by name (\(sorted[0].message))",
                       at: sorted[0].location,
                       notes: sorted.dropFirst().prefix(3).map { .init($0.message, at: $0.location) })
        return result
    }

    // MARK: - Shared

    private func parseType(_ inlines: [Inline], at location: SourceLocation, diagnostics: inout Diagnostics) -> ParsedType? {
        switch parser.parse(inlines) {
        case .success(let parsed):
            for warning in parsed.warnings {
                diagnostics.warning(warning.id, warning.message, at: location)
            }
            return parsed
        case .failure(let problem):
            diagnostics.error(problem.id, problem.message, at: location)
            return nil
        }
    }

    /// A key override must name an existing field (`Model.field`, the Field cell as written).
    private func checkKeyOverrides(_ schema: Schema, diagnostics: inout Diagnostics) {
        guard !keyRule.overrides.isEmpty else { return } // the usual case: nothing to look up
        var fields: Set<String> = []
        for model in schema.models {
            if case .object(let object) = model.kind {
                for field in object.fields { fields.insert("\(model.name).\(field.name)") }
            }
        }
        for (target, override) in keyRule.overrides.sorted(by: { $0.key < $1.key }) where !fields.contains(target) {
            let suggestion = Suggestion.closest(to: target, in: Array(fields))
            diagnostics.error(.keysUnknownOverride, "key override '\(target)' names no field (Model.field, as the docs write them)"
                              + (suggestion.map { "; did you mean '\($0)'?" } ?? ""), at: override.location)
        }
    }

    /// Two models with one title in one folder would be one type twice. Across folders they are
    /// two types (`models.X` and `errors.X` in the SDK), told apart by `DistinctNames`.
    private func checkDuplicateNames(_ pages: [DocPage], diagnostics: inout Diagnostics) {
        var first: [String: SourceLocation] = [:]
        first.reserveCapacity(pages.count)
        for page in pages where page.content.isModel && !page.title.isEmpty {
            let key = "\(DistinctNames.folder(of: page.path))/\(page.title)"
            if let earlier = first[key] {
                diagnostics.error(.modelDuplicate, "model '\(page.title)' is defined twice in one folder", at: page.titleLocation,
                                  notes: [.init("first defined here", at: earlier)])
            } else {
                first[key] = page.titleLocation
            }
        }
    }
}
