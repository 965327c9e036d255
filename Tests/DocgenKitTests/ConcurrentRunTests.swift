import DocgenDiagnostics
@testable import DocgenKit
@testable import DocgenOutput
import Foundation
import Testing
import TestSupport

/// Real `docgen generate` processes writing one folder: runs that overlap, and runs killed at
/// random moments. After each, the folder holds exactly one run's output, whole.
@Suite(.serialized)
struct ConcurrentRunTests {
    let root: URL
    let treeA: URL
    let treeB: URL
    let output: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("docgen-runs-\(UUID().uuidString)")
        treeA = root.appendingPathComponent("A")
        treeB = root.appendingPathComponent("B")
        output = root.appendingPathComponent("Out")
        try SpecTree.write(at: treeA, docs: 300, variant: 0)
        try SpecTree.write(at: treeB, docs: 300, variant: 1)
    }

    /// `docgen generate --specs TREE --output Out` as a process of its own.
    func start(_ tree: URL) throws -> Process {
        let process = Process()
        process.executableURL = TestPaths.docgenExecutable
        process.arguments = ["generate", "--specs", tree.path, "--output", output.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = Pipe()
        try process.run()
        return process
    }

    func finish(_ process: Process) -> (status: Int32, stderr: String) {
        let stderr = (process.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stderr, as: UTF8.self))
    }

    /// What `process` printed on stderr up to a line holding `text` (or all of it, if it ends first).
    func waitForLine(containing text: String, from process: Process) -> String {
        let handle = (process.standardError as! Pipe).fileHandleForReading
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains(text) {
            let chunk = handle.availableData // blocks until there is output or the pipe closes
            if chunk.isEmpty { break }
            seen += chunk
        }
        return String(decoding: seen, as: UTF8.self)
    }

    /// What a run for `tree` leaves in the output folder: every file and the manifest.
    func expected(_ tree: URL) -> [String: String] {
        let files = GeneratorPipeline(configuration: Configuration(specs: tree, output: output)).generate().files
        var result = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) })
        result[OutputWriter.manifestName] = OutputWriter.manifestText(files.map(\.path))
        return result
    }

    /// Every file under `folder`, by relative path.
    func contents(of folder: URL) -> [String: String] {
        var result: [String: String] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return result }
        for case let path as String in enumerator {
            var isFolder: ObjCBool = false
            let full = folder.appendingPathComponent(path).path
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            result[path] = (try? String(contentsOfFile: full, encoding: .utf8)) ?? "<unreadable>"
        }
        return result
    }

    @Test func aRunThatWaitedForTheLockPlansAgainstWhatTheRunBeforeItWrote() throws {
        let (outputA, outputB) = (expected(treeA), expected(treeB))
        #expect(finish(try start(treeB)).status == 0)
        #expect(holder([treeA: outputA, treeB: outputB]) == treeB)

        // Run A holds the folder's lock; run B starts and says it waits for it.
        let lock = try OutputWriter(folder: output).lock()
        let runB = try start(treeB)
        let said = waitForLine(containing: "waiting for it", from: runB)
        #expect(said.contains("another docgen run is writing '\(output.path)'"), "\(said)")
        // Run A writes its output (as `GeneratorPipeline.write` does, the lock already held).
        let pipelineA = GeneratorPipeline(configuration: Configuration(specs: treeA, output: output))
        let folder = try #require(pipelineA.plan(pipelineA.generate()).folders.first)
        try folder.writer.apply(folder.plan, files: folder.files, holding: lock)
        #expect(holder([treeA: outputA, treeB: outputB]) == treeA)
        lock.release()

        // B finishes last, so its output stays, and its summary says what it did.
        let (status, rest) = finish(runB)
        let stderr = said + rest
        #expect(status == 0, "\(stderr)")
        #expect(holder([treeA: outputA, treeB: outputB]) == treeB)
        let differing = outputB.keys.filter { $0 != OutputWriter.manifestName && outputA[$0] != outputB[$0] }.count
        #expect(stderr.contains("files: \(differing) written"), "\(stderr)")
    }

    /// Which tree's output the folder holds (`nil` for neither: a mix or a part).
    func holder(_ outputs: [URL: [String: String]]) -> URL? {
        let state = contents(of: output)
        return outputs.first { $0.value == state }?.key
    }

    @Test func overlappingRunsLeaveTheOutputOfTheRunThatFinishedLast() throws {
        let outputs = [treeA: expected(treeA), treeB: expected(treeB)]
        var generator = SeededGenerator(state: 0x0C0C)
        for round in 0..<4 {
            let order = round % 2 == 0 ? [treeA, treeB] : [treeB, treeA]
            let first = try spawn(order[0])
            usleep(UInt32.random(in: 0...50_000, using: &generator))
            let second = try spawn(order[1])
            // Exit order, to the millisecond: a run that waited for the lock writes only after
            // the other released it, tens of milliseconds before its own exit. Runs are checked
            // in spawn order; two that exit within one poll are a tie, whose order is unknown.
            var running = [(first, order[0]), (second, order[1])]
            var last: URL?
            var tie = false
            let deadline = Date().addingTimeInterval(120)
            while !running.isEmpty, Date() < deadline {
                let exited = running.filter { pid, _ in
                    var status: Int32 = 0
                    guard waitpid(pid, &status, WNOHANG) == pid else { return false }
                    #expect(status == 0, "round \(round): docgen exited with status \(status)")
                    return true
                }
                running.removeAll { running in exited.contains { $0.0 == running.0 } }
                if let exit = exited.last { last = exit.1 }
                tie = tie || (exited.count == 2)
                usleep(1_000)
            }
            #expect(running.isEmpty)
            let held = holder(outputs)
            #expect(held != nil, "round \(round): the folder holds a mix or a part of the two outputs")
            if tie {
                print("ConcurrentRunTests: round \(round): both runs exited within a millisecond; only wholeness is checked")
            } else {
                #expect(held == last, "round \(round): the folder holds \(held?.lastPathComponent ?? "neither"), but \(last?.lastPathComponent ?? "none") finished last")
            }
        }
    }

    /// `docgen generate` for `tree` with posix_spawn, so the test alone reaps it (`waitpid`).
    func spawn(_ tree: URL) throws -> pid_t {
        let arguments = [TestPaths.docgenExecutable?.path ?? "docgen", "generate", "--specs", tree.path, "--output", output.path]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ)
        guard status == 0 else { throw CocoaError(.executableLoad) }
        return pid
    }

    /// `kill -9` at random moments of a run (planning, staging, syncing, swapping): the folder
    /// always holds one run's whole output, and the next run cleans up after the dead one.
    @Test func aRunKilledAtAnyMomentLeavesOneWholeOutput() throws {
        let outputs = [expected(treeA), expected(treeB)]
        #expect(finish(try start(treeA)).status == 0)
        // How long a whole run takes here, so the kills spread over all of it: the fastest of
        // three (one slow run, on a busy machine, sent most kills after the runs had ended).
        var duration = Double.infinity
        for tree in [treeB, treeA, treeB] {
            let started = Date()
            #expect(finish(try start(tree)).status == 0)
            duration = min(duration, Date().timeIntervalSince(started))
        }
        var generator = SeededGenerator(state: 0x4B11)
        var killedWhileRunning = 0
        for round in 0..<24 {
            let run = try start(round % 2 == 0 ? treeA : treeB)
            usleep(UInt32(Double.random(in: 0...(duration * 1.1), using: &generator) * 1_000_000))
            if run.isRunning { killedWhileRunning += 1 }
            kill(run.processIdentifier, SIGKILL)
            _ = finish(run)
            #expect(holder([treeA: outputs[0], treeB: outputs[1]]) != nil, "round \(round): the folder holds a mix or a part of the outputs")
        }
        #expect(killedWhileRunning >= 12, "most kills must land while a run is under way")
        let (status, stderr) = finish(try start(treeA))
        #expect(status == 0, "\(stderr)")
        #expect(holder([treeA: outputs[0], treeB: outputs[1]]) == treeA)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".Out.") }
        #expect(leftovers.isEmpty, "staging or lock files left: \(leftovers)")
    }
}

