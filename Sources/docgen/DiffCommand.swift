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

    @Option(name: .long, help: "The old tree's OpenAPI document, when it is not --openapi's (each release has its own).")
    var oldOpenapi: String?

    func validate() throws {
        if !printSchema, old == nil || new == nil { throw ValidationError("diff needs two trees: docgen diff OLD NEW") }
    }

    func run() throws {
        if printSchema {
            Console.out(DiffFormatter.jsonSchema)
            return
        }
        let ignored: IgnoreList?
        do throws(IgnoreList.Failure) {
            ignored = try ignore.map(IgnoreList.read)
        } catch {
            throw ValidationError(error.description)
        }
        var trees = DiffReading(settings: try reading.settings())
        defer { trees.removeScratch() }
        let newOpenAPI = trees.settings.openAPI
        if let oldOpenapi { trees.settings.openAPI = url(oldOpenapi) }
        let before = try side(old!, of: &trees)
        trees.settings.openAPI = newOpenAPI
        let after = try side(new!, of: &trees)
        var report = SchemaDiff(old: before, new: after).compare(includeNotes: all, changelog: speakeasyChangelog)
        if let ignored {
            let found = report.changes
            report.changes = ignored.apply(to: found)
            let printer = DiagnosticPrinter(workingDirectory: FileManager.default.currentDirectoryPath)
            for entry in ignored.unused(in: found) {
                var note = Diagnostics()
                note.note(.diffIgnoreUnused, "ignore entry '\(entry.text)' matches no change", at: entry.location)
                Console.error(printer.render(note.all[0]))
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

    /// One tree; one that cannot be read ends the run with status 65, its diagnostics printed.
    private func side(_ argument: String, of trees: inout DiffReading) throws -> DiffSide {
        do throws(DiffReading.Failure) {
            return try trees.side(argument)
        } catch {
            Console.report(error.diagnostics, specs: argument)
            Console.error("docgen: error: \(error.message)")
            throw ExitCode(65)
        }
    }
}
