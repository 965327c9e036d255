import DocgenInput
import Foundation
import Yams

// docgen's YAMLReader beside Yams (libyaml) and PyYAML on the same documents.
// Usage: yaml-readers PYYAML_DIR ROUNDS DOCUMENT...
// PYYAML_DIR holds, per document NAME (the corpus folder), NAME.lines (PyYAML's canonical lines)
// and NAME.ms (PyYAML's median load time), written by pyyaml_canonical.py.
//
// The canonical form, the same in all three: one line per leaf, sorted by its UTF-8 bytes,
// `POINTER<TAB>VALUE`, the pointer as RFC 6901 (~0, ~1) escaped as a JSON string's body, and the
// value `s:"…"` (a JSON string), `i:N` (an integer in decimal), `f:X` (a float's shortest
// round-trip text), `b:true`, `n:`, `t:…` (a timestamp), `{}` / `[]` (an empty collection).
// A mapping's repeated key keeps its last value (as PyYAML does); aliases are expanded.

/// JSON string escaping as Python's json.dumps(…, ensure_ascii=False) writes it.
func escaped(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{08}": out += "\\b"
        case "\u{0C}": out += "\\f"
        default:
            if scalar.value < 0x20 {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out
}

func segment(_ key: String) -> String {
    key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
}

func canonicalInteger(_ text: String) -> String {
    if let value = Int(text) { return String(value) }
    var digits = Substring(text)
    var sign = ""
    if digits.first == "-" { sign = "-"; digits = digits.dropFirst() } else if digits.first == "+" { digits = digits.dropFirst() }
    while digits.count > 1, digits.first == "0" { digits = digits.dropFirst() }
    return sign + digits
}

func canonicalFloat(_ value: Double) -> String { value.description }

struct Canonical {
    var lines: [String] = []
    var repeatedKeys: [String] = []
}

// MARK: docgen

func canonical(_ node: LocatedJSON, at path: String, into out: inout Canonical) {
    switch node.value {
    case .object(let members):
        if members.isEmpty { out.lines.append("\(escaped(path))\t{}"); return }
        var last: [String: Int] = [:]
        for (position, member) in members.enumerated() {
            if last[member.key] != nil { out.repeatedKeys.append(path + "/" + segment(member.key)) }
            last[member.key] = position
        }
        for (position, member) in members.enumerated() where last[member.key] == position {
            canonical(member.value, at: path + "/" + segment(member.key), into: &out)
        }
    case .array(let items):
        if items.isEmpty { out.lines.append("\(escaped(path))\t[]"); return }
        for (position, item) in items.enumerated() { canonical(item, at: "\(path)/\(position)", into: &out) }
    case .string(let text): out.lines.append("\(escaped(path))\ts:\"\(escaped(text))\"")
    case .number(let text, let isInteger):
        if isInteger {
            out.lines.append("\(escaped(path))\ti:\(canonicalInteger(text))")
        } else {
            out.lines.append("\(escaped(path))\tf:\(Double(text).map(canonicalFloat) ?? "?\(text)")")
        }
    case .bool(let flag): out.lines.append("\(escaped(path))\tb:\(flag)")
    case .null: out.lines.append("\(escaped(path))\tn:")
    }
}

// MARK: Yams

/// A scalar's value as Yams' default resolver (YAML 1.1's types, as PyYAML's) types it.
func yamsScalar(_ node: Node) -> String {
    let scalar = node.scalar!
    switch Tag.Name(rawValue: node.tag.rawValue) {
    case .str: return "s:\"\(escaped(scalar.string))\""
    case .int: return node.int.map { "i:\($0)" } ?? "i:?\(scalar.string)"
    case .float: return node.float.map { "f:\(canonicalFloat($0))" } ?? "f:?\(scalar.string)"
    case .bool: return node.bool.map { "b:\($0)" } ?? "b:?\(scalar.string)"
    case .null: return "n:"
    case .timestamp: return "t:\(scalar.string)"
    default: return "?\(node.tag.rawValue):\(scalar.string)"
    }
}

func canonical(_ node: Node, at path: String, into out: inout Canonical) {
    switch node {
    case .mapping(let mapping):
        if mapping.isEmpty { out.lines.append("\(escaped(path))\t{}"); return }
        let pairs = Array(mapping)
        var last: [String: Int] = [:]
        for (position, pair) in pairs.enumerated() {
            let key = pair.key.scalar?.string ?? "?\(pair.key)"
            if last[key] != nil { out.repeatedKeys.append(path + "/" + segment(key)) }
            last[key] = position
        }
        for (position, pair) in pairs.enumerated() {
            let key = pair.key.scalar?.string ?? "?\(pair.key)"
            if last[key] == position { canonical(pair.value, at: path + "/" + segment(key), into: &out) }
        }
    case .sequence(let sequence):
        if sequence.isEmpty { out.lines.append("\(escaped(path))\t[]"); return }
        for (position, item) in sequence.enumerated() { canonical(item, at: "\(path)/\(position)", into: &out) }
    case .scalar: out.lines.append("\(escaped(path))\t\(yamsScalar(node))")
    case .alias(let alias): out.lines.append("\(escaped(path))\talias:\(alias.anchor)")
    }
}

/// What docgen would have to build from Yams' tree: LocatedJSON's shape (its initialisers are the
/// module's own, so an identical struct stands in).
struct Located {
    indirect enum Value {
        case object([Member])
        case array([Located])
        case string(String)
        case number(String, isInteger: Bool)
        case bool(Bool)
        case null
    }

    struct Member {
        var key: String
        var line: Int
        var column: Int
        var value: Located
    }

    var value: Value
    var line: Int
    var column: Int
}

func located(_ node: Node) -> Located {
    let mark = node.mark
    let (line, column) = (mark?.line ?? 0, mark?.column ?? 0)
    switch node {
    case .mapping(let mapping):
        var members: [Located.Member] = []
        members.reserveCapacity(mapping.count)
        for (key, value) in mapping {
            members.append(Located.Member(key: key.scalar?.string ?? "", line: key.mark?.line ?? 0, column: key.mark?.column ?? 0,
                                          value: located(value)))
        }
        return Located(value: .object(members), line: line, column: column)
    case .sequence(let sequence):
        return Located(value: .array(sequence.map(located)), line: line, column: column)
    case .scalar(let scalar):
        let value: Located.Value
        switch Tag.Name(rawValue: node.tag.rawValue) {
        case .int: value = .number(scalar.string, isInteger: true)
        case .float: value = .number(scalar.string, isInteger: false)
        case .bool: value = .bool(node.bool ?? false)
        case .null: value = .null
        default: value = .string(scalar.string)
        }
        return Located(value: value, line: line, column: column)
    case .alias: return Located(value: .null, line: line, column: column)
    }
}

// MARK: Comparison

struct Difference {
    var count = 0
    var first: (path: String, left: String, right: String)?
    var more: [(path: String, left: String, right: String)] = []
}

func split(_ line: String) -> (path: String, value: String) {
    let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
    return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
}

/// Both sides sorted by bytes; the first path (in that order) where they part, and how many do.
func compare(_ left: [[UInt8]], _ right: [[UInt8]]) -> Difference {
    var result = Difference()
    var (i, j) = (0, 0)
    func note(_ path: String, _ l: String, _ r: String) {
        result.count += 1
        if result.first == nil { result.first = (path, l, r) } else if result.more.count < 11 { result.more.append((path, l, r)) }
    }
    while i < left.count || j < right.count {
        let l = i < left.count ? split(String(decoding: left[i], as: UTF8.self)) : nil
        let r = j < right.count ? split(String(decoding: right[j], as: UTF8.self)) : nil
        if let l, let r, Array(l.path.utf8) == Array(r.path.utf8) {
            if Array(l.value.utf8) != Array(r.value.utf8) { note(l.path, l.value, r.value) }
            i += 1; j += 1
        } else if let l, r == nil || Array(l.path.utf8).lexicographicallyPrecedes(Array(r!.path.utf8)) {
            note(l.path, l.value, "(absent)"); i += 1
        } else if let r {
            note(r.path, "(absent)", r.value); j += 1
        }
    }
    return result
}

func sortedBytes(_ lines: [String]) -> [[UInt8]] {
    lines.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
}

// MARK: Locations

struct LocationCheck {
    var keys = 0, keyLineMismatches = 0, keyColumnMismatches = 0
    var values = 0, valueLineMismatches = 0, valueColumnMismatches = 0
    var firstKey: String?
    var firstValue: String?
}

/// docgen counts columns in UTF-8 bytes, libyaml in Unicode scalars: docgen's column as scalars.
func scalarColumn(_ bytes: [UInt8], _ lineStarts: [Int], line: Int, byteColumn: Int) -> Int {
    guard line - 1 < lineStarts.count else { return byteColumn }
    let start = lineStarts[line - 1]
    var column = 1
    var index = start
    while index < start + byteColumn - 1, index < bytes.count {
        if bytes[index] & 0xC0 != 0x80 { column += 1 }
        index += 1
    }
    return column
}

func checkLocations(_ ours: LocatedJSON, _ theirs: Node, path: String, bytes: [UInt8], lineStarts: [Int], into check: inout LocationCheck) {
    func same(_ line: Int, _ column: Int, _ mark: Mark?) -> (line: Bool, column: Bool) {
        guard let mark else { return (false, false) }
        return (line == mark.line, scalarColumn(bytes, lineStarts, line: line, byteColumn: column) == mark.column)
    }
    func describe(_ line: Int, _ column: Int, _ mark: Mark?) -> String {
        "docgen \(line):\(column) (\(scalarColumn(bytes, lineStarts, line: line, byteColumn: column)) in scalars), Yams \(mark.map { "\($0.line):\($0.column)" } ?? "none")"
    }
    // The value itself (a collection's location is its first key or entry).
    check.values += 1
    let value = same(ours.line, ours.column, theirs.mark)
    if !value.line { check.valueLineMismatches += 1 }
    if !value.column { check.valueColumnMismatches += 1 }
    if (!value.line || !value.column), check.firstValue == nil { check.firstValue = "\(path.isEmpty ? "/" : path): \(describe(ours.line, ours.column, theirs.mark))" }
    switch (ours.value, theirs) {
    case (.object(let members), .mapping(let mapping)):
        var byKey: [String: (Node, Node)] = [:]
        for (key, value) in mapping { byKey[key.scalar?.string ?? ""] = (key, value) }
        for member in members {
            guard let (key, value) = byKey[member.key] else { continue }
            let memberPath = path + "/" + segment(member.key)
            check.keys += 1
            let at = same(member.line, member.column, key.mark)
            if !at.line { check.keyLineMismatches += 1 }
            if !at.column { check.keyColumnMismatches += 1 }
            if (!at.line || !at.column), check.firstKey == nil { check.firstKey = "\(memberPath): \(describe(member.line, member.column, key.mark))" }
            checkLocations(member.value, value, path: memberPath, bytes: bytes, lineStarts: lineStarts, into: &check)
        }
    case (.array(let items), .sequence(let sequence)):
        for (position, (item, node)) in zip(items, sequence).enumerated() {
            checkLocations(item, node, path: "\(path)/\(position)", bytes: bytes, lineStarts: lineStarts, into: &check)
        }
    default: break
    }
}

// MARK: Run

let arguments = CommandLine.arguments
guard arguments.count >= 4, let rounds = Int(arguments[2]) else {
    print("usage: yaml-readers PYYAML_DIR ROUNDS DOCUMENT...")
    exit(2)
}
let pyyamlDirectory = arguments[1]
// Every difference (up to 12 a pair), not only the first: for the small probe documents.
let showAll = ProcessInfo.processInfo.environment["YAML_READERS_ALL"] == "1"
let median = { (values: [Double]) in values.sorted()[values.count / 2] }

struct Row {
    var name: String
    var bytes: Int
    var leaves = 0
    var docgenCount = 0
    var docgenVsPy = Difference()
    var yamsVsPy = Difference()
    var docgenVsYams = Difference()
    var docgenError: String?
    var pyError: String?
    var yamsError: String?
    var repeated: [String] = []
    var locations = LocationCheck()
    var docgenMs = 0.0, yamsComposeMs = 0.0, yamsLocatedMs = 0.0, pyyamlMs = ""
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1e3 + Double(duration.components.attoseconds) / 1e15
}

func elapsed(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    return milliseconds(ContinuousClock.now - start)
}

var rows: [Row] = []
for path in arguments[3...] {
    // …/corpora/NAME/.speakeasy/out.openapi.yaml, or …/NAME.yaml
    let parts = path.split(separator: "/")
    let name = path.hasSuffix("/.speakeasy/out.openapi.yaml") && parts.count >= 3
        ? String(parts[parts.count - 3]) : String(parts.last!.split(separator: ".").first!)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let bytes = Array(text.utf8)
    var lineStarts = [0]
    for (index, byte) in bytes.enumerated() where byte == 0x0A { lineStarts.append(index + 1) }
    var row = Row(name: name, bytes: bytes.count)

    let pyLines = (try? String(contentsOfFile: "\(pyyamlDirectory)/\(name).lines", encoding: .utf8))
        .map { $0.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) } ?? []
    row.pyyamlMs = ((try? String(contentsOfFile: "\(pyyamlDirectory)/\(name).ms", encoding: .utf8)) ?? "–")
        .trimmingCharacters(in: .whitespacesAndNewlines)
    let pyError = (try? String(contentsOfFile: "\(pyyamlDirectory)/\(name).error", encoding: .utf8))?
        .trimmingCharacters(in: .whitespacesAndNewlines)
    row.pyError = pyError
    let py = sortedBytes(pyLines)
    row.leaves = py.count

    var ours: LocatedJSON?
    var docgenCanonical = Canonical()
    do {
        let value = try YAMLReader.parse(text)
        ours = value
        canonical(value, at: "", into: &docgenCanonical)
    } catch {
        row.docgenError = "\(error.line):\(error.column) \(error.message)"
    }
    var theirs: Node?
    var yamsCanonical = Canonical()
    do {
        theirs = try Yams.compose(yaml: text)
        if let theirs { canonical(theirs, at: "", into: &yamsCanonical) }
    } catch {
        row.yamsError = "\(error)".split(whereSeparator: \.isNewline).joined(separator: " ")
    }
    let docgenSorted = sortedBytes(docgenCanonical.lines)
    let yamsSorted = sortedBytes(yamsCanonical.lines)
    row.docgenVsPy = compare(docgenSorted, py)
    row.yamsVsPy = compare(yamsSorted, py)
    row.docgenCount = docgenSorted.count
    row.docgenVsYams = compare(docgenSorted, yamsSorted)
    row.repeated = docgenCanonical.repeatedKeys
    if let ours, let theirs { checkLocations(ours, theirs, path: "", bytes: bytes, lineStarts: lineStarts, into: &row.locations) }

    // Speed: rounds alternate which reader goes first; one core, the same text.
    var docgenTimes: [Double] = [], composeTimes: [Double] = [], locatedTimes: [Double] = []
    var sink = 0
    for round in 0..<rounds {
        let docgen = {
            docgenTimes.append(elapsed {
                if let value = try? YAMLReader.parse(text), case .object(let members) = value.value { sink &+= members.count }
            })
        }
        let yams = {
            let start = ContinuousClock.now
            let composed = try? Yams.compose(yaml: text)
            let composedAt = ContinuousClock.now
            if let composed, case .object(let members) = located(composed).value { sink &+= members.count }
            let end = ContinuousClock.now
            composeTimes.append(milliseconds(composedAt - start))
            locatedTimes.append(milliseconds(end - start))
        }
        if round % 2 == 0 { docgen(); yams() } else { yams(); docgen() }
    }
    if sink == 42 { print("") }
    row.docgenMs = median(docgenTimes)
    row.yamsComposeMs = median(composeTimes)
    row.yamsLocatedMs = median(locatedTimes)
    rows.append(row)
}

