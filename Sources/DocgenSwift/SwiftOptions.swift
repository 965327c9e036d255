import DocgenDiagnostics

/// How Swift is generated; from the config file and flags (README "Configuration").
public struct SwiftOptions: Sendable, Equatable {
    public enum AccessLevel: String, Sendable, CaseIterable {
        case `public`, package, `internal`
    }

    public enum EnumPolicy: String, Sendable, CaseIterable {
        /// `unknown(String)` keeps values the docs do not list (the default).
        case open
        /// Only documented values decode; for specs that promise closed sets.
        case closed
    }

    public var accessLevel: AccessLevel = .public
    /// The policy for enums whose docs do not say they are open.
    public var enumPolicy: EnumPolicy = .open
    /// Per-enum policy by doc title, winning over everything else.
    public var enumOverrides: [String: EnumPolicy] = [:]
    /// Swift names by doc name: `Title` → type name, `Title.field` → property,
    /// `Title.VALUE_NAME` → enum case.
    public var nameOverrides: [String: String] = [:]
    /// Where each `names` / `enumOverrides` entry was written (keyed `names.KEY`,
    /// `enumOverrides.KEY`), so an override naming nothing is reported at its entry.
    public var overrideLocations: [String: SourceLocation] = [:]
    public enum FileLayout: String, Sendable, CaseIterable {
        /// `perModel` up to `groupingThreshold` models, `grouped` above (the default).
        case auto
        /// `Webhook.swift` for `# Webhook`.
        case perModel
        /// A few dozen types a file (`SwiftFileGroups`): faster debug builds of large trees.
        case grouped

        /// Above this many models `auto` groups. A debug build pays about 5 to 13 ms per file
        /// on 2 cores whatever the file holds, so one file per model costs a few seconds up to
        /// here and tens of seconds on the largest trees (Docs/compile-time.md).
        public static let groupingThreshold = 500

        /// The layout a tree of `modelCount` models gets: `auto` decided, the others as set.
        public func resolved(modelCount: Int) -> FileLayout {
            guard self == .auto else { return self }
            return modelCount > Self.groupingThreshold ? .grouped : .perModel
        }
    }

    /// Set in the config; `TranslationPlan.fileLayout` is the one a tree gets.
    public var fileLayout: FileLayout = .auto
    /// Models of the same shape become `typealias`es of one of them (`SameShapes`).
    public var mergeShapes: Bool = true

    /// The override for a member (`Title.field`, `Title.VALUE_NAME`); the key is only built
    /// when there are overrides at all (there seldom are, and this runs for every field).
    func nameOverride(_ model: String, _ member: String) -> String? {
        nameOverrides.isEmpty ? nil : nameOverrides[model + "." + member]
    }

    public init(accessLevel: AccessLevel = .public, enumPolicy: EnumPolicy = .open,
                enumOverrides: [String: EnumPolicy] = [:], nameOverrides: [String: String] = [:],
                mergeShapes: Bool = true) {
        self.mergeShapes = mergeShapes
        self.accessLevel = accessLevel
        self.enumPolicy = enumPolicy
        self.enumOverrides = enumOverrides
        self.nameOverrides = nameOverrides
    }
}
