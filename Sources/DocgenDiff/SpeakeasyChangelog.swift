import DocgenSchema

/// The diff as Speakeasy's own changelog writes it: one entry per SDK method, each a path
/// from `request` (the method's parameters) or `response` (the body it returns) to what
/// changed, with Speakeasy's collapse rule: a node with exactly one changed child is passed
/// through (`response.data[].school_type`), a node with more is reported `**Changed**` itself.
/// Path atoms: a field by its SDK name, `[]` for a list's element, `Map<T>` for a map's value,
/// `enum(v)` for an enum value. Types are compared by shape, not by name, as Speakeasy
/// compares the OpenAPI document.
public struct SpeakeasyChangelog {
    /// Which of Speakeasy's changelogs: the current one (CLI 1.7xx on), or the older one
    /// (`## Python SDK Changes Detected:`), which leaves out a new enum value, and judges
    /// breaking as the OpenAPI change report does (an added enum value breaks nothing).
    public enum Style: String, Sendable, CaseIterable {
        case current, legacy
    }

    let old: DiffSide
    let new: DiffSide
    let operations: OperationMatch
    let style: Style

    /// A change below some node: added, removed, or changed (with the changes below it).
    indirect enum Delta {
        case added(breaking: Bool)
        case removed(breaking: Bool)
        case changed(breaking: Bool, children: [(atom: String, delta: Delta)])

        var breaking: Bool {
            switch self {
            case .added(let b), .removed(let b), .changed(let b, _): b
            }
        }

        /// The delta without the enum values it adds (`enum(MealPlanner)` **Added**), which the
        /// older changelog leaves out, and without the nodes that changed only by them; `nil`
        /// when nothing is left.
        var withoutAddedEnumValues: Delta? {
            guard case .changed(let breaking, let children) = self, !children.isEmpty else { return self }
            let kept = children.compactMap { child -> (atom: String, delta: Delta)? in
                if case .added(false) = child.delta, child.atom.hasPrefix("enum(") || child.atom.hasPrefix("Enum(") { return nil }
                return child.delta.withoutAddedEnumValues.map { (child.atom, $0) }
            }
            return kept.isEmpty ? nil : .changed(breaking: breaking, children: kept)
        }

        /// The names just below this node with their first letter lower-cased (`Data` → `data`).
        var camelCasedAtoms: Delta {
            guard case .changed(let breaking, let children) = self else { return self }
            return .changed(breaking: breaking, children: children.map { ($0.atom.prefix(1).lowercased() + $0.atom.dropFirst(), $0.delta) })
        }

        /// Whether this node is the one `withoutLoneRequest` was given (its names are the
        /// method's arguments), not the lone `request` wrapper's properties below it.
        func atomsAreArguments(of request: Delta) -> Bool {
            guard case .changed(_, let mine) = self, case .changed(_, let theirs) = request else { return true }
            return mine.map(\.atom) == theirs.map(\.atom)
        }
    }

    /// One changelog entry: a path and what happened there.
    struct Entry {
        var path: String
        var verb: String
        var breaking: Bool

        func text(_ style: Style) -> String {
            "`\(path)` **\(verb)**" + Entry.flag(breaking, style)
        }

        static func flag(_ breaking: Bool, _ style: Style) -> String {
            breaking ? (style == .legacy ? " **Breaking** :warning:" : " (Breaking ⚠️)") : ""
        }
    }

