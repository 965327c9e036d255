import DocgenDiagnostics
import DocgenDialects
import DocgenMarkdown

/// `MarkdownDocument` → `DocPage`: finds the title, the description and the one schema
/// section, and maps table columns by header name. Purely syntactic; types are resolved later.
/// The dialect says where MDX keeps the title, which pages are not models and what marks an
/// enum open; the sections and their shapes are the same in every language.
public enum PageExtractor {
    public static func extract(_ document: MarkdownDocument, from file: SourceFile, dialect: Dialect,
                               diagnostics: inout Diagnostics) -> DocPage {
        var extractor = Extraction(file: file, blocks: document.blocks, dialect: dialect)
        let page = extractor.run()
        diagnostics.append(contentsOf: extractor.diagnostics)
        return page
    }
}

/// The known `##` sections. Anything else (`## Example Usage` aside) is prose.
enum SectionName: String {
    case fields = "fields"
    case values = "values"
    case supportedTypes = "supported types"
    case exampleUsage = "example usage"
}

/// One document being read into a page; each section kind is read in a file of its own
/// (`FieldSections`, `ValueSections`, `UnionSections`, `OperationSections`, `SectionTables`,
/// `SectionText`).
struct Extraction {
    let file: SourceFile
    let blocks: [Block]
    let dialect: Dialect
    var diagnostics = Diagnostics()

    init(file: SourceFile, blocks: [Block], dialect: Dialect) {
        self.file = file
        self.blocks = blocks
        self.dialect = dialect
    }

    func location(_ line: Int, _ column: Int) -> SourceLocation {
        file.location(line: line, column: column)
    }

