import DocgenDiagnostics
import DocgenSchema

/// Prints a `DiffReport` in one of `docgen diff`'s formats. Locations are printed under the
/// root each tree was given as (`docs/models/x.md:16:3`).
public struct DiffFormatter: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case text, markdown, json, github, speakeasy
    }

    /// The version of the JSON format; it changes only when a consumer would have to.
    public static let jsonVersion = 1

    public var policy: DiffPolicy
    public var oldRoot: String
    public var newRoot: String
    /// The SDK language, for the changelog's heading (`## Python SDK Changes:`).
    public var language: String

    public init(policy: DiffPolicy, oldRoot: String, newRoot: String, language: String) {
        self.policy = policy
        self.oldRoot = oldRoot
        self.newRoot = newRoot
        self.language = language
    }

    public func render(_ report: DiffReport, as format: Format) -> String {
        switch format {
        case .text: text(report)
        case .markdown: markdown(report)
        case .json: json(report)
        case .github: github(report)
        case .speakeasy: speakeasy(report)
        }
    }

    // MARK: - Text

    func text(_ report: DiffReport) -> String {
        var lines = report.changes.map { change in
            "\(place(change)): \(policy.severity(of: change).rawValue): \(change.subject): \(change.detail) [\(change.kind.rawValue)] (\(axes(change)))"
        }
        lines.append(summary(report))
        return lines.joined(separator: "\n") + "\n"
    }

    /// `source: breaking; wire: compatible; 3 operations`.
    func axes(_ change: Change) -> String {
        var parts = ["source: \(change.source.rawValue)", "wire: \(change.wire.rawValue)"]
        let operations = Set(change.reach.map(\.operation)).count
        parts.append(operations == 0 ? "no operation" : operations == 1 ? "1 operation" : "\(operations) operations")
        if change.keyGuessed { parts.append("JSON key guessed") }
        return parts.joined(separator: "; ")
    }

    func summary(_ report: DiffReport) -> String {
        guard !report.changes.isEmpty else { return "no changes" }
        var counts: [Change.Kind: Int] = [:]
        for change in report.changes { counts[change.kind, default: 0] += 1 }
        let kinds = counts.keys.sorted().map { "\(counts[$0]!) \($0.rawValue)" }.joined(separator: ", ")
        let severities = DiffPolicy.Severity.allCases.map { severity in
            let n = report.changes.count { policy.severity(of: $0) == severity }
            return "\(n) \(severity.rawValue)\(n == 1 ? "" : "s")"
        }
        return "\(report.changes.count) change\(report.changes.count == 1 ? "" : "s") (\(kinds)); \(severities.joined(separator: ", ")) under --policy \(policy.rawValue)"
    }

    func place(_ change: Change) -> String {
        if let new = change.new { return located(new, root: newRoot) }
        if let old = change.old { return located(old, root: oldRoot) }
        return newRoot
    }

    private func located(_ location: SourceLocation, root: String) -> String {
        root.isEmpty ? location.description : "\(root.hasSuffix("/") ? root : root + "/")\(location)"
    }

    // MARK: - Markdown

    func markdown(_ report: DiffReport) -> String {
        var out = "## docgen diff\n\n\(summary(report))\n"
        let sections: [(String, (Change) -> Bool)] = [
            ("Breaks Swift source", { $0.source == .breaking }),
            ("Breaks shipped apps", { $0.wire == .breaking }),
            ("Additive", { $0.source == .compatible && $0.wire == .compatible && $0.kind.isAddition }),
            ("Notes", { $0.source == .compatible && $0.wire == .compatible && !$0.kind.isAddition }),
        ]
        for (title, belongs) in sections {
            let members = report.changes.filter(belongs)
            guard !members.isEmpty else { continue }
            out += "\n### \(title) (\(members.count))\n\n| Change | Kind | Where | Reach |\n| --- | --- | --- | --- |\n"
            for change in members {
                let reach = reachSummary(change)
                out += "| \(cell("`\(change.subject)`: \(change.detail)")) | `\(change.kind.rawValue)` | `\(cell(place(change)))` | \(cell(reach)) |\n"
            }
        }
        return out
    }

    private func reachSummary(_ change: Change) -> String {
        let operations = Array(Set(change.reach.map(\.operation))).sorted()
        guard !operations.isEmpty else { return "no operation" }
        let roles = Set(change.reach.map(\.role)).sorted().map(\.rawValue).joined(separator: ", ")
        let shown = operations.prefix(3).map { "`\($0)`" }.joined(separator: ", ")
        return "\(shown)\(operations.count > 3 ? " and \(operations.count - 3) more" : "") (\(roles))"
    }

    private func cell(_ text: String) -> String {
        Self.replacing(text, ["|": "\\|", "\n": " "])
    }

    // MARK: - JSON

    func json(_ report: DiffReport) -> String {
        func location(_ location: SourceLocation?) -> JSONText {
            guard let location else { return .null }
            return .object([("file", .string(location.file)), ("line", .integer(location.line)), ("column", .integer(location.column))])
        }
        let changes: [JSONText] = report.changes.map { change in
            .object([
                ("fingerprint", .string(change.fingerprint)),
                ("kind", .string(change.kind.rawValue)),
                ("severity", .string(policy.severity(of: change).rawValue)),
                ("subject", .string(change.subject)),
                ("detail", .string(change.detail)),
                ("old", location(change.old)),
                ("new", location(change.new)),
                ("source", .string(change.source.rawValue)),
                ("wire", .string(change.wire.rawValue)),
                ("speakeasyBreaking", .bool(change.speakeasyBreaking)),
                ("keyGuessed", .bool(change.keyGuessed)),
                ("reach", .array(change.reach.map { .object([("operation", .string($0.operation)), ("role", .string($0.role.rawValue))]) })),
            ])
        }
        return JSONText.object([
            ("version", .integer(Self.jsonVersion)),
            ("old", .string(oldRoot)),
            ("new", .string(newRoot)),
            ("policy", .string(policy.rawValue)),
            ("changes", .array(changes)),
        ]).rendered() + "\n"
    }

    /// The JSON Schema of `--format json` (`--print-schema`).
    public static let jsonSchema: String = {
        let location: JSONText = .object([
            ("type", .array([.string("object"), .string("null")])),
            ("required", .array(["file", "line", "column"].map { .string($0) })),
            ("properties", .object([("file", .object([("type", .string("string"))])), ("line", .object([("type", .string("integer"))])),
                                    ("column", .object([("type", .string("integer"))]))])),
        ])
        func strings(_ values: [String]) -> JSONText { .object([("enum", .array(values.map { .string($0) }))]) }
        let string: JSONText = .object([("type", .string("string"))])
        let change: JSONText = .object([
            ("type", .string("object")),
            ("required", .array(["fingerprint", "kind", "severity", "subject", "detail", "old", "new", "source", "wire", "speakeasyBreaking",
                                 "keyGuessed", "reach"].map { .string($0) })),
            ("properties", .object([
                ("fingerprint", .object([("type", .string("string")), ("pattern", .string("^[0-9a-f]{16}$"))])),
                ("kind", strings(Change.Kind.allCases.map(\.rawValue))),
                ("severity", strings(DiffPolicy.Severity.allCases.map(\.rawValue))),
                ("subject", string),
                ("detail", string),
                ("old", location),
                ("new", location),
                ("source", strings(["breaking", "compatible"])),
                ("wire", strings(["breaking", "compatible"])),
                ("speakeasyBreaking", .object([("type", .string("boolean"))])),
                ("keyGuessed", .object([("type", .string("boolean"))])),
                ("reach", .object([("type", .string("array")), ("items", .object([
                    ("type", .string("object")),
                    ("required", .array([.string("operation"), .string("role")])),
                    ("properties", .object([("operation", string), ("role", strings(["request", "response"]))])),
                ]))])),
            ])),
        ])
        return JSONText.object([
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("title", .string("docgen diff report, version \(jsonVersion)")),
            ("type", .string("object")),
            ("required", .array(["version", "old", "new", "policy", "changes"].map { .string($0) })),
            ("properties", .object([
                ("version", .object([("const", .integer(jsonVersion))])),
                ("old", string),
                ("new", string),
                ("policy", strings(DiffPolicy.allCases.map(\.rawValue))),
                ("changes", .object([("type", .string("array")), ("items", change)])),
            ])),
        ]).rendered() + "\n"
    }()

    // MARK: - GitHub

    func github(_ report: DiffReport) -> String {
        var lines: [String] = []
        for change in report.changes {
            let command = switch policy.severity(of: change) {
            case .error: "error"
            case .warning: "warning"
            case .note: "notice"
            }
            var properties: [String] = []
            if let location = change.new.map({ ($0, newRoot) }) ?? change.old.map({ ($0, oldRoot) }) {
                let root = location.1.isEmpty ? "" : (location.1.hasSuffix("/") ? location.1 : location.1 + "/")
                properties += ["file=\(escapeProperty(root + location.0.file))", "line=\(location.0.line)", "col=\(location.0.column)"]
            }
            properties.append("title=\(escapeProperty(change.kind.rawValue))")
            lines.append("::\(command) \(properties.joined(separator: ","))::\(escapeData("\(change.subject): \(change.detail) (\(axes(change)))"))")
        }
        lines.append(summary(report))
        return lines.joined(separator: "\n") + "\n"
    }

    /// GitHub's workflow-command escapes.
    private func escapeData(_ text: String) -> String {
        Self.replacing(text, ["%": "%25", "\r": "%0D", "\n": "%0A"])
    }

    private func escapeProperty(_ text: String) -> String {
        Self.replacing(text, ["%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"])
    }

    private static func replacing(_ text: String, _ replacements: [Character: String]) -> String {
        var out = ""
        for character in text { out += replacements[character] ?? String(character) }
        return out
    }

    // MARK: - Speakeasy

    func speakeasy(_ report: DiffReport) -> String {
        guard !report.changelog.isEmpty else { return "" }
        let heading = report.changelogStyle == .legacy ? "SDK Changes Detected:" : "SDK Changes:"
        return "## \(language) \(heading)\n" + report.changelog.joined(separator: "\n") + "\n"
    }
}
