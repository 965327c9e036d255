import DocgenDiagnostics
import DocgenSchema

/// The names the generated Swift gives a schema's models and members, decided exactly as
/// generation decides them (overrides, folder qualifiers, reserved words), for tools that talk
/// about the generated code without writing it (`docgen diff`).
public struct SwiftNames: Sendable {
    public let options: SwiftOptions
    let typeNames: [String: String]

    public init(_ schema: Schema, options: SwiftOptions = SwiftOptions()) {
        var ignored = Diagnostics() // collisions are generation's to report
        self.options = options
        self.typeNames = SwiftTranslator(options: options).assignTypeNames(schema, diagnostics: &ignored)
    }

    /// The type a model becomes.
    public func type(_ model: Model) -> String {
        typeNames[model.id] ?? SwiftNaming.typeName(model.name)
    }

    public func type(id: String) -> String? {
        typeNames[id]
    }

    /// The property a field becomes, without backquotes.
    public func property(_ field: Field, of model: Model) -> String {
        SwiftNaming.bare(options.nameOverride(model.name, field.name) ?? SwiftNaming.propertyName(field.name))
    }

    /// The case an enum value becomes, without backquotes.
    public func enumCase(_ value: EnumValue, of model: Model) -> String {
        SwiftNaming.bare(options.nameOverride(model.name, value.name) ?? SwiftNaming.caseName(value.name))
    }

    /// Whether the generated enum keeps values it does not list (`.unknown`) instead of
    /// failing to decode them: the config's policy, or the doc's word that the enum is open.
    public func keepsUnknownValues(_ model: Model) -> Bool {
        guard case .enumeration(let enumeration) = model.kind else { return false }
        return (options.enumOverrides[model.name] ?? (enumeration.open ? .open : options.enumPolicy)) == .open
    }
}
