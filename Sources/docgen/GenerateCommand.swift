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
        let (pipeline, output) = try Planner.generate(options)
        let folders: [GeneratorPipeline.FolderPlan]
        var diagnostics: Diagnostics
        if dryRun {
            (folders, diagnostics) = pipeline.plan(output)
        } else {
            do {
                // Planned again under the output folders' locks: what it prints is what it did.
                (folders, diagnostics) = try pipeline.write(output)
            } catch {
                Console.error("docgen: error: cannot write the output: \(error) [output.write-failed]")
                throw ExitCode(1)
            }
        }
        try Planner.report(diagnostics, options: options, pipeline: pipeline, onError: "docgen: nothing written")
        if dryRun {
            // One write for the whole report, built as bytes (a line per file adds up).
            var report: [UInt8] = []
            for folder in folders {
                let prefix = Array((folder.writer.folder.path + "/").utf8)
                for (verb, paths) in [("write      ", folder.plan.write), ("unchanged  ", folder.plan.unchanged), ("remove     ", folder.plan.remove)] {
                    for path in paths {
                        report += verb.utf8
                        report += prefix
                        report += path.utf8
                        report.append(UInt8(ascii: "\n"))
                    }
                }
            }
            Console.out(String(decoding: report, as: UTF8.self))
        }
        Console.error(Planner.summary(output, folders, dryRun: dryRun))
        Console.exitSuccessfully(keeping: (output, folders))
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
        let (pipeline, output) = try Planner.generate(options, onError: nil)
        let (folders, diagnostics) = pipeline.plan(output)
        try Planner.report(diagnostics, options: options, pipeline: pipeline)
        var stale: [String] = []
        for folder in folders {
            let (writer, plan) = (folder.writer, folder.plan)
            stale += plan.write.map { "stale: \(writer.folder.appendingPathComponent($0).path)" }
            stale += plan.remove.map { "no longer generated: \(writer.folder.appendingPathComponent($0).path)" }
            if plan.manifestChanged && plan.write.isEmpty && plan.remove.isEmpty {
                stale.append("stale: \(writer.folder.appendingPathComponent(OutputWriter.manifestName).path)")
            }
        }
        if !stale.isEmpty {
            Console.error(stale.joined(separator: "\n"))
            Console.error("docgen: \(stale.count) file(s) out of date; run `docgen generate`")
            throw ExitCode(1)
        }
        Console.error("docgen: \(output.schema.models.count) models (\(Planner.dialect(output))); generated files are up to date")
    }
}

/// The steps `generate` and `check` share: generating in memory, then reporting.
enum Planner {
    /// Generates in memory; prints the diagnostics and exits 1 when there are errors.
    static func generate(_ options: GenerationOptions, onError: String? = "docgen: nothing written") throws
        -> (GeneratorPipeline, GeneratorPipeline.Output) {
        let configuration = try options.configuration()
        let pipeline = GeneratorPipeline(configuration: configuration)
        let output = pipeline.generate()
        try report(output.diagnostics, options: options, pipeline: pipeline, onError: onError)
        return (pipeline, output)
    }

    /// Prints diagnostics; exits 1 (after printing `onError`, if given) when there are errors.
    static func report(_ diagnostics: Diagnostics, options: GenerationOptions, pipeline: GeneratorPipeline,
                       onError: String? = nil) throws {
        Console.report(diagnostics, specs: options.specsPrefix(pipeline.configuration))
        if diagnostics.hasErrors {
            if let onError { Console.error(onError) }
            throw ExitCode(1)
        }
    }

    static func summary(_ output: GeneratorPipeline.Output, _ folders: [GeneratorPipeline.FolderPlan], dryRun: Bool) -> String {
        let written = folders.reduce(0) { $0 + $1.plan.write.count }
        let unchanged = folders.reduce(0) { $0 + $1.plan.unchanged.count }
        let removed = folders.reduce(0) { $0 + $1.plan.remove.count }
        let verb = dryRun ? "would be " : ""
        return "docgen: \(output.schema.models.count) models (\(Planner.dialect(output))); files: \(written) \(verb)written, \(unchanged) unchanged, \(removed) \(verb)removed"
    }

    /// `python`, `typescript, detected` or `python, assumed`.
    static func dialect(_ output: GeneratorPipeline.Output) -> String {
        output.dialect.name + (output.dialectChoice == .given ? "" : ", " + output.dialectChoice.rawValue)
    }
}
