extension StringProtocol {
    /// Whether `needle` occurs, compared as UTF-8 bytes. Much cheaper than Foundation's
    /// `contains`, which goes through `range(of:)`; used on every cell and description.
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

    static func search(_ haystack: UnsafeBufferPointer<UInt8>, for needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        guard haystack.count >= needle.count else { return false }
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var matched = 1
                while matched < needle.count, haystack[index + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return true }
            }
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
