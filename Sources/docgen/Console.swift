import DocgenDiagnostics
import Foundation

/// Where the CLI prints: results to stdout, diagnostics to stderr.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Diagnostics with paths as the user would type them from here (`Specs/x.md:3:5: …`).
    static func report(_ diagnostics: Diagnostics, specs: String) {
        guard !diagnostics.all.isEmpty else { return }
        let prefix = specs.isEmpty || specs.hasSuffix("/") ? specs : specs + "/"
        error(DiagnosticPrinter(pathPrefix: prefix, workingDirectory: FileManager.default.currentDirectoryPath).render(diagnostics))
    }
}
