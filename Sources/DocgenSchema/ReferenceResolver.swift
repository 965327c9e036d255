import DocgenDiagnostics
import DocgenDialects
import DocgenSpec

/// The pages of one spec tree, indexed for reference resolution.
struct PageIndex: Sendable {
    /// Every page by path: whether it describes a model (a page without a schema section does not).
    var isModel: [String: Bool] = [:]
    /// Title-only union docs (Java, Ruby) by path: their members come from the links to them.
    var unionsWithoutMembers: [String: String] = [:]
    /// Model title → ids, and lower-cased file stem → ids (Speakeasy names files after types).
    var byName: [String: [String]] = [:]
    var byStem: [String: [String]] = [:]

    init(_ sortedPages: [DocPage], dialect: Dialect) {
        isModel.reserveCapacity(sortedPages.count)
        byName.reserveCapacity(sortedPages.count)
        byStem.reserveCapacity(sortedPages.count)
        for page in sortedPages {
            isModel[page.path] = page.content.isModel
            guard page.content.isModel else { continue }
            if page.content == .supportedTypes([]) { unionsWithoutMembers[page.path] = page.title }
            byName[page.title, default: []].append(page.path)
            let path = dialect.stem(page.path)
            let stem = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[path.utf8.index(after: $0)...] } ?? path
            byStem[stem.lowercased(), default: []].append(page.path)
        }
    }

    /// The one model whose file has the stem of `path` (`shared/x.md` → `components/x.md`).
    func uniqueModel(withStemOf path: String) -> String? {
        var stem = Substring(path)
        if let slash = stem.lastIndex(of: "/") { stem = stem[stem.index(after: slash)...] }
        if let dot = stem.lastIndex(of: ".") { stem = stem[..<dot] }
        guard let ids = byStem[stem.lowercased()], ids.count == 1 else { return nil }
        return ids[0]
    }

    /// Models called `name`: by title first, then by file stem.
    func models(named name: String) -> [String] {
        if let ids = byName[name] { return ids }
        return byStem[name.lowercased()] ?? []
    }
}

/// Resolves the model references of one page's types.
struct ReferenceResolver {
    let index: PageIndex
    let referrer: String
    let rootPath: String
    /// For "did you mean" suggestions next to model names.
    let primitiveNames: [String]
    /// The OpenAPI document's components that may stand in for a model no doc describes.
    let standIns: [String: StandIn]
    /// The names of the stand-ins this page's references took, in the order they were met.
    var usedStandIns: [String] = []
    /// How many references named a model no doc describes and no stand-in replaced: each is `.any`.
    private(set) var undocumentedCount = 0
    /// Union docs this page's labels spell the members of (`[T.any(A, B)](x.md)`), unresolved:
    /// they are only needed, and only resolved, for a union doc that lists no members itself.
    var unionMembers: [(target: String, members: [TypeExpression], location: SourceLocation)] = []

    init(index: PageIndex, referrer: String, rootPath: String, primitiveNames: [String], standIns: [String: StandIn] = [:]) {
        self.index = index
        self.standIns = standIns
        self.rootPath = rootPath
        self.referrer = referrer
        self.primitiveNames = primitiveNames
    }

    /// Unresolvable references are reported and become `.any`, so building can go on.
    mutating func resolve(_ expression: TypeExpression, at location: SourceLocation, diagnostics: inout Diagnostics) -> TypeRef {
        switch expression {
        case .resolved(let type): return type
        case .list(let element): return .list(resolve(element, at: location, diagnostics: &diagnostics))
        case .map(let value): return .map(resolve(value, at: location, diagnostics: &diagnostics))
        case .nullable(let inner): return .nullable(resolve(inner, at: location, diagnostics: &diagnostics))
        case .union(let members): return .union(members.map { resolve($0, at: location, diagnostics: &diagnostics) })
        case .model(let reference):
            guard let id = model(reference, at: location, diagnostics: &diagnostics) else { return .any }
            if let title = index.unionsWithoutMembers[id] {
                // The label spells the members: a union (`T.any(A, B)`), or one type named
                // otherwise than the doc (`[Nilable.new(Models::X)](y.md)` for the union `Y`).
                if let members = reference.unionMembers {
                    unionMembers.append((id, members, location))
                } else if !reference.name.isEmpty, reference.name.lowercased() != title.lowercased() {
                    unionMembers.append((id, [.model(ModelReference(link: nil, name: reference.name, label: reference.label))], location))
                }
            }
            return .ref(id)
        }
    }