    func lines() -> [String] {
        var lines: [String] = []
        for operation in operations.added { lines.append("* `\(call(operation, new))`: **Added**") }
        for pair in operations.pairs {
            // Its own line, before the method's other entries, in either style (Clerk's
            // 45b34e8, StackOne's ea1e8aa): `* \`…list()\`: **Deprecated**`.
            if pair.old.deprecation == nil, pair.new.deprecation != nil {
                lines.append("* `\(call(pair.new, new))`: **Deprecated**")
            }
            var entries: [Entry] = []
            var walk = Walk(old: old, new: new, role: .request, style: style)
            if let request = walk.fields(pair.old.parameters, pair.new.parameters) {
                let lone = Self.rollingUpQueryParameters(Self.withoutLoneRequest(request, pair.old, pair.new, old: old, new: new), of: pair.new)
                // The arguments, not a wrapper's properties (`request.is_active`), are C#'s camelCase.
                let arguments = lone.atomsAreArguments(of: request)
                entries += report("request", new.dialect.changelogCSharpPaths && arguments ? lone.camelCasedAtoms : lone)
            }
            if let a = old.responseBody(pair.old)?.type, let b = new.responseBody(pair.new)?.type {
                var walk = Walk(old: old, new: new, role: .response, style: style)
                if let response = walk.types(a, b) {
                    entries += report("response", new.dialect.changelogCSharpPaths ? response.camelCasedAtoms : response)
                }
            }
            if let errors = Self.errors(pair.old, pair.new, old: old, new: new, style: style) { entries += report("error", errors) }
            guard !entries.isEmpty else { continue }
            let name = call(pair.new, new)
            if entries.count == 1 {
                lines.append("* `\(name)`: \(entries[0].text(style))")
            } else {
                lines.append("* `\(name)`:")
                lines += entries.map { "  *  \($0.text(style))" }
            }
        }
        // The older changelog deletes a method (StackOne's 2e6f4ac and 09dc11b, OpenRouter's c5714a1).
        for operation in operations.removed {
            lines.append("* `\(call(operation, old))`: **\(style == .legacy ? "Deleted" : "Removed")**" + Entry.flag(true, style))
        }
        return lines
    }

    /// The error statuses of the `### Errors` table, each `status[409]`: one added breaks nothing
    /// (the SDK raises its catch-all error today), one removed does, and one whose content type
    /// changed does; a change inside the bodies counts once, as the body's change does.
    /// Speakeasy's collapse rule then writes `error.status[409]` **Added** for one (clerk),
    /// `error` **Changed** for several (OpenRouter).
    static func errors(_ a: Operation, _ b: Operation, old: DiffSide, new: DiffSide, style: Style) -> Delta? {
        func byStatus(_ operation: Operation) -> [String: ResponseFact] {
            Dictionary(operation.errorResponses.compactMap { fact in fact.status.map { ($0, fact) } }, uniquingKeysWith: { first, _ in first })
        }
        let before = byStatus(a), after = byStatus(b)
        var children: [(atom: String, delta: Delta)] = []
        for status in Set(before.keys).union(after.keys).sorted() {
            let atom = "status[\(status)]"
            switch (before[status], after[status]) {
            case (nil, _?): children.append((atom, .added(breaking: false)))
            case (_?, nil): children.append((atom, .removed(breaking: true)))
            case (let x?, let y?):
                if x.contentType != y.contentType {
                    children.append((atom, .changed(breaking: true, children: [])))
                } else if let p = x.type, let q = y.type {
                    var walk = Walk(old: old, new: new, role: .response, style: style)
                    switch walk.types(p, q) {
                    case .changed(_, let below)? where !below.isEmpty:
                        // A change inside the error bodies is reported once, under `error`
                        // itself: every status's model gaining `openrouterMetadata` is
                        // `error.openrouterMetadata` **Added** (OpenRouter, CLI 1.761).
                        for change in below where !children.contains(where: { $0.atom == change.atom }) { children.append(change) }
                    case let delta?: children.append((atom, delta))
                    case nil: break
                    }
                }
            default: break
            }
        }
        guard !children.isEmpty else { return nil }
        return .changed(breaking: children.contains { $0.delta.breaking }, children: children)
    }

    /// A method whose one parameter is called `request` (a TypeScript, Ruby or Go wrapper of
    /// the parameters) has its changes at `request` itself: the changelog writes
    /// `request.is_active`, not `request.request.is_active`. The method's own `security`
    /// parameter (its credentials, OpenRouter's `createCoinbaseCharge(request, security)`) is
    /// no part of the request.
    static func withoutLoneRequest(_ delta: Delta, _ a: Operation, _ b: Operation, old: DiffSide, new: DiffSide) -> Delta {
        let before = a.parameters.filter { old.sdkName($0) != "security" }, after = b.parameters.filter { new.sdkName($0) != "security" }
        guard before.count == 1, after.count == 1,
              old.sdkName(before[0]) == "request", new.sdkName(after[0]) == "request",
              case .changed(_, let children) = delta, children.count == 1, children[0].atom == "request" else { return delta }
        return children[0].delta
    }

