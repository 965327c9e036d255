import DocgenDialects
import DocgenDiagnostics

/// How a field's JSON key follows from the name the docs print (the SDK's property name; the
/// wire key itself appears nowhere). The rule belongs to the spec tree:
///
/// - `asWritten`: the Field cell minus the suffix the dialect appends to reserved words
///   (Python's `from_` → `from`). Right for snake_case APIs read from Python docs.
/// - `lowerCamel`: `resource_id` → `resourceId`, or `resourceID` when `ID` is an acronym.
/// - `snakeCase`: `connectionId`, `ConnectionID` → `connection_id` (acronyms kept whole).
/// - per-field overrides (`Model.field` → key) win over all of them.
///
/// Without a style the dialect's default applies (`resolved(for:)`).
public struct JSONKeyRule: Sendable, Equatable {
    public typealias Style = KeyStyle

    public struct Override: Sendable, Equatable {
        public var key: String
        /// Where the override was written (the config file), for diagnostics.
        public var location: SourceLocation?

        public init(key: String, location: SourceLocation? = nil) {
            self.key = key
            self.location = location
        }
    }

    /// `nil`: the dialect's default.
    public var style: Style?
    /// Words written all upper-case by `lowerCamel` (`ID`, `URL`, `TTL`).
    public var acronyms: [String]
    /// `Model.field` (title and Field cell as written) → key.
    public var overrides: [String: Override]
    /// The dialect's reserved words, whose suffix the key drops.
    public var reservedWords: ReservedWords?

    public init(style: Style? = nil, acronyms: [String] = [], overrides: [String: Override] = [:], reservedWords: ReservedWords? = nil) {
        self.style = style
        self.acronyms = acronyms
        self.overrides = overrides
        self.reservedWords = reservedWords
    }

    /// The rule as a tree in `dialect` applies it: its default style unless one is set, and
    /// its reserved words.
    public func resolved(for dialect: Dialect) -> JSONKeyRule {
        var rule = self
        rule.style = style ?? dialect.defaultKeyStyle
        rule.reservedWords = dialect.reservedWords
        return rule
    }

    /// The SDK name with a reserved-word suffix dropped (`from_` → `from`).
    public func sdkName(_ field: String) -> String {
        reservedWords?.original(of: field) ?? field
    }

    /// The JSON key of `field` (as the docs write it) in the model titled `model`.
    public func key(model: String, field: String) -> String {
        keyAndSource(model: model, field: field).key
    }

    /// The key, and whether the config's override or the rule gave it.
    public func keyAndSource(model: String, field: String) -> (key: String, source: Provenance) {
        // Usually there are none: skip building the `Model.field` string to look up.
        if !overrides.isEmpty, let override = overrides["\(model).\(field)"] { return (override.key, .config) }
        return (key(forFieldName: field), .rule)
    }

    /// The key by rule alone, without overrides. A prefix the SDK spells out comes back as
    /// the wire writes it, before the rest is styled (`dollar_ref` → `$ref`).
    public func key(forFieldName field: String) -> String {
        if let (wire, rest) = reservedWords?.spelledPrefix(of: field) {
            return wire + styled(sdkName(String(rest)))
        }
        return styled(sdkName(field))
    }

    private func styled(_ name: String) -> String {
        switch style ?? .asWritten {
        case .asWritten:
            return name
        case .lowerCamel:
            return Self.lowerCamel(name, acronyms: Set(acronyms.map { $0.uppercased() }))
        case .snakeCase:
            return Self.snakeCase(name)
        }
    }

