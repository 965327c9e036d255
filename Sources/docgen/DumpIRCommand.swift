import ArgumentParser
import DocgenDiagnostics
import DocgenKit
import DocgenSchema
import Foundation

struct DumpIRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump-ir",
        abstract: "Read a spec folder and print its schema IR.",
        discussion: "Exit status: 0 success, 1 the specs have errors, 64 bad usage."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case tree, json
    }

    @Option(name: .long, help: "The spec folder (the spec root: model ids are paths relative to it).")
    var specs: String

    @Option(name: .long, help: "tree (for people, with locations) or json (the documented contract).")
    var format: Format = .tree

    func run() throws {
        let result = SpecReader().read(root: URL(fileURLWithPath: specs))
        Console.report(result.diagnostics, specs: specs)
        if result.diagnostics.hasErrors { throw ExitCode(1) }
        Console.out(format == .json ? SchemaDump.json(result.schema) : SchemaDump.tree(result.schema))
    }
}
