import ArgumentParser
import DocgenDiagnostics
import DocgenKit
import DocgenSwift
import FoundationEssentials

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate Swift models (and Markdown docs) from a spec folder.",
        discussion: """
            Everything is rendered in memory first; on any error nothing is written. Unchanged files \
            are not rewritten. Exit status: 0 success, 1 errors, 64 bad usage.
            """
    )

    @OptionGroup var options: GenerationOptions

    @Flag(name: .long, help: "Print what would be written, unchanged and removed; write nothing.")
    var dryRun = false

    func run() throws {
        var pipeline = GeneratorPipeline(configuration: try options.configuration())
        pipeline.waitingForLock = { folder in
            Console.error("docgen: note: another docgen run is writing '\(folder)'; waiting for it (up to 30 s)")
        }
        let run: GeneratorPipeline.Run
        do {
            run = try pipeline.run(dryRun ? .dryRun : .write)
        } catch {
            var failure = Diagnostics()
            failure.error(.outputWriteFailed, "cannot write the output: \(error)", at: nil)
            Console.error(DiagnosticPrinter().render(failure.all[0]))
            throw ExitCode(1)
        }
        try RunReport.report(run, options: options, pipeline: pipeline, onError: "docgen: nothing written")
        if dryRun {
            // One write for the whole report, built as bytes (a line per file adds up).
            var report = ""
            for folder in run.folders {
                let prefix = folder.writer.folder.path + "/"
                for (verb, paths) in [("write      ", folder.plan.write), ("unchanged  ", folder.plan.unchanged), ("remove     ", folder.plan.remove)] {
                    for path in paths {
                        report += verb
                        report += prefix
                        report += path
                        report += "\n"
                    }
                }
            }
            Console.out(report)
        }
        Console.error(run.summary)
        Console.exitSuccessfully(keeping: run)
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Exit 1, listing stale files, when the generated files on disk differ from what would be generated.",
        discussion: "Writes nothing. Exit status: 0 fresh, 1 stale or errors, 64 bad usage."
    )

    @OptionGroup var options: GenerationOptions

    func run() throws {
        let pipeline = GeneratorPipeline(configuration: try options.configuration())
        let run = try pipeline.run(.check)
        try RunReport.report(run, options: options, pipeline: pipeline)
        let stale = run.stale
        if !stale.isEmpty {
            Console.error(stale.joined(separator: "\n"))
            Console.error("docgen: \(stale.count) file(s) out of date; run `docgen generate`")
            throw ExitCode(1)
        }
        Console.error("docgen: \(run.output.schema.models.count) models (\(run.dialect)); generated files are up to date")
    }
}

/// Printing a run's diagnostics, shared by `generate` and `check`.
enum RunReport {
    /// Prints diagnostics; exits 1 (after printing `onError`, if given) when there are errors.
    static func report(_ run: GeneratorPipeline.Run, options: GenerationOptions, pipeline: GeneratorPipeline,
                       onError: String? = nil) throws {
        Console.report(run.diagnostics, specs: options.specsPrefix(pipeline.configuration))
        if run.diagnostics.hasErrors {
            if let onError { Console.error(onError) }
            throw ExitCode(1)
        }
    }
}
