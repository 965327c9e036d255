import DocgenDiagnostics
import DocgenSchema

/// IR(old) vs IR(new) → changes. Models are paired structurally (`ModelPairing`); each pair's
/// members are compared by wire identity (fields by JSON key, enum values by value, variants
/// by type); each change is judged for Swift source and for the wire (`WireCheck`), in the
/// roles the operations that reach it give it.
public struct SchemaDiff: Sendable {
    public let old: DiffSide
    public let new: DiffSide

    public init(old: DiffSide, new: DiffSide) {
        self.old = old
        self.new = new
    }

    /// `includeNotes`: also report changes that affect neither axis nor the docs' meaning
    /// (description edits). `changelog`: which of Speakeasy's changelogs to write.
    public func compare(includeNotes: Bool = false, changelog style: SpeakeasyChangelog.Style = .current) -> DiffReport {
        let operations = OperationMatch(old: old, new: new)
        let pairing = ModelPairing(old: old, new: new, operations: operations.pairs)
        var run = ChangeCollector(old: old, new: new, pairing: pairing, includeNotes: includeNotes)
        run.collect(operations: operations)
        let changes = run.changes.sorted { a, b in
            let (x, y) = (a.location, b.location)
            if x != y { return (x.map { ($0.file, $0.line, $0.column) } ?? ("", 0, 0)) < (y.map { ($0.file, $0.line, $0.column) } ?? ("", 0, 0)) }
            return (a.kind, a.subject, a.detail) < (b.kind, b.subject, b.detail)
        }
        let changelog = SpeakeasyChangelog(old: old, new: new, operations: operations, style: style).lines()
        return DiffReport(changes: changes, changelog: changelog, changelogStyle: style)
    }
}

/// Operations matched by how the SDK calls them (else by doc and heading).
struct OperationMatch {
    var pairs: [OperationPair] = []
    var added: [Operation] = []
    var removed: [Operation] = []

    init(old: DiffSide, new: DiffSide) {
        var byName: [String: Operation] = [:]
        for operation in old.schema.operations { byName[old.methodName(operation)] = byName[old.methodName(operation)] ?? operation }
        var seen: Set<String> = []
        for operation in new.schema.operations {
            let name = new.methodName(operation)
            guard seen.insert(name).inserted else { continue }
            if let before = byName[name] { pairs.append(OperationPair(old: before, new: operation)) } else { added.append(operation) }
        }
        removed = old.schema.operations.filter { !seen.contains(old.methodName($0)) }
    }
}

/// The operations and roles that reach each model of one tree.
struct ReachIndex {
    private(set) var byModel: [String: Set<Change.Reach>] = [:]

    init(_ side: DiffSide) {
        for operation in side.schema.operations {
            let name = side.methodName(operation)
            var roots: [(TypeRef, Change.Role)] = operation.parameters.map { ($0.type, .request) }
            if let response = operation.response { roots.append((response, .response)) }
            roots += operation.errors.map { ($0, .response) }
            for (root, role) in roots {
                var stack = Self.models(in: root)
                var seen: Set<String> = []
                while let id = stack.popLast() {
                    guard seen.insert(id).inserted, let model = side.model(id) else { continue }
                    byModel[id, default: []].insert(Change.Reach(operation: name, role: role))
                    switch model.kind {
                    case .object(let object):
                        for field in object.fields { stack += Self.models(in: field.type) }
                        if let extra = object.additionalProperties { stack += Self.models(in: extra) }
                    case .union(let union):
                        for variant in union.variants { stack += Self.models(in: variant.type) }
                    case .enumeration: break
                    }
                }
            }
        }
    }

    static func models(in type: TypeRef) -> [String] {
        switch type {
        case .ref(let id): [id]
        case .list(let inner), .map(let inner), .nullable(let inner): models(in: inner)
        case .union(let variants): variants.flatMap(models)
        default: []
        }
    }
}