func yesNo(_ difference: Difference, _ error: String?, reference: String? = nil) -> String {
    if error != nil { return "**fails**" }
    if reference != nil { return "(reference fails)" }
    return difference.count == 0 ? "yes" : "**no** (\(difference.count))"
}

func kb(_ bytes: Int) -> String { bytes < 10_000 ? "\(bytes) B" : "\(Int((Double(bytes) / 1024).rounded())) KB" }

print("### Values (canonical leaves; PyYAML \(pyyamlDirectory.isEmpty ? "" : "CSafeLoader") is the reference)")
print("")
print("| document | size | leaves (PyYAML / docgen) | docgen = PyYAML | Yams = PyYAML | docgen = Yams |")
print("|---|---:|---:|---|---|---|")
for row in rows {
    print("| \(row.name) | \(kb(row.bytes)) | \(row.leaves) / \(row.docgenCount) | \(yesNo(row.docgenVsPy, row.docgenError, reference: row.pyError)) | \(yesNo(row.yamsVsPy, row.yamsError, reference: row.pyError)) | \(yesNo(row.docgenVsYams, row.docgenError ?? row.yamsError)) |")
}
print("")
print("First differences (path, then left value vs right value):")
print("")
for row in rows {
    if let error = row.pyError { print("- \(row.name), PyYAML: \(error)") }
    for (label, difference, error) in [("docgen vs PyYAML", row.docgenVsPy, row.docgenError), ("Yams vs PyYAML", row.yamsVsPy, row.yamsError),
                                       ("docgen vs Yams", row.docgenVsYams, row.docgenError ?? row.yamsError)] {
        if let error { print("- \(row.name), \(label): parse error \(error)"); continue }
        if row.pyError != nil, label.hasSuffix("PyYAML") { continue }
        if let first = difference.first { print("- \(row.name), \(label): `\(first.path)`: `\(first.left)` vs `\(first.right)`") }
        if showAll { for next in difference.more { print("  - `\(next.path)`: `\(next.left)` vs `\(next.right)`") } }
    }
    if !row.repeated.isEmpty { print("- \(row.name): repeated keys (last kept): \(row.repeated.prefix(3).joined(separator: ", "))") }
}
print("")
print("### Locations (docgen's line:column beside Yams' marks, every key and value; columns compared in Unicode scalars)")
print("")
print("| document | keys | key line differs | key column differs | values | value line differs | value column differs |")
print("|---|---:|---:|---:|---:|---:|---:|")
for row in rows {
    let check = row.locations
    print("| \(row.name) | \(check.keys) | \(check.keyLineMismatches) | \(check.keyColumnMismatches) | \(check.values) | \(check.valueLineMismatches) | \(check.valueColumnMismatches) |")
}
print("")
for row in rows {
    if let first = row.locations.firstKey { print("- \(row.name), first key: \(first)") }
    if let first = row.locations.firstValue { print("- \(row.name), first value: \(first)") }
}
print("")
print("### Parse time (median of \(rounds), ms, one core)")
print("")
print("| document | size | docgen YAMLReader | Yams compose | Yams compose + located tree | Yams / docgen | PyYAML CSafeLoader load |")
print("|---|---:|---:|---:|---:|---:|---:|")
for row in rows {
    let f = { (value: Double) in String(format: "%.1f", value) }
    print("| \(row.name) | \(kb(row.bytes)) | \(f(row.docgenMs)) | \(f(row.yamsComposeMs)) | \(f(row.yamsLocatedMs)) | \(f(row.yamsLocatedMs / row.docgenMs))x | \(row.pyyamlMs) |")
}
