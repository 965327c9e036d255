import DocgenDiagnostics
import DocgenDialects
import DocgenMarkdown

/// `## Supported Types`: a union's variants, one `###` heading each.
extension Extraction {
    mutating func variants(in body: Range<Int>, heading: SourceLocation) -> [VariantHeading] {
        var result: [VariantHeading] = []
        for index in body {
            if case .codeBlock(_, let literal) = blocks[index].kind, var last = result.last, last.code == nil {
                last.code = literal
                last.codeLocation = location(blocks[index].span.startLine + 1, 1)
                result[result.count - 1] = last
            }
            guard blocks[index].depth == 0, case .heading(3, let content) = blocks[index].kind else { continue }
            let line = blocks[index].span.startLine
            result.append(VariantHeading(type: content, location: location(line, headingTextColumn(line))))
        }
        if result.isEmpty {
            diagnostics.error(.unionNoVariants, "'Supported Types' lists no '### `Type`' headings", at: heading)
        }
        return result
    }

    /// The column where an ATX heading's text starts: after the `#` run and its blanks (the
    /// line's end + 1 for an empty heading, so the location stays on the line).
    func headingTextColumn(_ line: Int) -> Int {
        let bytes = Array(file.line(line).utf8)
        var index = 0
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        while index < bytes.count, bytes[index] == UInt8(ascii: "#") { index += 1 }
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        return index + 1
    }
}