    private mutating func model(_ reference: ModelReference, at location: SourceLocation, diagnostics: inout Diagnostics) -> String? {
        guard let link = reference.link else {
            if let id = byName(reference.name, label: reference.label, at: location, diagnostics: &diagnostics) { return id }
            if reference.label != reference.name {
                // A namespaced name (`models.ChatResult`) is the SDK's model: the tree lacks its
                // doc (OpenRouter's 2026 trees held a third of their models' docs).
                if let id = standIn(reference.name) { return id }
                undocumented("'\(reference.label)' names a model the docs do not describe", at: location, diagnostics: &diagnostics)
                return nil
            }
            let suggestion = suggestion(for: reference.name)
            diagnostics.error(.typeUnknown, "unknown type '\(reference.label)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                              at: location)
            return nil
        }
        switch LinkPath.resolve(link, from: referrer, rootPath: rootPath) {
        case .outsideRoot:
            diagnostics.error(.linkOutsideRoot, "link '\(link)' leaves the spec root", at: location)
            return nil
        case .inside(let path):
            if let isModel = index.isModel[path] {
                guard isModel else {
                    diagnostics.error(.linkNotAModel, "link '\(link)' points to '\(path)', which describes no model", at: location)
                    return nil
                }
                return path
            }
            // A tree whose links name another folder (clerk's `shared/` for `components/`): the
            // file the link names, by its name, then the label's type name.
            if let id = index.uniqueModel(withStemOf: path) {
                diagnostics.warning(.linkDangling, "link '\(link)' points to a missing file; resolved it by file name to '\(id)'", at: location)
                return id
            }
            if !reference.name.isEmpty, let id = byName(reference.name, label: reference.label, at: location, diagnostics: &diagnostics) {
                diagnostics.warning(.linkDangling, "link '\(link)' points to a missing file; resolved '\(reference.label)' by name to '\(id)'",
                                    at: location)
                return id
            }
            if let id = standIn(reference.name) { return id }
            undocumented("link '\(link)' points to a missing file and no model is named '\(reference.name)'", at: location, diagnostics: &diagnostics)
            return nil
        }
    }

    /// The OpenAPI document's component of that name, standing in for the missing doc.
    private mutating func standIn(_ name: String) -> String? {
        guard let standIn = standIns[name] else { return nil }
        usedStandIns.append(name)
        return standIn.id
    }

    /// A model the docs refer to and do not describe: its values are kept as any JSON, and the
    /// reader is told (a warning: the vendor's tree is what it is, and nothing is lost).
    private mutating func undocumented(_ what: String, at location: SourceLocation, diagnostics: inout Diagnostics) {
        undocumentedCount += 1
        diagnostics.warning(.modelUndocumented, "\(what); its values are read as any JSON value", at: location)
    }

    /// A name that fits exactly one model, the one in the referring doc's folder, or the one in
    /// the folder the label's namespace names (`models.ErrorResponse` → `models/`, not `models/errors/`).
    private func byName(_ name: String, label: String, at location: SourceLocation, diagnostics: inout Diagnostics) -> String? {
        let candidates = index.models(named: name)
        if candidates.count <= 1 { return candidates.first }
        let folder = LinkPath.folder(of: referrer)
        if let local = candidates.first(where: { LinkPath.folder(of: $0) == folder }) { return local }
        if let named = Self.inFolderNamed(by: label, name: name, among: candidates) { return named }
        diagnostics.error(.typeAmbiguous, "'\(name)' names several models: \(candidates.joined(separator: ", "))", at: location)
        return nil
    }

    /// The model an unlinked, namespaced name (`errors.Owner`, `Models\\Errors\\Owner`) means:
    /// the one model of that name, or of several the one in a folder the namespace names.
    /// `nil` for a name no doc describes (the SDK's own error class).
    func model(qualifiedName: String) -> String? {
        let name = Interpreter.withoutNamespace(qualifiedName)
        let candidates = index.models(named: name)
        if candidates.count <= 1 { return candidates.first }
        if let named = Self.inFolderNamed(by: qualifiedName, name: name, among: candidates) { return named }
        let namespace = Set(qualifiedName.dropLast(name.count).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.lowercased() })
        let inNamespace = candidates.filter { LinkPath.folder(of: $0).split(separator: "/").contains { namespace.contains($0.lowercased()) } }
        return inNamespace.count == 1 ? inNamespace[0] : nil
    }

