import ArgumentParser

struct DocgenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docgen",
        abstract: "Turns Speakeasy-style Markdown model docs into Swift Codable models, validators and docs.",
        subcommands: [GenerateCommand.self, CheckCommand.self, DumpIRCommand.self, KeysCommand.self, DiffCommand.self, ConformanceCommand.self]
    )
}
