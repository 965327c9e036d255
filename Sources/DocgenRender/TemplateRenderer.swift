import DocgenDiagnostics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One generated file, in memory. UTF-8, LF line ends, one final newline.
public struct OutputFile: Sendable, Equatable {
    public var destination: RenderUnit.Destination
    public var path: String
    public var contents: String

    public init(destination: RenderUnit.Destination, path: String, contents: String) {
        self.destination = destination
        self.path = path
        self.contents = contents
    }
}

/// `RenderUnit` + templates → `OutputFile`. Templates are compiled once per run; the pipeline
/// renders each model's units as soon as they are translated, on all cores.
public struct TemplateRenderer: Sendable {
    private let library: [String: Template]

    /// Parse errors are reported as `template.invalid` at the template's file and line and leave
    /// that template out; a template in `required` absent from the set is `template.missing`.
    /// Both are known before any rendering. Templates may use the names in `vocabulary` only.
    public init(templates: TemplateSet, vocabulary: TemplateVocabulary, required: [String], diagnostics: inout Diagnostics) {
        var library: [String: Template] = [:]
        for name in templates.templates.keys.sorted() {
            do {
                library[name] = try Template(templates.templates[name]!, vocabulary: vocabulary)
            } catch {
                let file = templates.paths[name] ?? "\(name).mustache"
                diagnostics.error(.templateInvalid, "template '\(name)' does not parse: \(error.message)",
                                  at: SourceLocation(file: file, line: error.line, column: 1))
            }
        }
        for name in required where templates.templates[name] == nil {
            diagnostics.error(.templateMissing, "no template named '\(name)'", at: nil)
        }
        self.library = library
    }

    /// Output in a fixed order (destination, then path bytes), whatever order it was made in.
    public static func sorted(_ files: [OutputFile]) -> [OutputFile] {
        files.sorted(byBytesOf: { $0.destination.rawValue + "/" + $0.path })
    }

    /// One unit's file; nil when its template is missing or invalid (already reported).
    public func render(_ unit: RenderUnit) -> OutputFile? {
        guard let template = library[unit.template] else { return nil }
        var text = ByteWriter(capacity: 16_384)
        var stack: [TemplateValue] = [.object(unit.context)]
        template.render(template.nodes, stack: &stack, library: library, into: &text, depth: 0)
        return OutputFile(destination: unit.destination, path: unit.path, contents: text.withBytes(Self.normalised))
    }

    /// Trailing blanks removed from every line, runs of blank lines folded to one, no leading
    /// blank lines, one final newline. Works on bytes: it runs over every generated file.
    static func normalised(_ input: UnsafeBufferPointer<UInt8>) -> String {
        guard input.baseAddress != nil else { return "" }
        return String(unsafeUninitializedCapacity: input.count + 1) { output in
            var written = 0
            var lineStart = 0
            var previousBlank = true // as if after a blank line: leading blank lines go
            var index = 0
            while index < input.count {
                // One line: copy it, drop trailing blanks, keep it unless it repeats a blank line.
                let end = memchr(input.baseAddress! + index, 0x0A, input.count - index)
                    .map { input.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? input.count
                var contentEnd = end
                while contentEnd > index, input[contentEnd - 1] == 0x20 || input[contentEnd - 1] == 0x09 { contentEnd -= 1 }
                let blank = contentEnd == index
                if !(blank && previousBlank) {
                    lineStart = written
                    let length = contentEnd - index
                    if length > 0 { (output.baseAddress! + written).initialize(from: input.baseAddress! + index, count: length) }
                    written += length
                    output[written] = 0x0A
                    written += 1
                }
                previousBlank = blank
                index = end + 1
            }
            // A trailing blank line goes too.
            if previousBlank, written > 0, written == lineStart + 1 { written -= 1 }
            return written
        }
    }
}