/// A spec tree of `docs` linked object models. Variants differ in three docs of four (their
/// descriptions and one field), so a run of one variant over the other rewrites most files.
enum SpecTree {
    static func write(at root: URL, docs: Int, variant: Int) throws {
        let folder = root.appendingPathComponent("models")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for index in 0..<docs {
            let changed = index % 4 != 0 ? variant : 0
            let next = (index + 1) % docs
            let text = """
                # Model\(index)

                Model number \(index), variant \(changed).

                ## Fields

                | Field | Type | Required | Description |
                | ----- | ---- | -------- | ----------- |
                | `id` | *str* | :heavy_check_mark: | The id |
                | `count_\(changed)` | *int* | :heavy_minus_sign: | A count |
                | `next` | [Optional[shared.Model\(next)]](model\(next).md) | :heavy_minus_sign: | The next one |
                | `tags` | List[*str*] | :heavy_minus_sign: | N/A |

                """
            try text.write(to: folder.appendingPathComponent("model\(index).md"), atomically: false, encoding: .utf8)
        }
    }
}

/// How a run makes its output durable, counted from the system calls of a real run (with
/// strace; skipped, with a notice, where it is missing or not permitted).
struct DurabilityTests {
    static var straceWorks: Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["strace", "-o", "/dev/null", "true"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let works = (try? process.run()).map { process.waitUntilExit(); return process.terminationStatus == 0 } ?? false
        if !works { print("notice: strace is missing or not permitted; DurabilityTests are skipped") }
        return works
    }

    @Test(.enabled(if: straceWorks))
    func aRunSyncsItsOutputOnceNotFileByFile() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("docgen-sync-\(UUID().uuidString)")
        try SpecTree.write(at: root.appendingPathComponent("Specs"), docs: 200, variant: 0)
        let counts = root.appendingPathComponent("syscalls.txt")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["strace", "-f", "-qq", "-c", "-e", "trace=fsync,fdatasync,syncfs,sync", "-o", counts.path,
                             TestPaths.docgenExecutable?.path ?? "docgen", "generate",
                             "--specs", root.appendingPathComponent("Specs").path, "--output", root.appendingPathComponent("Out").path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("Out/Model199.swift").path))
        // `strace -c` rows: % time, seconds, usecs/call, calls, [errors,] syscall.
        var calls: [String: Int] = [:]
        for line in try String(contentsOf: counts, encoding: .utf8).split(separator: "\n") {
            let columns = line.split(separator: " ")
            if let name = columns.last, columns.count >= 5, let count = Int(columns[3]) { calls[String(name)] = count }
        }
        let syncs = calls.filter { $0.key != "total" }.values.reduce(0, +)
        #expect(syncs >= 1, "the output must be made durable: \(calls)")
        #expect(syncs <= 3, "one sync for the staged tree and one for the swap, not one per file: \(calls)")
    }
}
