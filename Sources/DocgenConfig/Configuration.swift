import DocgenClient
import DocgenDiagnostics
import DocgenDialects
import DocgenInput
import DocgenSchema
import DocgenSwift
import FoundationEssentials

/// What `docgen generate` and `docgen check` run with: `docgen.json` at the project root,
/// then flags on top. Relative paths in the file are relative to the file's folder.
public struct Configuration: Sendable, Equatable {
    public var specs: URL
    /// Where Swift goes; only `generate` and `check` need it.
    public var output: URL?
    public var docs: URL?
    /// Override folder for templates; `nil` uses the embedded defaults.
    public var templates: URL?
    public var swift: SwiftOptions
    /// How JSON keys follow from the names in the docs.
    public var keys: JSONKeyRule
    /// The SDK language the docs are written in; `nil` detects it from the tree.
    public var dialect: Dialect?
    /// The vendor's OpenAPI document, read as evidence for what the docs cannot say.
    public var openAPI: URL?
    /// The Swift client (`--client`, `"client"`); `nil` generates models only.
    public var client: ClientOptions?

    public init(specs: URL, output: URL? = nil, docs: URL? = nil, templates: URL? = nil, swift: SwiftOptions = SwiftOptions(),
                keys: JSONKeyRule = JSONKeyRule(), dialect: Dialect? = nil, openAPI: URL? = nil, client: ClientOptions? = nil) {
        self.openAPI = openAPI
        self.client = client
        self.dialect = dialect
        self.specs = specs
        self.output = output
        self.docs = docs
        self.templates = templates
        self.swift = swift
        self.keys = keys
    }

    public static let fileName = "docgen.json"
    static let knownKeys: Set<String> = ["specs", "output", "docs", "templates", "openapi", "client", "dialect", "accessLevel", "enums", "enumOverrides", "names", "keys", "mergeShapes", "swiftFiles"]

    /// The settings a config file holds; every one optional so flags can fill in.
    public struct File: Sendable, Equatable {
        public var specs: URL?
        public var output: URL?
        public var docs: URL?
        public var templates: URL?
        public var swift = SwiftOptions()
        public var keys = JSONKeyRule()
        /// `nil`: auto.
        public var dialect: Dialect?
        public var openAPI: URL?
        public var client: ClientOptions?

        public init() {}
    }

