import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Array where Element: Sendable {
    /// `map` on all cores, results in input order (so output never depends on scheduling).
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        // A handful of items (one doc's units, the fuzzer's case) is not worth waking threads for.
        // DOCGEN_SERIAL=1 runs every stage on the calling thread, so a profiler charges each
        // stage's work to the stage (Scripts/callgrind-stages).
        guard count >= 4, !runsSerially else { return map(transform) }
        return [T](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            let slots = Slots(base: buffer.baseAddress!)
            // Each iteration initialises its own slot exactly once, so no lock is needed.
            DispatchQueue.concurrentPerform(iterations: count) { index in
                (slots.base + index).initialize(to: transform(self[index]))
            }
            initializedCount = count
        }
    }
}

private let runsSerially = getenv("DOCGEN_SERIAL").map { String(cString: $0) == "1" } ?? false

/// The result buffer, shared by iterations that each touch a distinct element.
private struct Slots<Value>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Value>
}