    /// A query parameter is reported whole: a change inside it (`Filter.Status.Enum(x)`
    /// **Added**, `Filter.EmployeeId` **Removed**) is the parameter **Changed** (StackOne's
    /// `request.Filter`, every era; unified-to's `request.fields`). Only where the operation's
    /// endpoint is known: without one, every flattened argument is a query parameter by rule
    /// alone, and meitner's `create(roles=…)` (CLI 1.697) sends `roles` in its body.
    static func rollingUpQueryParameters(_ delta: Delta, of operation: Operation) -> Delta {
        guard operation.endpoint != nil, case .changed(let breaking, let children) = delta else { return delta }
        let query = Set(operation.bindings.filter { $0.place == .query }.map { JSONKeyRule.normalised($0.name) })
        guard !query.isEmpty else { return delta }
        return .changed(breaking: breaking, children: children.map { child in
            guard query.contains(JSONKeyRule.normalised(child.atom)), case .changed(let inner, let below) = child.delta, !below.isEmpty else { return child }
            return (child.atom, .changed(breaking: inner, children: []))
        })
    }

    /// `meitner.student_placements.list()`: the SDK as the changelog names it, then the accessors.
    private func call(_ operation: Operation, _ side: DiffSide) -> String {
        guard let client = operation.call.first else { return "sdk.\(side.methodName(operation))()" }
        let sdk = switch side.dialect.changelogRoot {
        case .asWritten: client
        case .lowercased: client.lowercased()
        case .snakeCase: JSONKeyRule.snakeCase(client)
        case .package: operation.package.map(Self.packageRoot) ?? client
        }
        return "\(sdk).\(side.methodName(operation))()"
    }

