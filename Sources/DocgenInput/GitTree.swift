import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder as a git revision holds it (`HEAD~1:docs`), written out to read like any other.
public enum GitTree {
    public struct Failure: Error, Sendable {
        public var message: String
    }

    /// Writes the tree `revision` names (git's `REV:path`, path from the repository's root or
    /// `./`-relative) into the empty folder `destination`, with `git archive | tar -x`.
    public static func export(_ revision: String, into destination: URL) throws(Failure) {
        // git reads an argument that begins with `-` as an option, wherever it stands.
        guard !revision.hasPrefix("-") else {
            throw Failure(message: "'\(revision)' begins with '-', which git would read as an option, not a revision")
        }
        // Arguments travel as "$1" and "$2": nothing the user typed is parsed by the shell.
        let script = """
            kind=$(git cat-file -t "$1" 2>&1) || { printf '%s\\n' "$kind" >&2; exit 3; }
            [ "$kind" = tree ] || { printf "'%s' names a %s, not a folder\\n" "$1" "$kind" >&2; exit 3; }
            git archive --format=tar "$1" | tar -x -C "$2"
            """
        let (status, errors) = run(["/bin/sh", "-c", script, "sh", revision, destination.path])
        guard status == 0 else {
            let message = errors.split(separator: "\n").first.map(String.init) ?? "git exited with status \(status)"
            throw Failure(message: message.hasPrefix("fatal: ") ? String(message.dropFirst(7)) : message)
        }
    }

    /// Runs `arguments` and returns its exit status and what it wrote to stderr.
    private static func run(_ arguments: [String]) -> (status: Int32, errors: String) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return (-1, "cannot create a pipe") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
        var argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ)
        close(fds[1])
        defer { close(fds[0]) }
        guard spawned == 0 else { return (-1, "cannot run \(arguments[0])") }
        var errors: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(fds[0], &buffer, buffer.count)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            errors += buffer[..<count]
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let exited = status & 0x7f == 0
        return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), String(decoding: errors, as: UTF8.self))
    }
}
