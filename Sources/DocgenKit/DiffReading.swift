import DocgenConfig
import DocgenDiagnostics
import DocgenDiff
import DocgenInput
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

    /// One side of the comparison.
    public mutating func side(_ argument: String) throws(Failure) -> DiffSide {
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
        return try Self.side(at: root, named: argument, settings: settings)
    }

    /// A tree already on disk, read with `settings`.
    public static func side(at root: URL, named argument: String, settings: Configuration.File) throws(Failure) -> DiffSide {
        // One config serves both versions: a key override may name a field only one of them
        // has (the field was renamed). That is the change to report, not a reason to stop.
        let read = SpecReader(dialect: settings.dialect, keyRule: settings.keys, checksKeyOverrides: false, openAPI: settings.openAPI)
            .read(root: root)
        if read.diagnostics.hasErrors {
            throw Failure(message: "cannot compare: '\(argument)' has errors", diagnostics: read.diagnostics)
        }
        return DiffSide(schema: read.schema, dialect: read.dialect, keyRule: settings.keys, swift: settings.swift)
    }

    /// Removes the scratch folders of exported revisions.
    public func removeScratch() {
        for folder in scratch { try? FileManager.default.removeItem(at: folder) }
    }
}