    mutating func run() -> DocPage {
        var index = 0
        // Title: the first top-level `#` heading, which must come before any section; in MDX,
        // the front matter's `title:` (its lines are not Markdown, so their blocks are skipped).
        var title = ""
        var titleLocation = location(1, 1)
        var deprecation: Deprecation?
        let frontMatter = dialect.frontMatterTitles ? self.frontMatter() : nil
        if let frontMatter {
            index = blocks.firstIndex { $0.span.startLine > frontMatter.endLine } ?? blocks.count
        }
        if let frontMatter, let frontTitle = frontMatter.title {
            title = frontTitle.text
            titleLocation = frontTitle.location
        } else if let first = blocks[index...].firstIndex(where: { $0.depth == 0 }),
           case .heading(1, let content) = blocks[first].kind {
            title = content.plainText.trimmingBlanks
            titleLocation = location(blocks[first].span.startLine, blocks[first].span.startColumn)
            if content.contains(.strikethroughStart) { deprecation = Deprecation(message: nil) }
            index = first + 1
        } else {
            title = titleFromPath(file.relativePath)
            diagnostics.warning(.pageNoTitle, "document has no '# Title' on its first line; using '\(title)' from the file name", at: location(1, 1))
        }

        // Description: the top-level blocks up to the first `##`, minus a deprecation notice.
        var proseLines: [(Int, Int)] = []
        while index < blocks.count {
            let block = blocks[index]
            if block.depth == 0, case .heading(let level, _) = block.kind, level <= 2 { break }
            if block.depth == 0 {
                if case .blockQuote = block.kind, let message = deprecationNotice(quoteAt: index) {
                    deprecation = Deprecation(message: message ?? deprecation?.message)
                } else {
                    proseLines.append((block.span.startLine, block.span.endLine))
                }
            }
            index += 1
        }
        let description = proseLines.map { lines($0.0, $0.1) }.joined(separator: "\n\n")

        // An SDK group's operations page: its own shape, no schema sections.
        if dialect.isOperationPage(file.relativePath) {
            return DocPage(path: file.relativePath, title: title, titleLocation: titleLocation, deprecation: nil,
                           description: description, content: .operations(operationSections(from: index)))
        }

        // Sections.
        var content: DocPage.Content = .none
        var contentLocation: SourceLocation?
        var openEnum = false
        var declaredRawType: EnumRawTypeWord?
        var notAModel = false
        let hasSections = blocks[index...].contains { if $0.depth == 0, case .heading(let level, _) = $0.kind, level <= 2 { true } else { false } }
        while index < blocks.count {
            let block = blocks[index]
            guard block.depth == 0, case .heading(let level, let heading) = block.kind, level <= 2 else {
                index += 1
                continue
            }
            let headingLocation = location(block.span.startLine, block.span.startColumn)
            let end = blocks[(index + 1)...].firstIndex {
                if $0.depth == 0, case .heading(let l, _) = $0.kind, l <= 2 { true } else { false }
            } ?? blocks.count
            let body = (index + 1)..<end
            let name = SectionName(rawValue: heading.plainText.trimmingBlanks.lowercased())
            var sectionContent: DocPage.Content?
            switch name {
            case .fields:
                if isSettingsTable(in: body) { notAModel = true } else {
                    sectionContent = .fields(fieldRows(in: body, heading: headingLocation))
                }
            case .values:
                let (rows, open) = valueRows(in: body, heading: headingLocation)
                sectionContent = .values(rows, open: open || hasOpenEnumMarker(in: body))
                declaredRawType = declaredRawType ?? rawTypeMarker(in: body)
            case .supportedTypes: sectionContent = .supportedTypes(variants(in: body, heading: headingLocation))
            case .exampleUsage:
                openEnum = openEnum || hasOpenEnumMarker(in: body)
                declaredRawType = declaredRawType ?? rawTypeMarker(in: body)
            case nil: break
            }
            if let sectionContent {
                if let contentLocation {
                    diagnostics.error(.pageConflictingSections, "a document describes one type; this second schema section is ignored",
                                      at: headingLocation, notes: [.init("first schema section is here", at: contentLocation)])
                } else {
                    content = sectionContent
                    contentLocation = headingLocation
                }
            }
            index = end
        }
        if case .values(let rows, let open) = content { content = .values(rows, open: open || openEnum) }
        if dialect.isNotModel(file.relativePath) {
            content = .none
            diagnostics.note(.pageNotAModel, "'\(file.relativePath)' is the SDK's own page, not a model; skipped", at: titleLocation)
        } else if notAModel {
            content = .none
            diagnostics.note(.pageNotAModel, "its table has Name and Type columns but no Field or Required: SDK settings, not a model; skipped",
                             at: titleLocation)
        } else if case .none = content, dialect.titleOnlyDocsAreUnions, !hasSections {
            content = .supportedTypes([]) // a union: the links to it spell its members
        } else if case .none = content {
            diagnostics.warning(.pageNoSchemaSection, "document has no 'Fields', 'Values' or 'Supported Types' section; it is not a model", at: titleLocation)
        }
        return DocPage(path: file.relativePath, title: title, titleLocation: titleLocation,
                       deprecation: deprecation, description: description, content: content,
                       declaredRawType: content.isEnum ? declaredRawType : nil)
    }

    /// YAML front matter (`---` … `---` from line 1): its last line and its `title:`.
    func frontMatter() -> (endLine: Int, title: (text: String, location: SourceLocation)?)? {
        guard file.lineCount >= 2, file.line(1).trimmingBlanks == "---" else { return nil }
        var title: (String, SourceLocation)?
        for number in 2...file.lineCount {
            let line = file.line(number)
            if line.trimmingBlanks == "---" { return (number, title) }
            guard line.hasPrefix("title:") else { continue }
            var value = line.dropFirst("title:".count).trimmingBlanks
            if value.count >= 2, let quote = value.first, quote == "\"" || quote == "'", value.last == quote {
                value = String(value.dropFirst().dropLast())
            }
            title = (value, location(number, 1))
        }
        return nil
    }

    func titleFromPath(_ path: String) -> String {
        String(dialect.stem(path.split(separator: "/").last.map(String.init) ?? path))
    }
}
