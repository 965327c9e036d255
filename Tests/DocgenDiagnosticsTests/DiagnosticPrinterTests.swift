import DocgenDiagnostics
import Testing

/// Diagnostics print as a compiler's do, so editors and CI logs link them to the spot.
struct DiagnosticPrinterTests {
    @Test func aDiagnosticPrintsAsFileLineColumnSeverityMessageAndID() {
        var diagnostics = Diagnostics()
        diagnostics.error(.typeUnknown, "unknown type 'Strng'", at: SourceLocation(file: "a.md", line: 12, column: 14),
                          notes: [.init("'Strng' is used here", at: SourceLocation(file: "b.md", line: 3, column: 1))])
        let printer = DiagnosticPrinter(pathPrefix: "Specs/")
        #expect(printer.render(diagnostics) == """
            Specs/a.md:12:14: error: unknown type 'Strng' [type.unknown]
            Specs/b.md:3:1: note: 'Strng' is used here
            1 error, 0 warnings
            """)
    }

    @Test func absolutePathsPrintRelativeToTheWorkingDirectoryAndUnlocatedOnesAsDocgen() {
        var diagnostics = Diagnostics()
        diagnostics.warning(.configUnknownKey, "odd", at: SourceLocation(file: "/work/p/docgen.json", line: 2, column: 5))
        diagnostics.error(.outputWriteFailed, "disk full", at: nil)
        let printer = DiagnosticPrinter(pathPrefix: "Specs/", workingDirectory: "/work/p")
        #expect(printer.render(diagnostics).split(separator: "\n").sorted() == [
            "1 error, 1 warning",
            "docgen.json:2:5: warning: odd [config.unknown-key]",
            "docgen: error: disk full [output.write-failed]",
        ])
    }

    @Test func sourceFilesCountColumnsInUTF8BytesAsClangDoes() {
        let file = SourceFile(relativePath: "x.md", text: "ab\néz\n")
        #expect(file.line(2) == "éz")
        #expect(file.lineCount >= 2)
        #expect(file.location(line: 2, column: 3) == SourceLocation(file: "x.md", line: 2, column: 3))
    }
}
