import DocgenConfig
import DocgenSchema
import DocgenSwift
import Foundation
import Testing

/// Which config file a run reads, and what wins: a flag over the file's setting.
struct PrecedenceTests {
    func folder(withConfig: Bool) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docgen-precedence-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if withConfig { try "{}".write(to: folder.appendingPathComponent("docgen.json"), atomically: true, encoding: .utf8) }
        return folder
    }

    @Test func theImplicitConfigIsReadOnlyWhenTheCommandLineNamesNoFolder() throws {
        let project = try folder(withConfig: true)
        let implicit = project.appendingPathComponent("docgen.json")
        #expect(Configuration.fileToRead(Flags(), namesFolders: false, in: project) == implicit)
        #expect(Configuration.fileToRead(Flags(), namesFolders: true, in: project) == nil)
        #expect(Configuration.fileToRead(Flags(), namesFolders: false, in: try folder(withConfig: false)) == nil)
        var flags = Flags()
        flags.config = URL(fileURLWithPath: "/elsewhere/docgen.json")
        #expect(Configuration.fileToRead(flags, namesFolders: true, in: project) == flags.config)
    }

    @Test func aFlagWinsOverTheFileAndAnAbsentFlagLeavesIt() throws {
        var file = Configuration.File()
        file.specs = URL(fileURLWithPath: "/file/specs")
        file.output = URL(fileURLWithPath: "/file/out")
        file.docs = URL(fileURLWithPath: "/file/docs")
        file.swift.accessLevel = .package
        file.keys.style = .snakeCase
        file.keys.acronyms = ["ID"]
        var flags = Flags()
        flags.output = URL(fileURLWithPath: "/flag/out")
        flags.enums = .closed
        flags.keyStyle = .lowerCamel
        flags.dialect = .some(nil) // --dialect auto
        let merged = Configuration.merging(file, flags)
        #expect(merged.specs == file.specs && merged.docs == file.docs)
        #expect(merged.output == flags.output)
        #expect(merged.swift.accessLevel == .package && merged.swift.enumPolicy == .closed)
        #expect(merged.keys.style == .lowerCamel && merged.keys.acronyms == ["ID"])
        #expect(merged.dialect == nil)
    }

    @Test func aRunNeedsItsFoldersNamedSomewhere() throws {
        var settings = Configuration.File()
        let noSpecs = #expect(throws: Configuration.Missing.self) { try Configuration(settings, needsOutput: false) }
        #expect(noSpecs?.description == "no spec folder: pass --specs DIR or write docgen.json")
        settings.specs = URL(fileURLWithPath: "/specs")
        #expect(try Configuration(settings, needsOutput: false).specs == settings.specs)
        let noOutput = #expect(throws: Configuration.Missing.self) { try Configuration(settings, needsOutput: true) }
        #expect(noOutput?.description == "no output folder: pass --output DIR or write docgen.json")
    }
}
