import ArgumentParser

struct DocgenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docgen",
        abstract: "Turns Speakeasy-style Markdown model docs into a schema IR (and, next, Swift).",
        subcommands: [DumpIRCommand.self]
    )
}