    /// Reads a config file; problems are errors with the id `config.*`, located at the value
    /// they are about.
    public static func read(_ url: URL, diagnostics: inout Diagnostics) -> File? {
        // Absolute, so diagnostics show it relative to where docgen runs, not to the spec root.
        let configPath = url.standardizedFileURL.path
        guard let data = FileManager.default.contents(atPath: url.path) else {
            diagnostics.error(.configUnreadable, "cannot read '\(url.path)'", at: nil)
            return nil
        }
        let json: LocatedJSON
        do {
            json = try LocatedJSON.parse(String(decoding: data, as: UTF8.self))
        } catch {
            diagnostics.error(.configInvalid, "the config file is not valid JSON: \(error.message)",
                              at: SourceLocation(file: configPath, line: error.line, column: error.column))
            return nil
        }
        let reader = SettingsReader(file: configPath)
        guard let settings = reader.members(json) else {
            diagnostics.error(.configInvalid, "the config file is not a JSON object", at: reader.location(json))
            return nil
        }
        var file = File()
        let base = url.deletingLastPathComponent()
        for member in settings where !knownKeys.contains(member.key) {
            diagnostics.error(.configUnknownKey, "unknown setting '\(member.key)'; known: \(knownKeys.sorted().joined(separator: ", "))",
                              at: reader.location(member))
        }
        func setting(_ key: String) -> LocatedJSON? { settings.last { $0.key == key }?.value }
        func path(_ key: String) -> URL? {
            guard let value = setting(key) else { return nil }
            guard case .string(let text) = value.value else {
                diagnostics.error(.configInvalid, "'\(key)' must be a path string", at: reader.location(value))
                return nil
            }
            return URL(fileURLWithPath: text, relativeTo: base).standardizedFileURL
        }
        file.specs = path("specs")
        file.output = path("output")
        file.docs = path("docs")
        file.templates = path("templates")
        file.openAPI = path("openapi")
        if let value = setting("dialect") {
            switch reader.string(value) {
            case "auto": file.dialect = nil
            case let name? where Dialect.named(name) != nil: file.dialect = Dialect.named(name)
            default:
                diagnostics.error(.configInvalid, "'dialect' must be auto or one of \(Dialect.all.map(\.name).joined(separator: ", "))",
                                  at: reader.location(value))
            }
        }
        if let value = setting("accessLevel") {
            if let level = reader.string(value).flatMap(SwiftOptions.AccessLevel.init(rawValue:)) {
                file.swift.accessLevel = level
            } else {
                diagnostics.error(.configInvalid, "'accessLevel' must be public, package or internal", at: reader.location(value))
            }
        }
        if let value = setting("enums") {
            if let policy = reader.string(value).flatMap(SwiftOptions.EnumPolicy.init(rawValue:)) {
                file.swift.enumPolicy = policy
            } else {
                diagnostics.error(.configInvalid, "'enums' must be open or closed", at: reader.location(value))
            }
        }
        if let value = setting("enumOverrides") {
            if let map = reader.stringMap(value) {
                for entry in map {
                    if let policy = SwiftOptions.EnumPolicy(rawValue: entry.value) {
                        file.swift.enumOverrides[entry.key] = policy
                        file.swift.overrideLocations["enumOverrides." + entry.key] = entry.location
                    } else {
                        diagnostics.error(.configInvalid, "'enumOverrides.\(entry.key)' must be open or closed", at: entry.location)
                    }
                }
            } else {
                diagnostics.error(.configInvalid, "'enumOverrides' must map enum names to open or closed", at: reader.location(value))
            }
        }
        if let value = setting("mergeShapes") {
            if case .bool(let merge) = value.value {
                file.swift.mergeShapes = merge
            } else {
                diagnostics.error(.configInvalid, "'mergeShapes' must be true or false", at: reader.location(value))
            }
        }
        if let value = setting("swiftFiles") {
            if let layout = reader.string(value).flatMap(SwiftOptions.FileLayout.init(rawValue:)) {
                file.swift.fileLayout = layout
            } else {
                diagnostics.error(.configInvalid, "'swiftFiles' must be auto, perModel or grouped", at: reader.location(value))
            }
        }
        if let value = setting("names") {
            if let map = reader.stringMap(value) {
                for entry in map {
                    file.swift.nameOverrides[entry.key] = entry.value
                    file.swift.overrideLocations["names." + entry.key] = entry.location
                    if !SwiftIdentifierCheck.isIdentifier(entry.value) {
                        diagnostics.error(.configInvalidName, "name override '\(entry.key)' → '\(entry.value)' is not a Swift identifier", at: entry.location)
                    }
                }
            } else {
                diagnostics.error(.configInvalid, "'names' must map doc names to Swift names", at: reader.location(value))
            }
        }
        if let value = setting("keys") {
            file.keys = keyRule(value, reader: reader, diagnostics: &diagnostics)
        }
        if let value = setting("client") {
            file.client = client(value, reader: reader, diagnostics: &diagnostics)
        }
        return file
    }

