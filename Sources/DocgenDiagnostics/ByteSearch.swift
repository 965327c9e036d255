#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension StringProtocol {
    /// Whether `needle` occurs, compared as UTF-8 bytes. Much cheaper than Foundation's
    /// `contains`, which goes through `range(of:)`; used on every cell and description.
    /// Inlinable, so callers get it specialised for `String` and `Substring` rather than
    /// going through protocol witnesses on every call.
    @inlinable
    public func contains(bytes needle: StaticString) -> Bool {
        let found = utf8.withContiguousStorageIfAvailable { haystack in
            needle.withUTF8Buffer { Self.search(haystack, for: $0) }
        }
        if let found { return found }
        return String(self).contains(bytes: needle)
    }

    /// `self` with every `target` replaced, or `self` unchanged (no copy work) when absent.
    public func replacing(bytes target: StaticString, with replacement: String) -> String {
        guard contains(bytes: target) else { return String(self) }
        return String(self).replacing(target.description, with: replacement)
    }

    /// `memchr` finds each candidate first byte; descriptions are long and seldom match.
    @usableFromInline
    static func search(_ haystack: UnsafeBufferPointer<UInt8>, for needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        guard haystack.count >= needle.count, let base = haystack.baseAddress else { return false }
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            guard let hit = memchr(base + index, Int32(first), last - index + 1) else { return false }
            index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + index, needle.baseAddress!, needle.count) == 0 { return true }
            index += 1
        }
        return false
    }
}

extension String {
    /// Whether every byte is ASCII: the fast paths for names and cells depend on it.
    public var isASCII: Bool {
        utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 } } ?? utf8.allSatisfy { $0 < 0x80 }
    }
}

extension Array {
    /// Sorted by the UTF-8 bytes of a string key: a total order that needs no Unicode tables,
    /// for paths and file names. Each key's bytes are taken once, so comparing is a byte loop.
    @inlinable
    public func sorted(byBytesOf key: (Element) -> String) -> [Element] {
        map { ([UInt8](key($0).utf8), $0) }
            .sorted { $0.0.lexicographicallyPrecedes($1.0) }
            .map(\.1)
    }
}
