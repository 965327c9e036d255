/// Swift identifiers from doc names, by one documented rule (Docs/generated-swift.md), one name
/// at a time; `SwiftNamer` applies it, with overrides and collisions, to a whole schema:
/// split into words at non-alphanumerics and case changes; types UpperCamelCase (a title that
/// is already a valid type name is kept), members lowerCamelCase with no acronym exceptions
/// (`connection_id` → `connectionId`, `hook_URL` → `hookUrl`); a leading digit gets `_`;
/// names Swift or docgen reserve get a trailing `_`; other keywords are backquoted.
public enum SwiftIdentifiers {
    /// Keywords that need backquotes as member names.
    public static let keywords: Set<String> = [
        "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension", "fileprivate", "func",
        "import", "init", "inout", "internal", "let", "nonisolated", "open", "operator", "package", "private",
        "precedencegroup", "protocol", "public", "rethrows", "static", "struct", "subscript", "typealias", "var",
        "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if",
        "in", "repeat", "return", "throw", "switch", "where", "while", "Any", "as", "await", "false", "is", "nil",
        "self", "Self", "super", "throws", "true", "try", "_", "some", "any", "Type", "Protocol", "async",
        "actor", "macro", "sending", "each", "repeat", "discard", "then", "yield", "consume", "copy",
    ]

    /// Member names that would clash with what docgen generates or with Swift itself.
    public static let reservedProperties: Set<String> = [
        "init", "self", "Self", "Type", "Protocol", "validate", "payloadSchema", "encode", "hash", "hashValue", "_",
    ]
    public static let reservedCases: Set<String> = [
        "init", "self", "Self", "Type", "Protocol", "unknown", "rawValue", "allCases", "none", "some",
        "validate", "payloadSchema", "encode", "hash", "hashValue", "null", "_",
    ]
    /// Type names that cannot be declared, or would hide what generated code qualifies with.
    public static let reservedTypes: Set<String> = [
        "Type", "Protocol", "Self", "Any", "Swift", "Foundation", "DocgenRuntime", "CodingKeys", "_",
    ]