    /// `"client": true`, or `"client": {"name": "DubClient", "serverURL": "https://…"}`.
    static func client(_ value: LocatedJSON, reader: SettingsReader, diagnostics: inout Diagnostics) -> ClientOptions? {
        if case .bool(let wanted) = value.value { return wanted ? ClientOptions() : nil }
        guard let members = reader.members(value) else {
            diagnostics.error(.configInvalid, "'client' must be true, false or an object with name and serverURL", at: reader.location(value))
            return nil
        }
        var options = ClientOptions()
        for member in members {
            switch member.key {
            case "name":
                options.name = reader.string(member.value)
                if !(options.name.map(SwiftIdentifierCheck.isIdentifier) ?? false) {
                    diagnostics.error(.configInvalidName, "'client.name' must be a Swift identifier", at: reader.location(member.value))
                }
            case "serverURL":
                options.serverURL = reader.string(member.value)
                if !(options.serverURL?.contains("://") ?? false) {
                    diagnostics.error(.configInvalid, "'client.serverURL' must be an absolute URL (https://…)", at: reader.location(member.value))
                }
            case "operations":
                guard let operations = reader.members(member.value) else {
                    diagnostics.error(.configInvalid, "'client.operations' must map operation ids to {method, path, parameters}", at: reader.location(member.value))
                    continue
                }
                for entry in operations {
                    options.overrides.operations[entry.key] = operationOverride(entry, reader: reader, diagnostics: &diagnostics)
                }
            case "security":
                guard let schemes = reader.members(member.value) else {
                    diagnostics.error(.configInvalid, "'client.security' must map scheme names to {type, in, name}", at: reader.location(member.value))
                    continue
                }
                for entry in schemes {
                    if let scheme = securityScheme(entry, reader: reader, diagnostics: &diagnostics) { options.overrides.security.append(scheme) }
                }
            case "headers":
                guard let headers = reader.stringMap(member.value) else {
                    diagnostics.error(.configInvalid, "'client.headers' must map header names to values", at: reader.location(member.value))
                    continue
                }
                for header in headers {
                    let token = !header.key.isEmpty && header.key.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "!#$%&'*+-.^_`|~".unicodeScalars.contains($0)) }
                    if !token { diagnostics.error(.configInvalid, "'client.headers.\(header.key)' is not an HTTP header name", at: header.location) }
                    options.headers.append((header.key, header.value))
                }
            default:
                diagnostics.error(.configUnknownKey, "unknown setting 'client.\(member.key)'; known: headers, name, operations, security, serverURL", at: reader.location(member))
            }
        }
        return options
    }

    /// `"createLink": {"method": "post", "path": "/links", "parameters": {"tagIds": {"in": "query", "name": "tagIds", "style": "form", "explode": false}}}`
    static func operationOverride(_ entry: LocatedJSON.Member, reader: SettingsReader, diagnostics: inout Diagnostics) -> ClientOverrides.Operation {
        var result = ClientOverrides.Operation(location: reader.location(entry))
        let prefix = "client.operations.\(entry.key)"
        guard let members = reader.members(entry.value) else {
            diagnostics.error(.configInvalid, "'\(prefix)' must be an object with method, path and parameters", at: reader.location(entry.value))
            return result
        }
        for member in members {
            switch member.key {
            case "method":
                result.method = reader.string(member.value)?.lowercased()
                if !["get", "put", "post", "delete", "patch", "head", "options", "trace"].contains(result.method ?? "") {
                    diagnostics.error(.configInvalid, "'\(prefix).method' must be an HTTP method (get, post, …)", at: reader.location(member.value))
                }
            case "path":
                result.path = reader.string(member.value)
                if !(result.path?.hasPrefix("/") ?? false) {
                    diagnostics.error(.configInvalid, "'\(prefix).path' must be a path template starting with /", at: reader.location(member.value))
                }
            case "parameters":
                for parameter in reader.members(member.value) ?? [] {
                    var override = ClientOverrides.Parameter(location: reader.location(parameter))
                    for fact in reader.members(parameter.value) ?? [] {
                        switch fact.key {
                        case "in":
                            override.place = reader.string(fact.value).flatMap(ParameterPlace.init(rawValue:))
                            if override.place == nil {
                                diagnostics.error(.configInvalid, "'\(prefix).parameters.\(parameter.key).in' must be path, query, header, cookie or body", at: reader.location(fact.value))
                            }
                        case "name": override.name = reader.string(fact.value)
                        case "style": override.style = reader.string(fact.value)
                        case "explode":
                            if case .bool(let explode) = fact.value.value { override.explode = explode } else {
                                diagnostics.error(.configInvalid, "'\(prefix).parameters.\(parameter.key).explode' must be true or false", at: reader.location(fact.value))
                            }
                        default:
                            diagnostics.error(.configUnknownKey, "unknown setting '\(prefix).parameters.\(parameter.key).\(fact.key)'; known: explode, in, name, style", at: reader.location(fact))
                        }
                    }
                    result.parameters[parameter.key] = override
                }
            default:
                diagnostics.error(.configUnknownKey, "unknown setting '\(prefix).\(member.key)'; known: method, parameters, path", at: reader.location(member))
            }
        }
        return result
    }

    /// `"apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"}`, or `{"type": "bearer"}` / `{"type": "basic"}`.
    static func securityScheme(_ entry: LocatedJSON.Member, reader: SettingsReader, diagnostics: inout Diagnostics) -> SecuritySchemeFact? {
        let members = reader.members(entry.value) ?? []
        func fact(_ key: String) -> String? { members.last { $0.key == key }.flatMap { reader.string($0.value) } }
        let kind: SecuritySchemeFact.Kind? = switch (fact("type"), fact("in"), fact("name")) {
        case ("bearer"?, _, _): .bearer
        case ("basic"?, _, _): .basic
        case ("apiKey"?, "header"?, let name?): .apiKeyHeader(name)
        case ("apiKey"?, "query"?, let name?): .apiKeyQuery(name)
        default: nil
        }
        guard let kind else {
            diagnostics.error(.configInvalid, "'client.security.\(entry.key)' must be {\"type\": \"bearer\"}, {\"type\": \"basic\"} or {\"type\": \"apiKey\", \"in\": \"header\" or \"query\", \"name\": …}",
                              at: reader.location(entry.value))
            return nil
        }
        return SecuritySchemeFact(name: entry.key, kind: kind, source: .config, location: reader.location(entry))
    }

    /// `"keys": {"rule": "lowerCamel", "acronyms": ["ID"], "overrides": {"Model.field": "key"}}`
    static func keyRule(_ value: LocatedJSON, reader: SettingsReader, diagnostics: inout Diagnostics) -> JSONKeyRule {
        var rule = JSONKeyRule()
        guard let members = reader.members(value) else {
            diagnostics.error(.configInvalid, "'keys' must be an object with rule, acronyms and overrides", at: reader.location(value))
            return rule
        }
        for member in members where !["rule", "acronyms", "overrides"].contains(member.key) {
            diagnostics.error(.configUnknownKey, "unknown setting 'keys.\(member.key)'; known: acronyms, overrides, rule", at: reader.location(member))
        }
        func setting(_ key: String) -> LocatedJSON? { members.last { $0.key == key }?.value }
        if let style = setting("rule") {
            if let parsed = reader.string(style).flatMap(JSONKeyRule.Style.init(rawValue:)) {
                rule.style = parsed
            } else {
                diagnostics.error(.configInvalid, "'keys.rule' must be \(JSONKeyRule.Style.allCases.map(\.rawValue).joined(separator: ", "))",
                                  at: reader.location(style))
            }
        }
        if let acronyms = setting("acronyms") {
            if case .array(let items) = acronyms.value, case let words = items.compactMap(reader.string), words.count == items.count {
                rule.acronyms = words
            } else {
                diagnostics.error(.configInvalid, "'keys.acronyms' must be a list of words", at: reader.location(acronyms))
            }
        }
        if let overrides = setting("overrides") {
            guard let map = reader.stringMap(overrides) else {
                diagnostics.error(.configInvalid, "'keys.overrides' must map Model.field to a JSON key", at: reader.location(overrides))
                return rule
            }
            for entry in map {
                rule.overrides[entry.key] = JSONKeyRule.Override(key: entry.value, location: entry.location)
            }
        }
        return rule
    }
}

/// Typed, located views of config values.
struct SettingsReader {
    let file: String

    func location(_ value: LocatedJSON) -> SourceLocation {
        SourceLocation(file: file, line: value.line, column: value.column)
    }

    func location(_ member: LocatedJSON.Member) -> SourceLocation {
        SourceLocation(file: file, line: member.line, column: member.column)
    }

    func members(_ value: LocatedJSON) -> [LocatedJSON.Member]? {
        if case .object(let members) = value.value { members } else { nil }
    }

    func string(_ value: LocatedJSON) -> String? {
        if case .string(let text) = value.value { text } else { nil }
    }

    /// `{"name": "text", …}` with each entry located at its key; nil unless every value is a string.
    func stringMap(_ value: LocatedJSON) -> [(key: String, value: String, location: SourceLocation)]? {
        guard let members = members(value) else { return nil }
        let entries = members.compactMap { member in string(member.value).map { (member.key, $0, location(member)) } }
        return entries.count == members.count ? entries : nil
    }
}

enum SwiftIdentifierCheck {
    static func isIdentifier(_ name: String) -> Bool {
        SwiftIdentifiers.isPlainIdentifier(name) && !SwiftIdentifiers.keywords.contains(name)
    }
}
