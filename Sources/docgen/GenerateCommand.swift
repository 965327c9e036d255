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
        let (pipeline, output, plans) = try Planner.generateAndPlan(options, onError: "docgen: nothing written")
        if dryRun {
            // One write for the whole report, built as bytes (a line per file adds up).
            var report: [UInt8] = []
            for (writer, plan) in plans {
                let folder = Array((writer.folder.path + "/").utf8)
                for (verb, paths) in [("write      ", plan.write), ("unchanged  ", plan.unchanged), ("remove     ", plan.remove)] {
                    for path in paths {
                        report += verb.utf8
                        report += folder
                        report += path.utf8
                        report.append(UInt8(ascii: "\n"))
                    }
                }
            }
            Console.out(String(decoding: report, as: UTF8.self))
        } else {
            for (writer, plan) in plans {
                let files = output.files.filter { pipeline.folder(for: $0.destination) == writer.folder }
                do {
                    try writer.apply(plan, files: files)
                } catch {
                    Console.error("docgen: error: cannot write to '\(writer.folder.path)': \(error) [output.write-failed]")
                    throw ExitCode(1)
                }
            }
        }
        Console.error(Planner.summary(output, plans, dryRun: dryRun))
        Console.exitSuccessfully(keeping: (output, plans))
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
        let (_, output, plans) = try Planner.generateAndPlan(options)
        var stale: [String] = []
        for (writer, plan) in plans {
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
        Console.error("docgen: \(output.schema.models.count) models; generated files are up to date")
    }
}

/// Plans for every destination folder of a run.
enum Planner {
    /// Generates in memory and plans every destination; prints the diagnostics and exits 1
    /// (after printing `onError`, if given) when there are errors.
    static func generateAndPlan(_ options: GenerationOptions, onError: String? = nil) throws
        -> (GeneratorPipeline, GeneratorPipeline.Output, [(OutputWriter, OutputWriter.Plan)]) {
        let configuration = try options.configuration()
        let pipeline = GeneratorPipeline(configuration: configuration)
        var output = pipeline.generate()
        let planned = plans(for: output, pipeline: pipeline)
        output.diagnostics.append(contentsOf: planned.diagnostics)
        Console.report(output.diagnostics, specs: options.specsPrefix(configuration))
        if output.diagnostics.hasErrors {
            if let onError { Console.error(onError) }
            throw ExitCode(1)
        }
        return (pipeline, output, planned.plans)
    }

    static func plans(for output: GeneratorPipeline.Output, pipeline: GeneratorPipeline)
        -> (plans: [(OutputWriter, OutputWriter.Plan)], diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        var plans: [(OutputWriter, OutputWriter.Plan)] = []
        for destination in [RenderUnit.Destination.swift, .docs] {
            guard let folder = pipeline.folder(for: destination) else { continue }
            let writer = OutputWriter(folder: folder)
            let files = output.files.filter { $0.destination == destination }
            plans.append((writer, writer.plan(files, specs: pipeline.configuration.specs, diagnostics: &diagnostics)))
        }
        return (plans, diagnostics)
    }

    static func summary(_ output: GeneratorPipeline.Output, _ plans: [(OutputWriter, OutputWriter.Plan)], dryRun: Bool) -> String {
        let written = plans.reduce(0) { $0 + $1.1.write.count }
        let unchanged = plans.reduce(0) { $0 + $1.1.unchanged.count }
        let removed = plans.reduce(0) { $0 + $1.1.remove.count }
        let verb = dryRun ? "would be " : ""
        return "docgen: \(output.schema.models.count) models; files: \(written) \(verb)written, \(unchanged) unchanged, \(removed) \(verb)removed"
    }
}
