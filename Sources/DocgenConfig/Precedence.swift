import DocgenClient
import DocgenDiagnostics
import DocgenDialects
import DocgenSchema
import DocgenSwift
import FoundationEssentials

/// Settings given on the command line: each one given wins over the config file's.
public struct Flags: Sendable, Equatable {
    /// `--config FILE`.
    public var config: URL?
    public var specs: URL?
    public var output: URL?
    public var docs: URL?
    public var templates: URL?
    /// `--openapi FILE`.
    public var openAPI: URL?
    /// `--client`: generate the client (with the file's client settings, if any).
    public var client = false
    /// `--dialect`: `.some(nil)` is `auto` (detect it, whatever the file says).
    public var dialect: Dialect??
    public var keyStyle: JSONKeyRule.Style?
    public var acronyms: [String] = []
    public var accessLevel: SwiftOptions.AccessLevel?
    public var enums: SwiftOptions.EnumPolicy?

    public init() {}
}

extension Configuration {
    /// The config file a run reads: `--config`, else `./docgen.json` when it exists and the
    /// command line names no folder of its own (an ad-hoc `--specs A --output B` never picks
    /// up the project's other settings, such as its docs folder).
    public static func fileToRead(_ flags: Flags, namesFolders: Bool, in directory: URL) -> URL? {
        if let config = flags.config { return config }
        let implicit = directory.appendingPathComponent(fileName)
        return !namesFolders && FileManager.default.fileExists(atPath: implicit.path) ? implicit : nil
    }

    /// A config file's settings with the flags on top.
    public static func merging(_ file: File, _ flags: Flags) -> File {
        var settings = file
        if let specs = flags.specs { settings.specs = specs }
        if let output = flags.output { settings.output = output }
        if let docs = flags.docs { settings.docs = docs }
        if let templates = flags.templates { settings.templates = templates }
        if let openAPI = flags.openAPI { settings.openAPI = openAPI }
        if flags.client, settings.client == nil { settings.client = ClientOptions() }
        if let dialect = flags.dialect { settings.dialect = dialect }
        if let style = flags.keyStyle { settings.keys.style = style }
        if !flags.acronyms.isEmpty { settings.keys.acronyms = flags.acronyms }
        if let accessLevel = flags.accessLevel { settings.swift.accessLevel = accessLevel }
        if let enums = flags.enums { settings.swift.enumPolicy = enums }
        return settings
    }

    /// A folder a run needs and neither the flags nor the file name.
    public struct Missing: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// What a run executes with: the spec folder is required, the output folder too when the
    /// command writes (`needsOutput`).
    public init(_ settings: File, needsOutput: Bool) throws(Missing) {
        guard let specs = settings.specs else {
            throw Missing(description: "no spec folder: pass --specs DIR or write \(Self.fileName)")
        }
        guard !needsOutput || settings.output != nil else {
            throw Missing(description: "no output folder: pass --output DIR or write \(Self.fileName)")
        }
        self.init(specs: specs, output: settings.output, docs: settings.docs, templates: settings.templates, swift: settings.swift,
                  keys: settings.keys, dialect: settings.dialect, openAPI: settings.openAPI, client: settings.client)
    }
}