/// Walks the paired models and operations and writes one change per changed member.
struct ChangeCollector {
    let old: DiffSide
    let new: DiffSide
    let pairing: ModelPairing
    let includeNotes: Bool
    let oldReach: ReachIndex
    let newReach: ReachIndex
    /// The old app reading new responses; the new API reading old requests.
    var appReads: WireCheck
    var apiReads: WireCheck
    /// As Speakeasy judges: its SDKs' enums are closed unless the doc says open.
    var sdkReads: WireCheck
    var changes: [Change] = []

    init(old: DiffSide, new: DiffSide, pairing: ModelPairing, includeNotes: Bool) {
        self.old = old
        self.new = new
        self.pairing = pairing
        self.includeNotes = includeNotes
        self.oldReach = ReachIndex(old)
        self.newReach = ReachIndex(new)
        let names = old.names
        appReads = WireCheck(reader: old, writer: new, keepsUnknown: { names.keepsUnknownValues($0) })
        apiReads = WireCheck(reader: new, writer: old, keepsUnknown: Self.documentedOpen)
        sdkReads = WireCheck(reader: old, writer: new, keepsUnknown: Self.documentedOpen)
    }

    static func documentedOpen(_ model: Model) -> Bool {
        if case .enumeration(let enumeration) = model.kind { enumeration.open } else { false }
    }

    mutating func collect(operations: OperationMatch) {
        for operation in operations.added {
            let name = new.methodName(operation)
            changes.append(Change(kind: .operationAdded, subject: name, detail: "added method", old: nil, new: operation.location,
                                  source: .compatible, wire: .compatible, speakeasyBreaking: false,
                                  reach: [.init(operation: name, role: .request)]))
        }
        for operation in operations.removed {
            let name = old.methodName(operation)
            changes.append(Change(kind: .operationRemoved, subject: name, detail: "removed method", old: operation.location, new: nil,
                                  source: .compatible, wire: .breaking, speakeasyBreaking: true,
                                  reach: [.init(operation: name, role: .request)]))
        }
        for pair in operations.pairs { compareRoots(pair) }
        for model in old.schema.models {
            if let id = pairing.newID(for: model.id), let other = new.model(id) {
                compare(model, other)
            } else {
                changes.append(Change(kind: .modelRemoved, subject: old.names.type(model), detail: "removed \(model.kindName)", old: model.location, new: nil,
                                      source: .breaking, wire: .compatible, speakeasyBreaking: true,
                                      reach: reach(old: model.id, new: nil)))
            }
        }
        for model in new.schema.models where pairing.oldID(for: model.id) == nil {
            changes.append(Change(kind: .modelAdded, subject: new.names.type(model), detail: "added \(model.kindName)", old: nil,
                                  new: model.location, source: .compatible, wire: .compatible, speakeasyBreaking: false,
                                  reach: reach(old: nil, new: model.id)))
        }
    }

    // MARK: - Operations

    private mutating func compareRoots(_ pair: OperationPair) {
        let name = new.methodName(pair.new)
        let roots: [(Change.Role, TypeRef?, TypeRef?)] = [
            (.request, pair.old.requestModel.map(TypeRef.ref), pair.new.requestModel.map(TypeRef.ref)),
            (.response, old.responseBody(pair.old)?.type, new.responseBody(pair.new)?.type),
        ]
        for (role, a, b) in roots {
            guard let a, let b, !pairing.same(a, b) else { continue }
            let breaks = role == .response ? !appReads.accepts(a, b) : !apiReads.accepts(b, a)
            changes.append(Change(kind: .operationRootChanged, subject: name, detail: "\(role.rawValue) \(spell(a, old)) → \(spell(b, new))",
                                  old: pair.old.location, new: pair.new.location, source: .compatible, wire: breaks ? .breaking : .compatible,
                                  speakeasyBreaking: breaks, reach: [.init(operation: name, role: role)]))
        }
        if pair.old.deprecation == nil, let deprecation = pair.new.deprecation {
            // A call still compiles (with a warning) and still reaches the API.
            changes.append(Change(kind: .operationDeprecated, subject: name, detail: deprecation.message ?? "deprecated",
                                  old: pair.old.location, new: pair.new.location, source: .compatible, wire: .compatible,
                                  speakeasyBreaking: false, reach: [.init(operation: name, role: .request)]))
        }
    }

    // MARK: - Models

