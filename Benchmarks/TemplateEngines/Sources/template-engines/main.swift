import DocgenDiagnostics
import DocgenDocs
import DocgenKit
import DocgenRender
import DocgenSwift
import Foundation
import Mustache

// Renders one tree's units with docgen's engine and with swift-mustache, the same templates and
// the same structured contexts, one unit at a time on one core, rounds alternating the order.
// Usage: template-engines SPECS [ROUNDS]

/// A docgen context as swift-mustache reads one: by name, converted on lookup (nothing copied up front).
struct MustacheContext: MustacheParent {
    let object: TemplateObject
    let vocabulary: TemplateVocabulary

    func child(named name: String) -> Any? {
        guard let position = vocabulary.position(of: name), let value = object[position] else { return nil }
        return convert(value)
    }

    func convert(_ value: TemplateValue) -> Any? {
        switch value {
        case .text(let text): text
        case .flag(let flag): flag
        case .lines(let lines): lines
        case .list(let items): items.compactMap(convert)
        case .object(let object): MustacheContext(object: object, vocabulary: vocabulary)
        case .null: nil
        }
    }
}

/// What docgen does to every rendered file: trailing blanks gone, runs of blank lines folded.
func normalised(_ text: String) -> String {
    var lines: [Substring] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        var line = line
        while line.last == " " || line.last == "\t" { line = line.dropLast() }
        if line.isEmpty, lines.last?.isEmpty ?? true { continue }
        lines.append(line)
    }
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines.joined(separator: "\n") + "\n"
}

let arguments = CommandLine.arguments
guard arguments.count > 1 else {
    print("usage: template-engines SPECS [ROUNDS]")
    exit(64)
}
let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
var diagnostics = Diagnostics()
let read = SpecReader().read(root: URL(fileURLWithPath: arguments[1]))
let translation = SwiftTranslator().translate(read.schema, diagnostics: &diagnostics)
let units = translation.units + translation.summaries.map(DocsTranslator.page)
let swiftRenderer = SwiftTranslator.renderer(diagnostics: &diagnostics)
let docsRenderer = DocsTranslator.renderer(diagnostics: &diagnostics)
func renderWithDocgen(_ unit: RenderUnit) -> String? {
    (unit.destination == .swift ? swiftRenderer : docsRenderer).render(unit)?.contents
}
var templates: [String: MustacheTemplate] = [:]
for (name, text) in TemplateSet.defaults.templates {  // DocgenKit's: the Swift and the docs templates
    templates[name] = try MustacheTemplate(string: text)
}
let mustache = MustacheLibrary(templates: templates)

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

var docgenTimes: [Double] = []
var mustacheTimes: [Double] = []
var docgenFiles: [String] = []
var mustacheFiles: [String] = []
for round in 0..<rounds {
    let runDocgen = {
        docgenTimes.append(seconds { docgenFiles = units.map { renderWithDocgen($0) ?? "" } })
    }
    let runMustache = {
        mustacheTimes.append(seconds {
            mustacheFiles = units.map { unit in
                let vocabulary = unit.destination == .swift ? ContextName.vocabulary : DocsContextName.vocabulary
                return mustache.render(MustacheContext(object: unit.context, vocabulary: vocabulary), withTemplate: unit.template) ?? ""
            }
        })
    }
    if round % 2 == 0 { runDocgen(); runMustache() } else { runMustache(); runDocgen() }
}
let same = zip(docgenFiles, mustacheFiles).filter { $0 == normalised($1) }.count
let median = { (values: [Double]) in values.sorted()[values.count / 2] }
let bytes = docgenFiles.reduce(0) { $0 + $1.utf8.count }
print("\(units.count) files, \(bytes / 1_000_000) MB, \(rounds) rounds, one core, median:")
print(String(format: "  docgen's engine  %7.0f ms", median(docgenTimes) * 1e3))
print(String(format: "  swift-mustache   %7.0f ms = %.1f× docgen's", median(mustacheTimes) * 1e3, median(mustacheTimes) / median(docgenTimes)))
print("  the same text (after docgen's blank-line normalising): \(same) of \(units.count) files")
if let index = docgenFiles.indices.first(where: { docgenFiles[$0] != normalised(mustacheFiles[$0]) }) {
    let left = docgenFiles[index].split(separator: "\n", omittingEmptySubsequences: false)
    let right = normalised(mustacheFiles[index]).split(separator: "\n", omittingEmptySubsequences: false)
    if let line = left.indices.first(where: { $0 >= right.count || left[$0] != right[$0] }) {
        print("  first difference: \(units[index].path):\(line + 1)\n    docgen:   \(left[line])\n    mustache: \(line < right.count ? right[line] : "(end)")")
    }
}
