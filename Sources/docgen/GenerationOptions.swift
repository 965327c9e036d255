import ArgumentParser
import DocgenDiagnostics
import DocgenDialects
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

    /// The config file's settings with these flags on top. `implicitConfig`: read
    /// ./docgen.json when present and no --config is given.
    func settings(implicitConfig: Bool) throws -> Configuration.File {
        var file = Configuration.File()
        let configPath = config ?? (implicitConfig && FileManager.default.fileExists(atPath: Configuration.fileName) ? Configuration.fileName : nil)
        if let configPath {
            var diagnostics = Diagnostics()
            let read = Configuration.read(URL(fileURLWithPath: configPath), diagnostics: &diagnostics)
            Console.report(diagnostics, specs: "")
            guard let read, !diagnostics.hasErrors else { throw ExitCode(1) }
            file = read
        }
        if let keyRule { file.keys.style = keyRule }
        switch dialect {
        case .auto: file.dialect = nil
        case .named(let chosen): file.dialect = chosen
        case nil: break
        }
        if !acronyms.isEmpty { file.keys.acronyms = acronyms }
        return file
    }
}

/// What every command that reads one tree takes: the reading options and the spec folder.
struct SpecOptions: ParsableArguments {
    @OptionGroup var reading: ReadingOptions

    @Option(name: .long, help: "The spec folder (the spec root).")
    var specs: String?

    var config: String? { reading.config }

    /// The config file's settings with these flags on top. `namesOutput` says whether the
    /// command line names an output folder (which turns off the implicit ./docgen.json).
    func configuration(namesOutput: Bool = false) throws -> (file: Configuration.File, specs: URL) {
        // The implicit ./docgen.json applies only to runs that name no folders, so an ad-hoc
        // `--specs A --output B` never picks up the project's other settings (its docs folder).
        var file = try reading.settings(implicitConfig: specs == nil && !namesOutput)
        guard let specs = url(specs) ?? file.specs else {
            throw ValidationError("no spec folder: pass --specs DIR or write \(Configuration.fileName)")
        }
        file.specs = specs
        return (file, specs)
    }

    /// Reading only: no output folders needed.
    func readingConfiguration() throws -> Configuration {
        let (file, specs) = try configuration()
        return Configuration(specs: specs, swift: file.swift, keys: file.keys, dialect: file.dialect)
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

    func configuration() throws -> Configuration {
        let (file, specs) = try spec.configuration(namesOutput: output != nil)
        guard let output = url(output) ?? file.output else {
            throw ValidationError("no output folder: pass --output DIR or write \(Configuration.fileName)")
        }
        var swift = file.swift
        if let accessLevel { swift.accessLevel = accessLevel }
        if let enums { swift.enumPolicy = enums }
        return Configuration(specs: specs, output: output, docs: url(docs) ?? file.docs,
                             templates: url(templates) ?? file.templates, swift: swift, keys: file.keys, dialect: file.dialect)
    }

    func specsPrefix(_ configuration: Configuration) -> String {
        spec.specsPrefix(configuration)
    }
}