    private mutating func compare(_ a: Model, _ b: Model) {
        let reach = reach(old: a.id, new: b.id)
        let typeA = old.names.type(a), typeB = new.names.type(b)
        func record(_ kind: Change.Kind, _ detail: String, source: Change.Verdict, breaksResponse: Bool = false,
                    breaksRequest: Bool = false, speakeasy: Bool? = nil) {
            let wire = wireVerdict(breaksResponse: breaksResponse, breaksRequest: breaksRequest, reach: reach)
            changes.append(Change(kind: kind, subject: typeB, detail: detail, old: a.location, new: b.location, source: source, wire: wire,
                                  speakeasyBreaking: speakeasy ?? (wire == .breaking || kind.isRemoval), reach: reach))
        }
        if typeA != typeB { record(.modelRenamed, "\(typeA) → \(typeB)", source: .breaking) }
        if a.deprecation == nil, b.deprecation != nil {
            record(.modelDeprecated, b.deprecation?.message ?? "deprecated", source: .compatible)
        }
        switch (a.kind, b.kind) {
        case (.object(let p), .object(let q)): compareObjects(a, p, b, q, reach: reach)
        case (.enumeration(let p), .enumeration(let q)) where p.rawType == q.rawType: compareEnums(a, p, b, q, reach: reach)
        case (.union(let p), .union(let q)): compareUnions(a, p, b, q, reach: reach)
        default:
            let breaksResponse = !appReads.accepts(.ref(a.id), .ref(b.id)), breaksRequest = !apiReads.accepts(.ref(b.id), .ref(a.id))
            record(.modelKindChanged, "\(a.kindName) → \(b.kindName)", source: .breaking, breaksResponse: breaksResponse,
                   breaksRequest: breaksRequest, speakeasy: true)
        }
    }

