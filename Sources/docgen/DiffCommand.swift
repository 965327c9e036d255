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
            Docs with errors are left out of the comparison on both sides, each error printed as a warning and \
            the docs named (diff.docs-skipped); --strict refuses such a tree instead. \
            Exit status: 0 nothing at or above --fail-on, 1 findings at or above it, 64 bad usage, \
            65 a tree could not be read (its diagnostics are printed), or with --strict has errors.
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

    @Flag(name: .long, help: "Refuse a tree with errors (exit 65) instead of comparing all but the docs that have them.")
    var strict = false

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
        let oldRead = try read(old!, of: &trees)
        trees.settings.openAPI = newOpenAPI
        let newRead = try read(new!, of: &trees)
        let skipped = oldRead.docsWithErrors.union(newRead.docsWithErrors)
        let before = trees.side(oldRead, leavingOut: skipped)
        let after = trees.side(newRead, leavingOut: skipped)
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

    /// One tree; one that cannot be read (or, with `--strict`, has errors) ends the run with
    /// status 65, its diagnostics printed. Otherwise its errors are printed as warnings, and the
    /// docs they are in named once: what a user comparing two releases gets is everything else.
    private func read(_ argument: String, of trees: inout DiffReading) throws -> DiffReading.Read {
        let read: DiffReading.Read
        do throws(DiffReading.Failure) {
            read = try trees.read(argument)
        } catch {
            Console.report(error.diagnostics, specs: argument)
            Console.error("docgen: error: \(error.message)")
            throw ExitCode(65)
        }
        guard !read.docsWithErrors.isEmpty else { return read }
        if strict {
            Console.report(read.diagnostics, specs: argument)
            Console.error("docgen: error: cannot compare: '\(argument)' has errors (--strict)")
            throw ExitCode(65)
        }
        var lowered = Diagnostics(errorsAre: .warning)
        lowered.append(contentsOf: read.diagnostics)
        let docs = read.docsWithErrors.sorted()
        lowered.warning(.diffDocsSkipped,
                        "\(docs.count) \(docs.count == 1 ? "doc has" : "docs have") errors and \(docs.count == 1 ? "is" : "are") left out of the comparison on both sides: "
                            + docs.prefix(8).joined(separator: ", ") + (docs.count > 8 ? ", …" : ""),
                        at: nil)
        Console.report(lowered, specs: argument)
        return read
    }
}
