import DocgenDiagnostics
import DocgenDiff
import DocgenDialects
import DocgenKit
import DocgenMarkdown
import DocgenRender
import DocgenSchema
import DocgenSwift
import FoundationEssentials

/// The invariants the fuzz targets (Fuzz/) check, one entry point per target. A violated
/// invariant is returned as a message: the fuzz targets turn one into a crash for libFuzzer,
/// the normal tests record it as a failed expectation, replaying every saved crash input
/// (Fuzz/Regressions) and random inputs through these same functions.
public enum FuzzChecks {
    public static let targets = ["FuzzTableRow", "FuzzTypeExpression", "FuzzNames", "FuzzEscaping", "FuzzPipeline"]

    /// The violated invariants, empty when every one holds.
    public static func run(_ target: String, _ bytes: [UInt8]) -> [String] {
        var checker = Checker()
        switch target {
        case "FuzzTableRow": tableRow(bytes, &checker)
        case "FuzzTypeExpression": typeExpression(bytes, &checker)
        case "FuzzNames": names(bytes, &checker)
        case "FuzzEscaping": escaping(bytes, &checker)
        case "FuzzPipeline": pipeline(bytes, &checker)
        default: checker.expect(false, "unknown fuzz target \(target)")
        }
        return checker.violations
    }

    /// Collects violated invariants instead of stopping at the first.
    public struct Checker {
        public private(set) var violations: [String] = []

        mutating func expect(_ condition: Bool, _ message: @autoclosure () -> String) {
            if !condition { violations.append(message()) }
        }
    }

