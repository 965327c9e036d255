import DocgenConfig
import DocgenDiagnostics
import DocgenDiff
import DocgenDialects
import DocgenInput
import DocgenSchema
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The two trees `docgen diff` compares, read as the CLI names them: a folder, or a git
/// revision written `REV:path` (exported to a scratch folder, removed when done).
public struct DiffReading {
    /// One configuration (dialect, key rule, Swift names) for both versions; the caller may
    /// change `openAPI` between them (each release has its own document).
    public var settings: Configuration.File
    private var scratch: [URL] = []

    /// `settings`: one configuration (dialect, key rule, Swift names) for both versions.
    public init(settings: Configuration.File) {
        self.settings = settings
    }

    /// Why a tree could not be compared: a message for the user, and the tree's own
    /// diagnostics when reading it found errors.
    public struct Failure: Error, Sendable {
        public var message: String
        public var diagnostics: Diagnostics
    }

    /// One tree as read, before the two are compared.
    public struct Read: Sendable {
        public var schema: Schema
        public var dialect: Dialect
        /// Everything reading found. With errors, `docsWithErrors` names the docs they are in.
        public var diagnostics: Diagnostics
        /// The docs (model ids) an error is located in: left out of the comparison on both
        /// sides, since what was read of them is not what they say.
        public var docsWithErrors: Set<String>
    }

    /// One side of the comparison, read and checked: a tree that cannot be read at all (no
    /// such folder or revision, or an error that belongs to no doc) is a `Failure`.
    public mutating func read(_ argument: String) throws(Failure) -> Read {
        let root: URL
        if (try? FileManager.default.attributesOfItem(atPath: argument))?[.type] as? FileAttributeType == .typeDirectory {
            root = URL(fileURLWithPath: argument).standardizedFileURL
        } else if argument.contains(":") {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docgen-diff-\(getpid())-\(scratch.count)")
            try? FileManager.default.removeItem(at: folder)
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw Failure(message: "cannot make a scratch folder for '\(argument)': \(error)", diagnostics: Diagnostics())
            }
            scratch.append(folder)
            do throws(GitTree.Failure) {
                try GitTree.export(argument, into: folder)
            } catch {
                throw Failure(message: "cannot read '\(argument)': \(error.message)", diagnostics: Diagnostics())
            }
            root = folder
        } else {
            throw Failure(message: "'\(argument)' is neither a folder nor a git revision (REV:path)", diagnostics: Diagnostics())
        }
        return try Self.read(at: root, named: argument, settings: settings)
    }

    /// A tree already on disk, read with `settings`.
    public static func read(at root: URL, named argument: String, settings: Configuration.File) throws(Failure) -> Read {
        // One config serves both versions: a key override may name a field only one of them
        // has (the field was renamed). That is the change to report, not a reason to stop.
        let read = SpecReader(dialect: settings.dialect, keyRule: settings.keys, checksKeyOverrides: false, openAPI: settings.openAPI)
            .read(root: root)
        let errors = read.diagnostics.all.filter { $0.severity == .error }
        let ids = Set(read.schema.models.map(\.id) + read.schema.operations.map(\.id))
        // An error outside every doc (the dialect, the tree itself) leaves nothing to compare.
        if errors.contains(where: { $0.location.map { !ids.contains($0.file) } ?? true }) || read.schema.models.isEmpty {
            throw Failure(message: "cannot compare: '\(argument)' has errors", diagnostics: read.diagnostics)
        }
        return Read(schema: read.schema, dialect: read.dialect, diagnostics: read.diagnostics,
                    docsWithErrors: Set(errors.compactMap { $0.location?.file }))
    }

    /// The side to compare: `read` without the docs either side has errors in.
    public func side(_ read: Read, leavingOut docs: Set<String>) -> DiffSide {
        var schema = read.schema
        if !docs.isEmpty {
            schema = Schema(models: schema.models.filter { !docs.contains($0.id) },
                            operations: schema.operations.filter { !docs.contains($0.id) }, dialect: schema.dialect)
        }
        return DiffSide(schema: schema, dialect: read.dialect, keyRule: settings.keys, swift: settings.swift)
    }

    /// One tree read on its own, for tests: a tree with errors is a `Failure`.
    public static func side(at root: URL, named argument: String, settings: Configuration.File) throws(Failure) -> DiffSide {
        let read = try read(at: root, named: argument, settings: settings)
        if read.diagnostics.hasErrors {
            throw Failure(message: "cannot compare: '\(argument)' has errors", diagnostics: read.diagnostics)
        }
        return DiffReading(settings: settings).side(read, leavingOut: [])
    }

    /// Removes the scratch folders of exported revisions.
    public func removeScratch() {
        for folder in scratch { try? FileManager.default.removeItem(at: folder) }
    }
}