    /// Bit `n` of entry `b`: some keyword or reserved name above starts with byte `b` and is `n`
    /// bytes long. Most names are ruled out by this one test, before hashing them for the sets.
    private static let reservedShapes: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 128)
        for name in keywords.union(reservedProperties).union(reservedCases).union(reservedTypes) {
            let first = name.utf8.first!, count = name.utf8.count
            precondition(first < 0x80 && count < 32, "reservedShapes holds short ASCII names only")
            table[Int(first)] |= 1 << UInt32(count)
        }
        return table
    }()

    /// False when `name` is in none of the sets above (true may still be a miss).
    static func mayBeReserved(_ name: String) -> Bool {
        let count = name.utf8.count
        guard let first = name.utf8.first, first < 0x80, count < 32 else { return false }
        return reservedShapes[Int(first)] & (1 << UInt32(count)) != 0
    }

    public static func words(_ text: String) -> [String] {
        let normalised = nfc(text)
        var words: [String] = []
        var current: [Unicode.Scalar] = []
        let scalars = Array(normalised.unicodeScalars)
        func flush() {
            if !current.isEmpty { words.append(String(String.UnicodeScalarView(current))) }
            current = []
        }
        for (i, scalar) in scalars.enumerated() {
            guard isWordScalar(scalar) else {
                flush()
                continue
            }
            if let previous = current.last {
                let nextIsLower = i + 1 < scalars.count && isLower(scalars[i + 1])
                let lowerToUpper = isLower(previous) && isUpper(scalar)
                let acronymEnd = isUpper(previous) && isUpper(scalar) && nextIsLower
                let digitToLetter = ("0"..."9").contains(previous) && isUpper(scalar)
                if lowerToUpper || acronymEnd || digitToLetter { flush() }
            }
            current.append(scalar)
        }
        flush()
        return words
    }

    // Character classes with an ASCII fast path: Unicode property lookups dominate otherwise.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return ("0"..."9").contains(scalar) || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
        }
        return scalar.properties.isAlphabetic && scalar.properties.generalCategory != .nonspacingMark
    }

    static func isUpper(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("A"..."Z").contains(scalar) : scalar.properties.isUppercase
    }

    static func isLower(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("a"..."z").contains(scalar) : scalar.properties.isLowercase
    }

    static func capitalized(_ word: String) -> String {
        let result = word.prefix(1).uppercased() + word.dropFirst().lowercased()
        // Case mapping can decompose (ΰ → Ϋ + U+0308 + U+0301): compose again.
        return nfc(result)
    }

    /// `connection_id` → `connectionId`; unescaped (see `memberName`).
    public static func lowerCamel(_ text: String) -> String {
        text.isASCII ? asciiCamel(text, upperFirst: false) : scalarCamel(text, upperFirst: false)
    }

    public static func upperCamel(_ text: String) -> String {
        text.isASCII ? asciiCamel(text, upperFirst: true) : scalarCamel(text, upperFirst: true)
    }

    /// The general path: `words`, then Unicode case mapping, then NFC.
    static func scalarCamel(_ text: String, upperFirst: Bool) -> String {
        let parts = words(text)
        guard let first = parts.first else { return "" }
        let name = (upperFirst ? capitalized(first) : first.lowercased()) + parts.dropFirst().map(capitalized).joined()
        return nfc(name)
    }

    /// Canonical composition (NFC), as Swift itself compares strings; ASCII is already NFC.
    /// The standard library's `_nfcCodeUnits` saves linking Foundation's ICU for this alone.
    static func nfc(_ text: String) -> String {
        text.isASCII ? text : String(decoding: text._nfcCodeUnits, as: UTF8.self)
    }

    /// `words` + case mapping in one pass over the bytes, for the common all-ASCII name
    /// (tests pin it to the general path).
    static func asciiCamel(_ text: String, upperFirst: Bool) -> String {
        var text = text
        return text.withUTF8 { asciiCamel($0, upperFirst: upperFirst) }
    }

    private static func asciiCamel(_ bytes: UnsafeBufferPointer<UInt8>, upperFirst: Bool) -> String {
        func isUpper(_ c: UInt8) -> Bool { c >= 0x41 && c <= 0x5A }
        func isLower(_ c: UInt8) -> Bool { c >= 0x61 && c <= 0x7A }
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        // Written straight into the string's storage (no byte array to copy from and free).
        return String(unsafeUninitializedCapacity: bytes.count) { out in
            var written = 0
            var inWord = false
            var i = 0
            while i < bytes.count {
                let c = bytes[i]
                defer { i += 1 }
                guard isUpper(c) || isLower(c) || isDigit(c) else { inWord = false; continue }
                var startsWord = !inWord
                if inWord {
                    let previous = bytes[i - 1]
                    let nextIsLower = i + 1 < bytes.count && isLower(bytes[i + 1])
                    startsWord = (isLower(previous) && isUpper(c)) || (isUpper(previous) && isUpper(c) && nextIsLower)
                        || (isDigit(previous) && isUpper(c))
                }
                let upper = startsWord && (upperFirst || written > 0)
                out[written] = upper ? (isLower(c) ? c - 0x20 : c) : (isUpper(c) ? c + 0x20 : c)
                written += 1
                inWord = true
            }
            return written
        }
    }

    /// A type name: the title when it already is a valid UpperCamel identifier.
    public static func typeName(_ title: String) -> String {
        var name = isPlainIdentifier(title) && title.first!.isUppercase ? title : upperCamel(title)
        if name.isEmpty { name = "Model" }
        if name.first!.isNumber { name = "_" + name }
        if mayBeReserved(name), reservedTypes.contains(name) || keywords.contains(name) { name += "_" }
        return name
    }

    /// A property name, ready to declare (keywords backquoted).
    public static func propertyName(_ field: String) -> String {
        member(lowerCamel(field), reserved: reservedProperties, fallback: "value")
    }

    /// An enum case name, ready to declare.
    public static func caseName(_ name: String) -> String {
        member(lowerCamel(name), reserved: reservedCases, fallback: "empty")
    }

    /// `reserved` is one of the sets above (`mayBeReserved` knows only those).
    static func member(_ candidate: String, reserved: Set<String>, fallback: String) -> String {
        var name = candidate.isEmpty ? fallback : candidate
        let first = name.utf8.first!
        // An ASCII first byte settles it without grapheme breaking.
        if first < 0x80 ? (first >= 0x30 && first <= 0x39) : name.first!.isNumber { name = "_" + name }
        guard mayBeReserved(name) else { return name }
        if reserved.contains(name) { return name + "_" }
        if keywords.contains(name) { return "`\(name)`" }
        return name
    }

    /// The name without backquotes (for `.case` references and diagnostics).
    public static func bare(_ name: String) -> String {
        name.hasPrefix("`") ? String(name.dropFirst().dropLast()) : name
    }

    /// Letters, digits and `_`, not starting with a digit.
    public static func isPlainIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { $0 == "_" || isWordScalar($0) }
    }
}
