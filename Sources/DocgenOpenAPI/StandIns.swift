import DocgenInput
import DocgenSchema

extension OpenAPIDocument {
    /// Every component that can stand in for a model the docs name and do not describe: an
    /// object, enum or union schema (an array or a primitive is no model), by name.
    public func standIns() -> [String: StandIn] {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        var standIns: [String: StandIn] = [:]
        standIns.reserveCapacity(components.count)
        for (name, schema) in components {
            let kind: StandIn.Kind
            switch self.kind(of: schema) {
            case .object: kind = .object
            case .enumeration: kind = .enumeration
            case .union: kind = .union
            case .other: continue
            }
            var references: [String] = []
            Self.collectReferences(in: schema, into: &references)
            standIns[name] = StandIn(id: "\(file)#/components/schemas/\(name)", kind: kind,
                                     description: Self.string("description", of: schema) ?? "", location: location(of: schema),
                                     references: references)
        }
        return standIns
    }

    /// The component names the `$ref`s inside `schema` point to, in document order.
    private static func collectReferences(in schema: LocatedJSON, into references: inout [String]) {
        switch schema.value {
        case .object(let members):
            for member in members {
                if member.key == "$ref", case .string(let target) = member.value.value, target.hasPrefix("#/components/schemas/") {
                    references.append(String(target.dropFirst("#/components/schemas/".count)))
                } else {
                    collectReferences(in: member.value, into: &references)
                }
            }
        case .array(let items):
            for item in items { collectReferences(in: item, into: &references) }
        default:
            break
        }
    }
}
