import ArgumentParser
import DocgenDiagnostics
import DocgenDiff
import DocgenKit
import DocgenSchema
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension DiffFormatter.Format: ExpressibleByArgument {}
extension DiffPolicy: ExpressibleByArgument {}
extension SpeakeasyChangelog.Style: ExpressibleByArgument {}

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two versions of a spec tree: what breaks Swift source, and what breaks apps already shipped.",
        discussion: """
            OLD and NEW are spec folders, or git revisions written REV:path (docgen diff HEAD~1:docs docs). \
            A Speakeasy docs/ folder (models/ and sdks/) gives models and the operations that reach them.
            Exit status: 0 nothing at or above --fail-on, 1 findings at or above it, 64 bad usage, \
            65 a tree could not be read (its diagnostics are printed).
            """
    )

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case error, warning, none
    }

    @Argument(help: "The old tree: a folder or REV:path.")
    var old: String?

    @Argument(help: "The new tree: a folder or REV:path.")
    var new: String?

    @Option(name: .long, help: "text (compiler-style), markdown (a PR comment), json (versioned), github (annotations) or speakeasy (Speakeasy's changelog lines).")
    var format: DiffFormatter.Format = .text

    @Option(name: .long, help: "swift: source breaks are errors, wire breaks warnings; wire: only wire breaks are errors; speakeasy: Speakeasy's breaking flags are errors.")
    var policy: DiffPolicy = .swift

    @Option(name: .long, help: "For --format speakeasy: current (Speakeasy CLI 1.7xx on) or legacy (earlier CLIs: breaking changes only, as the OpenAPI change report judges them).")
    var speakeasyChangelog: SpeakeasyChangelog.Style = .current

    @Option(name: .long, help: "Exit 1 when a change is at or above this severity: error, warning or none.")
    var failOn: FailOn = .none

    @Option(name: .long, help: "A file of changes to leave out: one fingerprint, or 'kind Model.member', per line.")
    var ignore: String?

    @Flag(name: .long, help: "Also report changes that break nothing (description edits).")
    var all = false

    @Flag(name: .long, help: "Print the JSON Schema of --format json and exit.")
    var printSchema = false

    @OptionGroup var reading: ReadingOptions

    func validate() throws {
        if !printSchema, old == nil || new == nil { throw ValidationError("diff needs two trees: docgen diff OLD NEW") }
    }

    func run() throws {
        if printSchema {
            Console.out(DiffFormatter.jsonSchema)
            return
        }
        let ignored = try ignore.map(IgnoreList.read)
        let settings = try reading.settings(implicitConfig: true)
        var scratch: [URL] = []
        defer { for folder in scratch { try? FileManager.default.removeItem(at: folder) } }
        let before = try side(old!, settings: settings, scratch: &scratch)
        let after = try side(new!, settings: settings, scratch: &scratch)
        var report = SchemaDiff(old: before, new: after).compare(includeNotes: all, changelog: speakeasyChangelog)
        if let ignored {
            let found = report.changes
            report.changes = ignored.apply(to: found)
            for entry in ignored.unused(in: found) {
                Console.error("\(entry.place): note: ignore entry '\(entry.text)' matches no change [diff.ignore-unused]")
            }
        }
        let formatter = DiffFormatter(policy: policy, oldRoot: old!, newRoot: new!, language: after.dialect.displayName)
        Console.out(formatter.render(report, as: format))
        let threshold: DiffPolicy.Severity? = switch failOn {
        case .error: .error
        case .warning: .warning
        case .none: nil
        }
        if let threshold, report.changes.contains(where: { policy.severity(of: $0) >= threshold }) { throw ExitCode(1) }
    }

    /// A folder, or a git revision written out to a scratch folder; read with the shared
    /// settings. A tree that cannot be read ends the run with status 65.
    private func side(_ argument: String, settings: Configuration.File, scratch: inout [URL]) throws -> DiffSide {
        let root: URL
        if (try? FileManager.default.attributesOfItem(atPath: argument))?[.type] as? FileAttributeType == .typeDirectory {
            root = URL(fileURLWithPath: argument).standardizedFileURL
        } else if argument.contains(":") {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docgen-diff-\(getpid())-\(scratch.count)")
            try? FileManager.default.removeItem(at: folder)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            scratch.append(folder)
            do throws(GitTree.Failure) {
                try GitTree.export(argument, into: folder)
            } catch {
                Console.error("docgen: error: cannot read '\(argument)': \(error.message)")
                throw ExitCode(65)
            }
            root = folder
        } else {
            Console.error("docgen: error: '\(argument)' is neither a folder nor a git revision (REV:path)")
            throw ExitCode(65)
        }
        var read = SpecReader(dialect: settings.dialect, keyRule: settings.keys).read(root: root)
        // One config serves both versions: a key override may name a field only one of them
        // has (the field was renamed). That is the change to report, not a reason to stop.
        read.diagnostics = read.diagnostics.filter { $0.id != "keys.unknown-override" }
        if read.diagnostics.hasErrors {
            Console.report(read.diagnostics, specs: argument)
            Console.error("docgen: error: cannot compare: '\(argument)' has errors")
            throw ExitCode(65)
        }
        return DiffSide(schema: read.schema, dialect: read.dialect, keyRule: settings.keys, swift: settings.swift)
    }
}

/// `--ignore FILE`: changes a team has accepted, by fingerprint or by `kind Model.member`.
struct IgnoreList {
    struct Entry {
        var text: String
        var place: String
        var fingerprint: String?
        var kind: Change.Kind?
        var subject: String?

        func matches(_ change: Change) -> Bool {
            if let fingerprint { return change.fingerprint == fingerprint }
            return change.kind == kind && change.subject == subject
        }
    }

    var entries: [Entry]

    static func read(_ path: String) throws -> IgnoreList {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read the ignore file '\(path)'")
        }
        var entries: [Entry] = []
        for (index, raw) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = trimmed(raw)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let place = "\(path):\(index + 1)"
            if line.count == 16, line.allSatisfy(\.isHexDigit) {
                entries.append(Entry(text: line, place: place, fingerprint: line.lowercased()))
                continue
            }
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2, let kind = Change.Kind(rawValue: parts[0]) else {
                throw ValidationError("\(place): expected a fingerprint or 'kind Model.member', got '\(line)'")
            }
            entries.append(Entry(text: line, place: place, kind: kind, subject: trimmed(parts[1])))
        }
        return IgnoreList(entries: entries)
    }

    private static func trimmed(_ text: some StringProtocol) -> String {
        String(text.drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
    }

    func apply(to changes: [Change]) -> [Change] {
        changes.filter { change in !entries.contains { $0.matches(change) } }
    }

    /// Entries no change matches (stale ones a team can delete).
    func unused(in changes: [Change]) -> [Entry] {
        entries.filter { entry in !changes.contains { entry.matches($0) } }
    }
}