    /// Splits at `_`, `-`, spaces and lower-to-upper case changes, with a run of capitals one
    /// word (`ConnectionID` → `connection_id`, `HTTPServer` → `http_server`); keeps a leading
    /// underscore run as is.
    public static func snakeCase(_ name: String) -> String {
        if let key = asciiSnakeCase(name) { return key }
        let prefix = name.prefix { $0 == "_" }
        let characters = Array(name.dropFirst(prefix.count))
        var words: [String] = []
        var current = ""
        for (index, character) in characters.enumerated() {
            if character == "_" || character == "-" || character == " " {
                if !current.isEmpty { words.append(current) }
                current = ""
                continue
            }
            if character.isUppercase, let previous = current.last {
                let nextIsLower = index + 1 < characters.count && characters[index + 1].isLowercase
                if previous.isLowercase || previous.isNumber || (previous.isUppercase && nextIsLower) {
                    words.append(current)
                    current = ""
                }
            }
            current.append(character)
        }
        if !current.isEmpty { words.append(current) }
        guard !words.isEmpty else { return name }
        return String(prefix) + words.map { $0.lowercased() }.joined(separator: "_")
    }

    /// `snakeCase` for printable ASCII names (all of them in practice), on bytes: there every
    /// byte is a Character and the case tests are ranges, where the Character walk cost ~15k
    /// instructions a name. `nil` for anything else.
    static func asciiSnakeCase(_ name: String) -> String? {
        var name = name
        return name.withUTF8 { bytes -> String? in
            guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
            func isUpper(_ b: UInt8) -> Bool { b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") }
            func isLower(_ b: UInt8) -> Bool { b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") }
            func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
            var start = 0
            while start < bytes.count, bytes[start] == UInt8(ascii: "_") { start += 1 }
            var out: [UInt8] = Array(bytes[0..<start])
            out.reserveCapacity(bytes.count + 8)
            var wroteWord = false
            var wordLength = 0 // of the current word, written to `out` as it grows
            func startWord() {
                if wroteWord { out.append(UInt8(ascii: "_")) }
                wroteWord = true
                wordLength = 0
            }
            for index in start..<bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: " ") {
                    wordLength = 0
                    continue
                }
                if wordLength > 0, isUpper(byte) {
                    let previous = bytes[index - 1]
                    let nextIsLower = index + 1 < bytes.count && isLower(bytes[index + 1])
                    if isLower(previous) || isDigit(previous) || (isUpper(previous) && nextIsLower) { wordLength = 0 }
                }
                if wordLength == 0 { startWord() }
                out.append(isUpper(byte) ? byte | 0x20 : byte)
                wordLength += 1
            }
            return wroteWord ? String(decoding: out, as: UTF8.self) : nil
        }
    }

    /// Splits at `_` and lower-to-upper case changes; keeps a leading underscore run as is.
    static func lowerCamel(_ name: String, acronyms: Set<String>) -> String {
        let prefix = name.prefix { $0 == "_" }
        var words: [String] = []
        var current = ""
        var previousWasLower = false
        for character in name.dropFirst(prefix.count) {
            if character == "_" || character == "-" || character == " " {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousWasLower = false
                continue
            }
            if character.isUppercase, previousWasLower, !current.isEmpty {
                words.append(current)
                current = ""
            }
            current.append(character)
            previousWasLower = character.isLowercase || character.isNumber
        }
        if !current.isEmpty { words.append(current) }
        guard let first = words.first else { return name }
        var key = String(prefix) + first.lowercased()
        for word in words.dropFirst() {
            let upper = word.uppercased()
            key += acronyms.contains(upper) ? upper : word.prefix(1).uppercased() + word.dropFirst().lowercased()
        }
        return key
    }

    /// The key compared by letters and digits only, lower-cased: how sample keys find fields.
    public static func normalised(_ key: String) -> String {
        // ASCII (nearly every name and file name) by its bytes, the same letters and digits:
        // the scalar filter below costs ~25 times as many instructions (a lookup of each
        // scalar's properties), which ParameterLocator paid for every model's file name.
        var key = key
        if let ascii = key.withUTF8({ bytes in bytes.allSatisfy { $0 < 0x80 } ? normalised(ascii: bytes[...]) : nil }) {
            return ascii
        }
        return String(key.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
            .map(Character.init))
    }

    /// `normalised` of ASCII bytes, read from the string's own buffer (a `UTF8View` walk costs
    /// several times the instructions per byte).
    static func normalised(ascii bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { buffer in
            var count = 0
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): buffer[count] = byte + 0x20
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): buffer[count] = byte
                default: continue
                }
                count += 1
            }
            return count
        }
    }
}