    /// `StackOneHQ.Client` → `StackOneHq.client` (`ChangelogRoot.package`).
    static func packageRoot(_ package: String) -> String {
        package.split(separator: ".").enumerated().map { index, name in
            let words = JSONKeyRule.snakeCase(String(name)).split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }
            let joined = words.joined()
            return index == 0 ? joined : joined.prefix(1).lowercased() + joined.dropFirst()
        }.joined(separator: ".")
    }

    /// A root's entries. The older changelog lists every change but a new enum value (meitner's
    /// 7eb345d: no entry for `MealPlanner`; StackOne's and OpenRouter's list non-breaking changes
    /// and added methods).
    private func report(_ root: String, _ delta: Delta) -> [Entry] {
        guard style == .legacy else { return collapse(root, [], delta) }
        return delta.withoutAddedEnumValues.map { collapse(root, [], $0) } ?? []
    }

    private func collapse(_ root: String, _ atoms: [String], _ delta: Delta) -> [Entry] {
        switch delta {
        case .added(let breaking): return [Entry(path: path(root, atoms), verb: "Added", breaking: breaking)]
        case .removed(let breaking): return [Entry(path: path(root, atoms), verb: "Removed", breaking: breaking)]
        case .changed(let breaking, let children):
            if children.count == 1 { return collapse(root, atoms + [children[0].atom], children[0].delta) }
            return [Entry(path: path(root, atoms), verb: "Changed", breaking: breaking)]
        }
    }

    /// `response.data[].x`; a list at the root is `response.[]`. The older changelog dots every
    /// list (`response.data.[]`: OpenRouter's TypeScript 8ee7e29, CLI 1.638; StackOne's C#, whose
    /// changelogs are all of that era).
    private func path(_ root: String, _ atoms: [String]) -> String {
        var text = root
        let dotted = style == .legacy || new.dialect.changelogCSharpPaths
        for (index, atom) in atoms.enumerated() {
            text += atom == "[]" && index > 0 && !dotted ? atom : "." + atom
        }
        return text
    }

    /// Compares two types by shape, in one role, with cycle guards.
    struct Walk {
        let old: DiffSide
        let new: DiffSide
        let role: Change.Role
        let style: Style
        private var visiting: Set<String> = []
        /// Model pairs whose change this walk has reported: Speakeasy reports a changed model
        /// once per method and side, at the first path that reaches it (OpenRouter's
        /// `provider.ignore[].union(ProviderName).enum(deepgram)`, and not `provider.only[]` and
        /// `provider.order[]` as well). Off in a probe, which only asks whether two shapes differ.
        private var reported: Set<String> = []
        private var remembers = true

        init(old: DiffSide, new: DiffSide, role: Change.Role, style: Style) {
            self.old = old
            self.new = new
            self.role = role
            self.style = style
        }

        mutating func fields(_ a: [Field], _ b: [Field]) -> Delta? {
            let before = Dictionary(a.map { ($0.jsonKey, $0) }, uniquingKeysWith: { first, _ in first })
            let after = Set(b.map(\.jsonKey))
            var children: [(atom: String, delta: Delta)] = []
            for field in b {
                let atom = new.changelogAtom(field)
                guard let previous = before[field.jsonKey] else {
                    children.append((atom, .added(breaking: role == .request && field.required)))
                    continue
                }
                if let delta = self.field(previous, field) { children.append((atom, delta)) }
            }
            for field in a where !after.contains(field.jsonKey) {
                children.append((old.changelogAtom(field), .removed(breaking: true)))
            }
            guard !children.isEmpty else { return nil }
            return .changed(breaking: children.contains { $0.delta.breaking }, children: children)
        }

        private mutating func field(_ a: Field, _ b: Field) -> Delta? {
            if a.required != b.required || a.nullable != b.nullable {
                // Looser for a request, stricter for a response is fine; anything else breaks.
                let breaking = role == .request
                    ? (b.required && !a.required) || (a.nullable && !b.nullable)
                    : (a.required && !b.required) || (b.nullable && !a.nullable)
                return .changed(breaking: breaking || types(a.type, b.type)?.breaking == true, children: [])
            }
            return types(a.type, b.type)
        }

        mutating func types(_ a: TypeRef, _ b: TypeRef) -> Delta? {
            switch (a, b) {
            case (.nullable(let x), .nullable(let y)): return types(x, y)
            case (.list(let x), .list(let y)): return types(x, y).map { .changed(breaking: $0.breaking, children: [("[]", $0)]) }
            case (.map(let x), .map(let y)): return types(x, y).map { .changed(breaking: $0.breaking, children: [("Map<T>", $0)]) }
            case (.ref(let x), .ref(let y)):
                guard let p = old.model(x), let q = new.model(y) else { return leaf() }
                let key = x + "\u{0}" + y
                guard !(remembers && reported.contains(key)), visiting.insert(key).inserted else { return nil }
                defer { visiting.remove(key) }
                let delta: Delta? = switch (p.kind, q.kind) {
                case (.object(let m), .object(let n)):
                    fields(m.fields, n.fields) ?? (m.additionalProperties != n.additionalProperties ? leaf() : nil)
                case (.enumeration(let m), .enumeration(let n)) where m.rawType == n.rawType:
                    values(m, n)
                case (.union(let m), .union(let n)):
                    variants(m.variants.map(\.type), n.variants.map(\.type))
                default: leaf()
                }
                if remembers, delta != nil { reported.insert(key) }
                return delta
            case (.union(let xs), .union(let ys)): return variants(xs, ys)
            default: return a == b ? nil : leaf()
            }
        }

        private func leaf() -> Delta { .changed(breaking: true, children: []) }

        private func values(_ a: EnumModel, _ b: EnumModel) -> Delta? {
            let before = Set(a.values.map(\.value)), after = Set(b.values.map(\.value))
            let atom = new.dialect.changelogKeepsCase ? "Enum" : "enum"
            func spelled(_ value: String) -> String { "\(atom)(\(new.changelogName(value)))" }
            var children: [(atom: String, delta: Delta)] = []
            for value in b.values where !before.contains(value.value) {
                children.append((spelled(value.value), .added(breaking: style == .current && role == .response && !a.open)))
            }
            for value in a.values where !after.contains(value.value) {
                children.append((spelled(value.value), .removed(breaking: true)))
            }
            if a.open != b.open { children.append(("", .changed(breaking: role == .request ? a.open : b.open, children: []))) }
            guard !children.isEmpty else { return nil }
            return .changed(breaking: children.contains { $0.delta.breaking }, children: children)
        }

        /// Variants paired by their atom (`union(ProviderName)`, `union(fusion)`), the changes
        /// inside a pair below it; the rest paired by shape. A variant left without a partner is
        /// added (breaking in a response) or removed (breaking).
        private mutating func variants(_ a: [TypeRef], _ b: [TypeRef]) -> Delta? {
            // A member that is no JSON (a response's event stream) is no wire shape: a union of
            // one body and a stream is that body (`response.choices[]`, not `response.union(ChatResult)`).
            let a = a.filter { !$0.isSDKOnly }, b = b.filter { !$0.isSDKOnly }
            if a.count == 1, b.count == 1 { return types(a[0], b[0]) }
            let before = Self.atoms(a, old), after = Self.atoms(b, new)
            var children: [(atom: String, delta: Delta)] = []
            var oldLeft = Array(a.indices), newLeft: [Int] = []
            for (j, atom) in after.enumerated() {
                // Only an atom each side gives one variant pairs them.
                guard after.filter({ $0 == atom }).count == 1, before.filter({ $0 == atom }).count == 1,
                      let i = before.firstIndex(of: atom) else { newLeft.append(j); continue }
                oldLeft.removeAll { $0 == i }
                if let delta = types(a[i], b[j]) { children.append((atom, delta)) }
            }
            var removed: [Int] = []
            for i in oldLeft {
                if let k = newLeft.firstIndex(where: { j in
                    var probe = self
                    probe.remembers = false
                    return probe.types(a[i], b[j]) == nil
                }) {
                    newLeft.remove(at: k)
                } else {
                    removed.append(i)
                }
            }
            for j in newLeft { children.append((after[j], .added(breaking: role == .response))) }
            for i in removed { children.append((before[i], .removed(breaking: true))) }
            guard !children.isEmpty else { return nil }
            return .changed(breaking: children.contains { $0.delta.breaking }, children: children)
        }

        /// Each variant's atom as Speakeasy's changelog writes it: the value of the constant
        /// every member carries under one name, where there is one (a discriminator:
        /// `plugins[].union(fusion)`); else the model's name (`union(ProviderName)`), a list
        /// as `Array<Name>`, or `Array<>` when its element is no model; a primitive by its type.
        static func atoms(_ variants: [TypeRef], _ side: DiffSide) -> [String] {
            let models = variants.map { variant -> Model? in
                if case .ref(let id) = variant.peeledNullable { side.model(id) } else { nil }
            }
            if let discriminator = Self.discriminator(models, side) {
                return models.map { "union(\(discriminator[$0!.id]!))" }
            }
            return variants.map { variant in
                switch variant.peeledNullable {
                case .ref(let id): "union(\(side.model(id)?.name ?? id))"
                // A list of a union writes no name (`union(Array<>)`: 61 of OpenRouter's 65 list atoms).
                case .list(let element):
                    if case .ref(let id) = element.peeledNullable, let model = side.model(id), !model.isUnion { "union(Array<\(model.name)>)" } else { "union(Array<>)" }
                case .map: "union(Map<>)"
                case .string, .dateTime, .date: "union(string)"
                case .integer, .number: "union(number)"
                case .boolean: "union(boolean)"
                case .const(.string(let text)): "union(\(text))"
                case .const(.integer(let number)): "union(\(number))"
                case .const(.boolean(let flag)): "union(\(flag))"
                default: "union()"
                }
            }
        }

        /// Model id → the value of the string constant every one of `models` has under the same
        /// key, when each model's value is its own. A constant is a literal type or an enum of
        /// one value (Clerk's Ruby `object`: `PhoneNumberVerificationOtpObject`, "verification_otp").
        private static func discriminator(_ models: [Model?], _ side: DiffSide) -> [String: String]? {
            guard models.count > 1 else { return nil }
            var byKey: [String: [String: String]] = [:]  // key → model id → value
            for (index, model) in models.enumerated() {
                guard let model, case .object(let object) = model.kind else { return nil }
                var constants: [String: String] = [:]
                for field in object.fields {
                    switch field.type.peeledNullable {
                    case .const(.string(let value)): constants[field.jsonKey] = value
                    case .ref(let id):
                        if case .enumeration(let values)? = side.model(id)?.kind, values.values.count == 1 {
                            constants[field.jsonKey] = values.values[0].value
                        }
                    default: break
                    }
                }
                if index == 0 { byKey = constants.mapValues { [model.id: $0] } }
                for key in byKey.keys {
                    if let value = constants[key] { byKey[key]![model.id] = value } else { byKey[key] = nil }
                }
                if byKey.isEmpty { return nil }
            }
            return byKey.sorted { $0.key < $1.key }.map(\.value).first { Set($0.values).count == models.count }
        }
    }
}

private extension TypeRef {
    var isSDKOnly: Bool { if case .sdkOnly = peeledNullable { true } else { false } }
}

private extension Model {
    var isUnion: Bool { if case .union = kind { true } else { false } }
}
