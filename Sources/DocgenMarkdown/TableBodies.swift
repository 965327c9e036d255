import DocgenDiagnostics

/// cmark reads a pipe table as a paragraph and parses the inline content of every line of it,
/// though docgen splits table rows from the raw lines and never asks for that content. Table
/// bodies are most of a spec's text, so cmark is handed the document with each body row cut
/// to its leading `|`: such a line cannot start, end or interrupt a block (no block starts with
/// `|`), so every block, line number and column stays where it was; only the skipped table
/// paragraphs lose inline content nobody reads.
///
/// That holds when each table is a top-level paragraph of its own, which is what Speakeasy
/// writes. Where one is not (a table in a list item, in a code block, after prose without a
/// blank line), the parse of the cut text is not used: `verified` finds it out and the caller
/// parses the document as it is.
enum TableBodies {
    /// A table whose body rows are cut: its header row's line and its last body row's line.
    struct Run: Equatable {
        var headerLine: Int
        var lastLine: Int
    }

    /// Every header row followed by a delimiter row and at least one body row (a line starting
    /// with `|`), in line order.
    static func runs(in file: SourceFile) -> [Run] {
        var runs: [Run] = []
        var text = file.text
        text.withUTF8 { bytes in
            let lines = file.lineStarts
            func startsWithPipe(_ line: Int) -> Bool { // 0-based
                lines[line] < bytes.count && bytes[lines[line]] == UInt8(ascii: "|")
            }
            var line = 0
            while line + 2 < lines.count {
                // A delimiter row starts with `|`, `-`, `:` or a blank: a cheap first look.
                let next = lines[line + 1]
                guard next < bytes.count, [UInt8(ascii: "|"), UInt8(ascii: "-"), UInt8(ascii: ":"), 0x20, 0x09].contains(bytes[next]),
                      startsWithPipe(line + 2),
                      TableRowSplitter.delimiterRow(file.line(line + 2)) != nil,
                      TableRowSplitter.hasUnescapedPipe(file.line(line + 1))
                else {
                    line += 1
                    continue
                }
                var last = line + 2
                while last + 1 < lines.count, startsWithPipe(last + 1) { last += 1 }
                runs.append(Run(headerLine: line + 1, lastLine: last + 1))
                line = last + 1
            }
        }
        return runs
    }

    /// The text with every body row of `runs` cut to its `|`; line ends stay.
    static func cut(_ file: SourceFile, _ runs: [Run]) -> String {
        var text = file.text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var copied = 0 // bytes of the original copied so far
            for run in runs {
                for line in (run.headerLine + 2)...run.lastLine { // 1-based; the first body row is two below the header
                    let start = file.lineStarts[line - 1]
                    let end = line < file.lineStarts.count ? file.lineStarts[line] - 1 : bytes.count // at its `\n`
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...start])) // through the `|`
                    copied = end
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Whether each run lies in a top-level paragraph that starts at its header row (the
    /// paragraphs the parser skips), so the cut text parsed to the document's own blocks.
    static func verified(_ blocks: [Block], _ runs: [Run]) -> Bool {
        var paragraphs: [Int: Int] = [:] // start line → end line
        for block in blocks where block.depth == 0 {
            if case .paragraph = block.kind { paragraphs[block.span.startLine] = block.span.endLine }
        }
        return runs.allSatisfy { run in paragraphs[run.headerLine].map { $0 >= run.lastLine } ?? false }
    }
}