    /// Every cell is trimmed and its column lies inside its line, and wherever the cell
    /// shortcut reads a cell it reads it as cmark does.
    static func tableRow(_ bytes: [UInt8], _ checker: inout Checker) {
        let text = String(decoding: bytes, as: UTF8.self)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let length = line.utf8.count
            for cell in TableRowSplitter.split(line) {
                checker.expect(cell.column >= 1 && cell.column <= length + 1, "column \(cell.column) outside a line of \(length) bytes")
                checker.expect(cell.text.first != " " && cell.text.last != " ", "cell '\(cell.text)' is not trimmed")
                if let shortcut = CellInlines.parse(cell.text) {
                    let cmark = MarkdownParser.guardedParagraphs([cell.text])
                    checker.expect(cmark.count == 1 && shortcut == cmark[0], "the cell shortcut misreads '\(cell.text)'")
                }
            }
            if let alignments = TableRowSplitter.delimiterRow(line) {
                checker.expect(!alignments.isEmpty, "a delimiter row without columns")
            }
        }
    }

    /// Parsing is deterministic, and a successful parse yields a type. The first byte picks the
    /// dialect whose notation reads the rest, so every dialect's grammar is fuzzed.
    static func typeExpression(_ bytes: [UInt8], _ checker: inout Checker) {
        guard let selector = bytes.first else { return }
        let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
        let parser = vocabularies[Int(selector) % vocabularies.count]
        let first = parser.parse(text)
        let second = parser.parse(text)
        checker.expect(first == second, "parsing '\(text)' twice gave two answers")
        if case .failure(let problem) = first {
            checker.expect(problem.id.rawValue.hasPrefix("type."), "problem id '\(problem.id.rawValue)' outside type.*")
        }
    }

    /// Every name docgen makes is a valid Swift identifier (or a backquoted keyword) and no
    /// reserved member name escapes renaming.
    static func names(_ bytes: [UInt8], _ checker: inout Checker) {
        let text = String(decoding: bytes, as: UTF8.self)
        for name in [SwiftIdentifiers.propertyName(text), SwiftIdentifiers.caseName(text)] {
            let bare = SwiftIdentifiers.bare(name)
            checker.expect(isIdentifier(bare), "'\(name)' from '\(text)' is not an identifier")
            checker.expect(name.hasPrefix("`") == SwiftIdentifiers.keywords.contains(bare), "'\(name)' is quoted wrongly")
        }
        checker.expect(!SwiftIdentifiers.reservedProperties.contains(SwiftIdentifiers.bare(SwiftIdentifiers.propertyName(text))), "reserved property")
        checker.expect(!SwiftIdentifiers.reservedCases.contains(SwiftIdentifiers.bare(SwiftIdentifiers.caseName(text))), "reserved case")
        let type = SwiftIdentifiers.typeName(text)
        checker.expect(isIdentifier(type) && !SwiftIdentifiers.keywords.contains(type) && !SwiftIdentifiers.reservedTypes.contains(type),
                     "type name '\(type)' from '\(text)'")
    }

    /// Comment lines hold no line terminator or control character; a string literal reads
    /// back as exactly the input and can contain no interpolation.
    static func escaping(_ bytes: [UInt8], _ checker: inout Checker) {
        let text = String(decoding: bytes, as: UTF8.self)
        for line in SwiftEscaping.docComment(text) {
            checker.expect(line.hasPrefix("///"), "comment line without ///")
            checker.expect(!line.unicodeScalars.contains { SwiftEscaping.isUnsafe($0) }, "unsafe scalar in a comment line")
        }
        let literal = SwiftEscaping.stringLiteral(text)
        checker.expect(unescape(literal) == text, "string literal does not read back as its input")
        let cell = SwiftEscaping.markdownCell(text)
        checker.expect(!cell.contains(bytes: "\n") && !cell.contains(bytes: "\r"), "line break in a Markdown cell")
    }

    /// One document through every stage in memory, read as a model doc and as an operations
    /// doc: diagnostics point inside the input, every output file is LF-only text ending in one
    /// newline, and the tree compared with itself shows no change.
    static func pipeline(_ bytes: [UInt8], _ checker: inout Checker) {
        guard let file = SourceFile(relativePath: "models/fuzz.md", bytes: bytes),
              let operations = SourceFile(relativePath: "sdks/fuzz/README.md", bytes: bytes) else { return }
        let read = SpecReader().read([file, operations])
        for diagnostic in read.diagnostics.all {
            guard let location = diagnostic.location, let source = [file, operations].first(where: { $0.relativePath == location.file }) else { continue }
            checker.expect(location.line >= 1 && location.line <= source.lineCount, "\(diagnostic.id) on line \(location.line) of \(source.lineCount)")
            let length = source.line(location.line).utf8.count
            checker.expect(location.column >= 1 && location.column <= length + 1, "\(diagnostic.id) at column \(location.column) of \(length)")
        }
        let side = DiffSide(schema: read.schema, dialect: read.dialect, keyRule: JSONKeyRule())
        let report = SchemaDiff(old: side, new: side).compare(includeNotes: true)
        checker.expect(report.changes.isEmpty && report.changelog.isEmpty, "the tree differs from itself: \(report.changes.map(\.kind))")
        // The rest of the run users make, in memory: translate, render, group, index.
        let files = pipeline.generate(from: read).files
        for output in files {
            checker.expect(output.contents.hasSuffix("\n") && !output.contents.hasSuffix("\n\n"), "\(output.path) does not end in one newline")
            checker.expect(!output.contents.contains(bytes: "\r"), "\(output.path) holds a CR")
        }
    }

    static let vocabularies = Dialect.all.map { TypeParser(vocabulary: TypeVocabulary($0.types)) }

    /// A pipeline for Swift and docs; `generate(from:)` never touches its folders.
    static let pipeline = GeneratorPipeline(configuration: Configuration(
        specs: URL(fileURLWithPath: "/fuzz/specs"), output: URL(fileURLWithPath: "/fuzz/Swift"), docs: URL(fileURLWithPath: "/fuzz/Docs")))

    /// Swift's identifier grammar, as far as docgen's names go: a letter or `_` first, then
    /// letters, digits, `_` and the combining marks Swift allows after the first character.
    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            scalar == "_" || ("0"..."9").contains(scalar) || scalar.properties.isAlphabetic
                || [0x0300...0x036F, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F].contains { $0.contains(scalar.value) }
        }
    }

    /// Reads a literal made by `SwiftEscaping.stringLiteral` back, rejecting anything else.
    static func unescape(_ literal: String) -> String? {
        var scalars = Array(literal.unicodeScalars)
        guard scalars.count >= 2, scalars.first == "\"", scalars.last == "\"" else { return nil }
        scalars = Array(scalars.dropFirst().dropLast())
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "\"" || c == "\n" || c == "\r" { return nil }
            guard c == "\\" else { out.append(c); i += 1; continue }
            guard i + 1 < scalars.count else { return nil }
            let next = scalars[i + 1]
            i += 2
            switch next {
            case "\\": out.append("\\")
            case "\"": out.append("\"")
            case "n": out.append("\n")
            case "r": out.append("\r")
            case "t": out.append("\t")
            case "0": out.append("\0")
            case "u":
                guard i < scalars.count, scalars[i] == "{", let close = scalars[i...].firstIndex(of: "}"),
                      let value = UInt32(String(String.UnicodeScalarView(scalars[(i + 1)..<close])), radix: 16),
                      let scalar = Unicode.Scalar(value) else { return nil }
                out.append(scalar)
                i = close + 1
            default: return nil // `\(` and every other escape are impossible here
            }
        }
        return String(out)
    }
}
