import ArgumentParser
import DocgenDiagnostics
import DocgenKit
import DocgenSchema
import FoundationEssentials

struct DumpIRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump-ir",
        abstract: "Read a spec folder and print its schema IR.",
        discussion: "Exit status: 0 success, 1 the specs have errors, 64 bad usage."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case tree, json
    }

    @OptionGroup var options: SpecOptions

    @Option(name: .long, help: "tree (for people, with locations) or json (the documented contract).")
    var format: Format = .tree

    func run() throws {
        let configuration = try options.readingConfiguration()
        var result = SpecReader(dialect: configuration.dialect, keyRule: configuration.keys, openAPI: configuration.openAPI)
            .read(root: configuration.specs)
        // The config's client facts (endpoints, parameter places, security, server) are IR facts too.
        if let client = configuration.client {
            client.overrides.apply(to: &result.schema, serverURL: client.serverURL, diagnostics: &result.diagnostics)
        }
        Console.report(result.diagnostics, specs: options.specsPrefix(configuration))
        if result.diagnostics.hasErrors { throw ExitCode(1) }
        Console.out(format == .json ? SchemaDump.json(result.schema) : SchemaDump.tree(result.schema))
        Console.exitSuccessfully(keeping: result)
    }
}
