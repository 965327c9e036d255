import ArgumentParser
import DocgenDiagnostics
import DocgenKit
import DocgenSchema
import FoundationEssentials

struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Learn and check JSON keys against captured payloads or the vendor's OpenAPI document.",
        discussion: """
            Docs print the SDK's property names, never the wire keys, so keys come from a rule \
            (Docs/configuration.md). Samples are <ModelName>.json files holding one JSON object or an array of them; \
            an OpenAPI document (JSON or YAML, e.g. .speakeasy/out.openapi.yaml) gives the keys of its component schemas.
            """,
        subcommands: [LearnKeysCommand.self, CheckKeysCommand.self]
    )
}

struct SampleOptions: ParsableArguments {
    @OptionGroup var spec: SpecOptions

    @Option(name: .long, help: "Folder of <ModelName>.json payload samples.")
    var samples: String?

    /// `--openapi` (a reading option): here the wire keys of its component schemas, learned
    /// from, not applied.
    var openapi: String? { spec.reading.openapi }

    func validate() throws {
        guard samples != nil || openapi != nil else { throw ValidationError("pass --samples DIR, --openapi FILE or both") }
    }

    /// What the keys were read from, for the report.
    var sourceName: String { openapi == nil ? "samples" : samples == nil ? "component schemas" : "samples and schemas" }

    /// Reads the specs and walks every sample; exits 1 when the specs or samples have errors.
    /// The configuration returned carries the key rule as the tree's dialect applies it.
    func analyse() throws -> (Configuration, KeySamples) {
        var configuration = try spec.readingConfiguration()
        // The docs alone: what the keys would be without the document is what is learned.
        let read = SpecReader(dialect: configuration.dialect, keyRule: configuration.keys).read(root: configuration.specs)
        configuration.keys = read.keyRule
        var samples = KeySamples(schema: read.schema)
        if let folder = self.samples { samples.read(folder: URL(fileURLWithPath: folder)) }
        if let openapi { samples.read(openAPI: URL(fileURLWithPath: openapi)) }
        samples.reportConflicts()
        var diagnostics = read.diagnostics
        diagnostics.append(contentsOf: samples.diagnostics)
        samples.diagnostics = diagnostics
        return (configuration, samples)
    }
}

struct LearnKeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learn",
        abstract: "Print the key rule and overrides that map every sample key to a field.",
        discussion: "Exit status: 0 success (warnings allowed), 1 errors, 64 bad usage."
    )

    @OptionGroup var options: SampleOptions

    @Flag(name: .long, help: "Merge the learned rule and overrides into the config file (--config, or ./docgen.json).")
    var write = false

    func run() throws {
        let (configuration, samples) = try options.analyse()
        var diagnostics = samples.diagnostics
        diagnostics.append(contentsOf: samples.unmatchedKeyWarnings)
        Console.report(diagnostics, specs: options.spec.specsPrefix(configuration))
        if diagnostics.hasErrors { throw ExitCode(1) }

        let result = KeyRuleLearner.learn(from: samples.observations, current: configuration.keys)
        let fields = Set(samples.observations.map { "\($0.model).\($0.field)" }).count
        Console.out("Matched \(samples.observations.count) keys in \(samples.sampleCount) \(options.sourceName) to \(fields) fields.\n")
        Console.out("Overrides each rule needs: " + result.candidates.map { "\($0.name): \($0.overrides)" }.joined(separator: "; ") + "\n")
        let unchanged = result.rule.style == configuration.keys.style && result.rule.acronyms == configuration.keys.acronyms
            && result.learned.isEmpty
        if unchanged {
            Console.out("The current rule already maps every sample key to its field; nothing to add.\n")
            return
        }
        let snippet = KeyConfigSnippet.json(result.rule)
        if write {
            let path = options.spec.config ?? Configuration.fileName
            try KeyConfigSnippet.merge(result.rule, intoConfigAt: URL(fileURLWithPath: path), specs: configuration.specs)
            Console.out("Wrote the key rule and \(result.rule.overrides.count) overrides to \(path).\n")
        } else {
            Console.out("Add to \(options.spec.config ?? Configuration.fileName) (or run again with --write):\n\n\"keys\": \(snippet)\n")
        }
    }
}

struct CheckKeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Exit 1 when a sample holds a key that no field maps (a field decoding would drop).",
        discussion: "Exit status: 0 every key maps, 1 unmapped keys or errors, 64 bad usage."
    )

    @OptionGroup var options: SampleOptions

    func run() throws {
        let (configuration, samples) = try options.analyse()
        var diagnostics = samples.diagnostics
        diagnostics.append(contentsOf: samples.unmappedKeyErrors)
        Console.report(diagnostics, specs: options.spec.specsPrefix(configuration))
        if diagnostics.hasErrors { throw ExitCode(1) }
        Console.error("docgen: every key of \(samples.sampleCount) \(options.sourceName) maps to a field")
    }
}
