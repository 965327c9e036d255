import DocgenDiagnostics
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the CLI prints: results to stdout, diagnostics to stderr.
enum Console {
    /// Ends the process now, successfully, without releasing `values` first: freeing a run's
    /// whole in-memory output object by object took about a millisecond, and the system takes
    /// the memory back at exit anyway. Everything is written by then (`write`, no buffering).
    static func exitSuccessfully<Values>(keeping values: Values) -> Never {
        withExtendedLifetime(values) { exit(0) }
    }

    static func out(_ text: String) {
        writeAll(text, to: STDOUT_FILENO)
    }

    static func error(_ text: String) {
        writeAll(text + "\n", to: STDERR_FILENO)
    }

    /// All of `text`, however many `write` calls it takes; a closed pipe ends the attempt.
    private static func writeAll(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }

    /// Diagnostics with paths as the user would type them from here (`Specs/x.md:3:5: …`).
    static func report(_ diagnostics: Diagnostics, specs: String) {
        guard !diagnostics.all.isEmpty else { return }
        let prefix = specs.isEmpty || specs.hasSuffix("/") ? specs : specs + "/"
        error(DiagnosticPrinter(pathPrefix: prefix, workingDirectory: FileManager.default.currentDirectoryPath).render(diagnostics))
    }
}