    private mutating func compareObjects(_ a: Model, _ p: ObjectModel, _ b: Model, _ q: ObjectModel, reach: [Change.Reach]) {
        let typeB = new.names.type(b)
        let before = Dictionary(p.fields.map { ($0.jsonKey, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Set(q.fields.map(\.jsonKey))
        func record(_ kind: Change.Kind, _ member: String, _ detail: String, old: Field?, new: Field?, source: Change.Verdict,
                    breaksResponse: Bool = false, breaksRequest: Bool = false, speakeasy: Bool? = nil) {
            let wire = wireVerdict(breaksResponse: breaksResponse, breaksRequest: breaksRequest, reach: reach)
            let guessed = [(old, a, self.old), (new, b, self.new)].contains { field, model, side in field.map { side.keyIsGuessed($0, of: model) } ?? false }
            changes.append(Change(kind: kind, subject: "\(typeB).\(member)", detail: detail, old: old?.location, new: new?.location,
                                  source: source, wire: wire, speakeasyBreaking: speakeasy ?? (wire == .breaking || kind.isRemoval),
                                  reach: reach, keyGuessed: guessed))
        }
        for field in q.fields {
            let member = new.names.property(field, of: b)
            guard let previous = before[field.jsonKey] else {
                let detail = "added: \(spellField(field, new))"
                if field.required {
                    record(.fieldAddedRequired, member, detail, old: nil, new: field, source: .breaking, breaksRequest: true)
                } else {
                    record(.fieldAddedOptional, member, detail, old: nil, new: field, source: .compatible)
                }
                continue
            }
            let oldMember = old.names.property(previous, of: a)
            if oldMember != member {
                record(.fieldRenamed, member, "\(oldMember) → \(member)", old: previous, new: field, source: .breaking)
            }
            if !pairing.same(previous.type, field.type) {
                if case .const(let x) = previous.type, case .const(let y) = field.type, sameKind(x, y) {
                    record(.fieldConstChanged, member, "\(literal(x)) → \(literal(y))", old: previous, new: field, source: .compatible,
                           breaksResponse: true, breaksRequest: true)
                } else {
                    let breaksResponse = !appReads.accepts(previous.type, field.type), breaksRequest = !apiReads.accepts(field.type, previous.type)
                    record(.fieldTypeChanged, member, "\(spell(previous.type, old)) → \(spell(field.type, new))", old: previous, new: field,
                           source: .breaking, breaksResponse: breaksResponse, breaksRequest: breaksRequest,
                           speakeasy: !sdkReads.accepts(previous.type, field.type) || breaksRequest || breaksResponse)
                }
            }
            if previous.required != field.required {
                let detail = "\(spellField(previous, old)) → \(spellField(field, new))"
                if field.required {
                    record(.fieldBecameRequired, member, detail, old: previous, new: field, source: .breaking, breaksRequest: true)
                } else {
                    record(.fieldBecameOptional, member, detail, old: previous, new: field, source: .breaking, breaksResponse: true)
                }
            }
            if previous.nullable != field.nullable {
                record(.fieldNullabilityChanged, member, field.nullable ? "may now be null" : "may no longer be null", old: previous, new: field,
                       source: .breaking, breaksResponse: field.nullable, breaksRequest: !field.nullable)
            }
            if previous.deprecation == nil, let deprecation = field.deprecation {
                record(.fieldDeprecated, member, deprecation.message ?? "deprecated", old: previous, new: field, source: .compatible)
            }
            if includeNotes, previous.description != field.description {
                record(.fieldDescriptionChanged, member, "description edited", old: previous, new: field, source: .compatible)
            }
        }
        for field in p.fields where !after.contains(field.jsonKey) {
            record(.fieldRemoved, old.names.property(field, of: a), "removed: \(spellField(field, old))", old: field, new: nil, source: .breaking,
                   breaksResponse: field.required)
        }
        switch (p.additionalProperties, q.additionalProperties) {
        case (nil, let extra?):
            record(.fieldAddedOptional, "additionalProperties", "added: [String: \(spell(extra, new))]", old: nil, new: nil, source: .compatible)
        case (let extra?, nil):
            record(.fieldRemoved, "additionalProperties", "removed: [String: \(spell(extra, old))]", old: nil, new: nil, source: .breaking)
        case (let x?, let y?) where !pairing.same(x, y):
            record(.fieldTypeChanged, "additionalProperties", "\(spell(x, old)) → \(spell(y, new))", old: nil, new: nil, source: .breaking,
                   breaksResponse: !appReads.accepts(x, y), breaksRequest: !apiReads.accepts(y, x))
        default: break
        }
    }

    private mutating func compareEnums(_ a: Model, _ p: EnumModel, _ b: Model, _ q: EnumModel, reach: [Change.Reach]) {
        let typeB = new.names.type(b)
        let appKeeps = old.names.keepsUnknownValues(a)
        func record(_ kind: Change.Kind, _ member: String, _ detail: String, old: SourceLocation?, new: SourceLocation?,
                    source: Change.Verdict, breaksResponse: Bool = false, breaksRequest: Bool = false, speakeasy: Bool) {
            let wire = wireVerdict(breaksResponse: breaksResponse, breaksRequest: breaksRequest, reach: reach)
            changes.append(Change(kind: kind, subject: member.isEmpty ? typeB : "\(typeB).\(member)", detail: detail, old: old, new: new,
                                  source: source, wire: wire, speakeasyBreaking: speakeasy, reach: reach))
        }
        let before = Set(p.values.map(\.value)), after = Set(q.values.map(\.value))
        let removed = p.values.filter { !after.contains($0.value) }
        var added = q.values.filter { !before.contains($0.value) }
        let inResponse = reach.isEmpty || reach.contains { $0.role == .response }
        let inRequest = reach.isEmpty || reach.contains { $0.role == .request }
        for value in removed {
            let name = old.names.enumCase(value, of: a)
            // Same case, other wire value: the Swift stays, the wire does not.
            if let index = added.firstIndex(where: { new.names.enumCase($0, of: b) == name }) {
                let moved = added.remove(at: index)
                record(.enumValueWireChanged, name, "\(literal(value.value)) → \(literal(moved.value))", old: value.location, new: moved.location,
                       source: .compatible, breaksResponse: !appKeeps, breaksRequest: !q.open, speakeasy: true)
                continue
            }
            record(.enumValueRemoved, name, "removed: \(literal(value.value))", old: value.location, new: nil, source: .breaking,
                   breaksRequest: !q.open, speakeasy: true)
        }
        for value in added {
            record(.enumValueAdded, new.names.enumCase(value, of: b), "added: \(literal(value.value))", old: nil, new: value.location, source: .breaking,
                   breaksResponse: !appKeeps, speakeasy: inResponse && !p.open)
        }
        let keptBefore = appKeeps, keptAfter = new.names.keepsUnknownValues(b)
        if p.open != q.open || keptBefore != keptAfter {
            record(.enumOpennessChanged, "", "\(p.open ? "open" : "closed") → \(q.open ? "open" : "closed")", old: a.location, new: b.location,
                   source: keptBefore == keptAfter ? .compatible : .breaking, breaksResponse: q.open && !appKeeps,
                   breaksRequest: p.open && !q.open, speakeasy: inRequest && p.open && !q.open)
        }
    }

    private mutating func compareUnions(_ a: Model, _ p: UnionModel, _ b: Model, _ q: UnionModel, reach: [Change.Reach]) {
        let typeB = new.names.type(b)
        var unmatched = q.variants
        var removed: [Variant] = []
        for variant in p.variants {
            if let index = unmatched.firstIndex(where: { pairing.same(variant.type, $0.type) }) { unmatched.remove(at: index) } else { removed.append(variant) }
        }
        for variant in removed {
            let breaksRequest = !q.variants.contains { apiReads.accepts($0.type, variant.type) }
            let wire = wireVerdict(breaksResponse: false, breaksRequest: breaksRequest, reach: reach)
            changes.append(Change(kind: .unionVariantRemoved, subject: typeB, detail: "removed variant: \(spell(variant.type, old))", old: variant.location, new: nil,
                                  source: .breaking, wire: wire, speakeasyBreaking: true, reach: reach))
        }
        for variant in unmatched {
            let breaksResponse = !p.variants.contains { appReads.accepts($0.type, variant.type) }
            let wire = wireVerdict(breaksResponse: breaksResponse, breaksRequest: false, reach: reach)
            changes.append(Change(kind: .unionVariantAdded, subject: typeB, detail: "added variant: \(spell(variant.type, new))", old: nil, new: variant.location,
                                  source: .breaking, wire: wire, speakeasyBreaking: wire == .breaking, reach: reach))
        }
    }

    // MARK: - Verdicts and words

    /// Breaking on the wire when a role that reaches the change breaks; a model no operation
    /// reaches is judged in both roles.
    private func wireVerdict(breaksResponse: Bool, breaksRequest: Bool, reach: [Change.Reach]) -> Change.Verdict {
        let roles = Set(reach.map(\.role))
        let response = roles.isEmpty || roles.contains(.response), request = roles.isEmpty || roles.contains(.request)
        return (response && breaksResponse) || (request && breaksRequest) ? .breaking : .compatible
    }

    private func reach(old a: String?, new b: String?) -> [Change.Reach] {
        let reached = (b.flatMap { newReach.byModel[$0] } ?? []).union(b == nil ? (a.flatMap { oldReach.byModel[$0] } ?? []) : [])
        return reached.sorted()
    }

    private func sameKind(_ x: ConstValue, _ y: ConstValue) -> Bool {
        switch (x, y) {
        case (.string, .string), (.integer, .integer), (.boolean, .boolean): true
        default: false
        }
    }

    private func literal(_ value: ConstValue) -> String {
        switch value {
        case .string(let s): literal(s)
        case .integer(let n): String(n)
        case .boolean(let b): String(b)
        }
    }

    private func literal(_ text: String) -> String { JSONText.quoted(text) }

    /// A field's type as its generated property declares it, without modules.
    private func spellField(_ field: Field, _ side: DiffSide) -> String {
        side.names.fieldType(field, nested: "", readable: true)
    }

    /// A type as the generated Swift spells it, without modules (`[LmsInstructor?]`,
    /// `[String: Int]`); an inline union shows its alternatives.
    func spell(_ type: TypeRef, _ side: DiffSide) -> String {
        side.names.readableType(type, nested: "")
    }
}