    /// The one candidate whose folder is the namespace's innermost part (`errors.X` →
    /// `models/errors/x.md`; `models.X` → `models/x.md`).
    static func inFolderNamed(by label: String, name: String, among candidates: [String]) -> String? {
        guard let innermost = label.dropLast(name.count).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).last?.lowercased() else { return nil }
        let named = candidates.filter { LinkPath.folder(of: $0).split(separator: "/").last?.lowercased() == innermost }
        return named.count == 1 ? named[0] : nil
    }

    private func suggestion(for name: String) -> String? {
        let candidates = primitiveNames + Array(index.byName.keys)
        return Suggestion.closest(to: name, in: candidates)
    }
}

/// Link destinations as paths inside the spec root. Pure string work: nothing is read from
/// disk here, so a link can never make docgen read outside the root.
enum LinkPath {
    enum Resolution: Equatable {
        case inside(String)
        case outsideRoot
    }

    /// `rootPath` is the spec root's absolute real path: a link may climb above the root
    /// and come back (`../../models/shared/x.md` read with the root at `docs/models`), as long
    /// as where it ends is inside.
    /// Works on UTF-8 bytes: a path is bytes to the file system, and byte scans are what make
    /// resolving thousands of links cheap.
    static func resolve(_ link: String, from referrer: String, rootPath: String) -> Resolution {
        let slash = UInt8(ascii: "/")
        var bytes = Array(link.utf8)
        if let cut = bytes.firstIndex(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") }) { bytes.removeSubrange(cut...) }
        let decoded = percentDecoded(bytes)
        // A scheme (file:, https:, …) or an absolute path is outside the root by definition.
        if decoded.first == slash || decoded.first == UInt8(ascii: "\\") { return .outsideRoot }
        if let colon = decoded.firstIndex(of: UInt8(ascii: ":")), !decoded[..<colon].contains(slash) { return .outsideRoot }
        // The path as one buffer of `/component` runs: `..` cuts the last run, a name adds one.
        var path: [UInt8] = []
        path.reserveCapacity(rootPath.utf8.count + referrer.utf8.count + decoded.count + 2)
        /// Calls `body` with each non-empty `/`-separated component of `bytes`.
        func components(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
            var index = 0
            while index < bytes.count {
                while index < bytes.count, bytes[index] == slash { index += 1 }
                let start = index
                while index < bytes.count, bytes[index] != slash { index += 1 }
                if index > start, !body(UnsafeBufferPointer(rebasing: bytes[start..<index])) { return false }
            }
            return true
        }
        func add(_ part: UnsafeBufferPointer<UInt8>) -> Bool {
            path.append(slash)
            path.append(contentsOf: part)
            return true
        }
        var root = rootPath, from = referrer
        _ = root.withUTF8 { components($0, add) }
        let rootLength = path.count
        let rootRuns = path
        _ = from.withUTF8 { bytes in
            bytes.lastIndex(of: slash).map { components(UnsafeBufferPointer(rebasing: bytes[..<$0]), add) } ?? true
        }
        let stayedBelowSlash = decoded.withUnsafeBufferPointer { link in
            components(link) { part in
                if part.count == 1, part[0] == UInt8(ascii: ".") { return true }
                if part.count == 2, part[0] == UInt8(ascii: "."), part[1] == UInt8(ascii: ".") {
                    guard let cut = path.lastIndex(of: slash) else { return false } // above `/`
                    path.removeSubrange(cut...)
                    return true
                }
                return add(part)
            }
        }
        guard stayedBelowSlash, path.count > rootLength, path[rootLength] == slash, path[..<rootLength].elementsEqual(rootRuns)
        else { return .outsideRoot }
        return .inside(String(decoding: path[(rootLength + 1)...], as: UTF8.self))
    }

    static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    /// `%XX` escapes decoded; anything else (a lone `%`, bad hex) kept as written.
    static func percentDecoded(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "%")) else { return bytes }
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count, let high = hex(bytes[i + 1]), let low = hex(bytes[i + 2]) {
                out.append(high << 4 | low)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }
}

/// "Did you mean" by edit distance.
enum Suggestion {
    static func closest(to name: String, in candidates: [String]) -> String? {
        let limit = name.count <= 3 ? 1 : max(2, name.count / 3)
        var best: (String, Int)?
        for candidate in candidates.sorted() where abs(candidate.count - name.count) <= limit {
            let distance = editDistance(name.lowercased(), candidate.lowercased())
            if distance <= limit, distance < (best?.1 ?? .max) { best = (candidate, distance) }
        }
        return best?.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
