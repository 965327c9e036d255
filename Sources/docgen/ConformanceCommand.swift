import ArgumentParser
import DocgenDiagnostics
import DocgenKit
import DocgenOpenAPI
import DocgenSchema
import FoundationEssentials

struct ConformanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conformance",
        abstract: "Compare the IR read from the docs with the vendor's OpenAPI document, model by model.",
        discussion: """
            Every doc model that is a component schema must agree with it: objects on their property set (wire keys) \
            and required set, enums on their values, unions on their members. Prints the agreement of the docs alone and \
            with the document's evidence applied (--openapi), and each disagreement. \
            Exit status: 0 success, 1 the specs have errors or agreement is below --min, 64 bad usage.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var options: SpecOptions

    @Option(name: .long, help: "text or json (for Scripts/conformance).")
    var format: Format = .text

    @Option(name: .long, help: "Exit 1 when the docs alone agree on fewer than this percentage of the matched models.")
    var min: Double?

    func validate() throws {
        if options.reading.openapi == nil { throw ValidationError("pass --openapi FILE: the document to compare with") }
    }

    func run() throws {
        var configuration = try options.readingConfiguration()
        let openAPI = configuration.openAPI!
        configuration.openAPI = nil
        let read = SpecReader(dialect: configuration.dialect, keyRule: configuration.keys).read(root: configuration.specs)
        var diagnostics = read.diagnostics
        let document = OpenAPIDocument.read(path: openAPI.path, diagnostics: &diagnostics)
        Console.report(diagnostics, specs: options.specsPrefix(configuration))
        guard let document, !diagnostics.hasErrors else { throw ExitCode(1) }
        var quiet = Diagnostics()
        let applied = OpenAPIEvidence(document: document, dialect: read.dialect).apply(to: read.schema, diagnostics: &quiet)
        let docs = Conformance(read.schema, document), evidence = Conformance(applied.schema, document)
        switch format {
        case .json:
            Console.out(json(docs: docs, evidence: evidence, schema: read.schema, dialect: read.dialect.name))
        case .text:
            Console.out("\(read.schema.models.count) models, \(document.components.count) component schemas, \(docs.matched) matched\n")
            if docs.silent > 0 { Console.out("\(docs.silent) of them the docs say nothing about (unions that list no members): not compared\n") }
            Console.out("docs alone: \(percent(docs.agreement)) agree; with --openapi: \(percent(evidence.agreement))\n")
            for disagreement in docs.disagreements {
                Console.out("\(disagreement.modelID) (schema \(disagreement.component)): \(disagreement.kind): \(disagreement.detail)\n")
            }
        }
        if let min, docs.agreement < min { throw ExitCode(1) }
    }

    func percent(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    func json(docs: Conformance, evidence: Conformance, schema: Schema, dialect: String) -> String {
        func report(_ conformance: Conformance) -> String {
            let items = conformance.disagreements.map { d in
                "{\"kind\": \(JSONText.quoted(d.kind)), \"model\": \(JSONText.quoted(d.modelID)), \"schema\": \(JSONText.quoted(d.component)), \"detail\": \(JSONText.quoted(d.detail))}"
            }
            return "{\"matched\": \(conformance.matched), \"silent\": \(conformance.silent), \"agreement\": \(conformance.agreement), \"disagreements\": [" + items.joined(separator: ", ") + "]}"
        }
        return "{\"dialect\": \(JSONText.quoted(dialect)), \"models\": \(schema.models.count), \"docs\": \(report(docs)), \"openapi\": \(report(evidence))}\n"
    }
}
