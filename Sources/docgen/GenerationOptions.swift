import ArgumentParser
import DocgenDiagnostics
import DocgenDialects
import DocgenConfig
import DocgenKit
import DocgenSchema
import DocgenSwift
import FoundationEssentials

extension SwiftOptions.AccessLevel: ExpressibleByArgument {}
extension SwiftOptions.EnumPolicy: ExpressibleByArgument {}
extension JSONKeyRule.Style: ExpressibleByArgument {}

/// `--dialect auto` or a dialect's name.
enum DialectOption: ExpressibleByArgument {
    case auto
    case named(Dialect)

    init?(argument: String) {
        if argument == "auto" { self = .auto } else if let dialect = Dialect.named(argument) { self = .named(dialect) } else { return nil }
    }

    static var allValueStrings: [String] { ["auto"] + Dialect.all.map(\.name) }
}

/// How docs are read, whatever folder they are in: a config file, the dialect and the JSON
/// key rule (`diff` reads two folders with one set of these).
struct ReadingOptions: ParsableArguments {
    @Option(name: .long, help: "Config file (default: ./docgen.json, when present and neither --specs nor --output is given).")
    var config: String?

    @Option(name: .long, help: "The SDK language of the docs: auto (detect it from the tree) or the SDK language.")
    var dialect: DialectOption?

    @Option(name: .long, help: "JSON key rule: asWritten (the Field cell minus a reserved-word suffix), lowerCamel or snakeCase (default: the dialect's).")
    var keyRule: JSONKeyRule.Style?

    @Option(name: .long, parsing: .upToNextOption, help: "Words lowerCamel keys write in capitals (e.g. ID URL TTL).")
    var acronyms: [String] = []

    @Option(name: .long, help: "The vendor's OpenAPI document (JSON or YAML, e.g. .speakeasy/out.openapi.yaml): evidence for what the docs cannot say (wire keys, nullability, integer types, union members).")
    var openapi: String?

    /// These flags; a command adds its own.
    var flags: Flags {
        var flags = Flags()
        flags.config = url(config)
        switch dialect {
        case .auto: flags.dialect = .some(nil)
        case .named(let chosen): flags.dialect = chosen
        case nil: break
        }
        flags.keyStyle = keyRule
        flags.acronyms = acronyms
        flags.openAPI = url(openapi)
        return flags
    }

    /// The config file's settings with `flags` on top (DocgenConfig decides which file and
    /// what wins). A config file with errors ends the run with status 1.
    static func settings(_ flags: Flags, namesFolders: Bool) throws -> Configuration.File {
        var file = Configuration.File()
        if let path = Configuration.fileToRead(flags, namesFolders: namesFolders, in: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
            var diagnostics = Diagnostics()
            let read = Configuration.read(path, diagnostics: &diagnostics)
            Console.report(diagnostics, specs: "")
            guard let read, !diagnostics.hasErrors else { throw ExitCode(1) }
            file = read
        }
        return Configuration.merging(file, flags)
    }

    /// The settings for a command that names its folders as arguments (`diff`).
    func settings() throws -> Configuration.File {
        try Self.settings(flags, namesFolders: false)
    }
}

/// What every command that reads one tree takes: the reading options and the spec folder.
struct SpecOptions: ParsableArguments {
    @OptionGroup var reading: ReadingOptions

    @Option(name: .long, help: "The spec folder (the spec root).")
    var specs: String?

    var config: String? { reading.config }

    var flags: Flags {
        var flags = reading.flags
        flags.specs = url(specs)
        return flags
    }

    /// Reading only: no output folders needed.
    func readingConfiguration() throws -> Configuration {
        try configuration(flags, needsOutput: false)
    }

    /// The configuration for `flags`; the implicit ./docgen.json applies only to runs that
    /// name no folders.
    func configuration(_ flags: Flags, needsOutput: Bool) throws -> Configuration {
        let settings = try ReadingOptions.settings(flags, namesFolders: flags.specs != nil || flags.output != nil)
        do throws(Configuration.Missing) {
            return try Configuration(settings, needsOutput: needsOutput)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The spec folder as the user would type it from here, for diagnostic paths.
    func specsPrefix(_ configuration: Configuration) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        let path = configuration.specs.path
        return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
    }
}

func url(_ path: String?) -> URL? {
    path.map { URL(fileURLWithPath: $0).standardizedFileURL }
}

/// What `generate` and `check` add: where output goes and how Swift is written.
struct GenerationOptions: ParsableArguments {
    @OptionGroup var spec: SpecOptions

    @Option(name: .long, help: "Folder for the generated Swift files.")
    var output: String?

    @Option(name: .long, help: "Folder for the generated Markdown docs (none when omitted).")
    var docs: String?

    @Option(name: .long, help: "Folder of templates overriding the embedded ones, file by file.")
    var templates: String?

    @Option(name: .long, help: "Access level of generated declarations: public, package or internal.")
    var accessLevel: SwiftOptions.AccessLevel?

    @Option(name: .long, help: "Enums not documented as open: open (keep unknown values) or closed.")
    var enums: SwiftOptions.EnumPolicy?

    @Flag(name: .long, help: "Also generate a Swift client of the documented operations (needs the DocgenClientRuntime product).")
    var client = false

    func configuration() throws -> Configuration {
        var flags = spec.flags
        flags.output = url(output)
        flags.docs = url(docs)
        flags.templates = url(templates)
        flags.accessLevel = accessLevel
        flags.enums = enums
        flags.client = client
        return try spec.configuration(flags, needsOutput: true)
    }

    func specsPrefix(_ configuration: Configuration) -> String {
        spec.specsPrefix(configuration)
    }
}
