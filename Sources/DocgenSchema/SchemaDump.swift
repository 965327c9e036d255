import DocgenDiagnostics

/// The two views of the IR that `docgen dump-ir` prints: JSON for tools (a documented,
/// stable contract) and an indented tree with locations for people and IR snapshot tests.
public enum SchemaDump {
    // MARK: JSON

    public static func json(_ schema: Schema) -> String {
        // The models' text is most of it: each is rendered on its own, on all cores, in place.
        let models = schema.models.concurrentMap { model -> [UInt8] in
            var out: [UInt8] = []
            json(model).write(to: &out, indent: 2)
            return out
        }
        var out: [UInt8] = []
        out.reserveCapacity(models.reduce(0) { $0 + $1.count + 8 } + 4096)
        out.append(contentsOf: "{\n  \"dialect\": ".utf8)
        JSONText.writeString(schema.dialect, to: &out)
        out.append(contentsOf: ",\n  \"models\": ".utf8)
        JSONText.writeArray(ofRendered: models, indent: 1, to: &out)
        out.append(contentsOf: ",\n  \"operations\": ".utf8)
        JSONText.array(schema.operations.map(json)).write(to: &out, indent: 1)
        out.append(contentsOf: "\n}\n".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    static func json(_ operation: Operation) -> JSONText {
        let location = operation.location
        return .object([
            ("id", .string(operation.id)),
            ("group", .string(operation.group)),
            ("method", .string(operation.method)),
            ("call", .array(operation.call.map { .string($0) })),
            ("line", .integer(location.line)),
            ("column", .integer(location.column)),
            ("request", operation.requestModel.map { .string($0) } ?? .null),
            ("response", operation.responseModel.map { .string($0) } ?? .null),
            ("parameters", .array(operation.parameters.map(json))),
            ("responseType", operation.response.map(json) ?? .null),
            ("errors", .array(operation.errors.map(json))),
        ])
    }

    static func json(_ model: Model) -> JSONText {
        var members: [(String, JSONText)] = [
            ("id", .string(model.id)),
            ("name", .string(model.name)),
            ("kind", .string(model.kindName)),
            ("description", .string(model.description)),
            ("deprecated", .bool(model.deprecation != nil)),
        ]
        if let message = model.deprecation?.message { members.append(("deprecationMessage", .string(message))) }
        members.append(("line", .integer(model.location.line)))
        switch model.kind {
        case .object(let object):
            members.append(("fields", .array(object.fields.map(json))))
            if let extra = object.additionalProperties { members.append(("additionalProperties", json(extra))) }
        case .enumeration(let enumeration):
            members.append(("open", .bool(enumeration.open)))
            members.append(("rawType", .string(enumeration.rawType.rawValue)))
            members.append(("values", .array(enumeration.values.map {
                .object([("name", .string($0.name)), ("value", .string($0.value)), ("line", .integer($0.location.line))])
            })))
        case .union(let union):
            members.append(("variants", .array(union.variants.map { json($0.type) })))
        }
        return .object(members)
    }

    static func json(_ field: Field) -> JSONText {
        var members: [(String, JSONText)] = [
            ("name", .string(field.name)),
            ("jsonKey", .string(field.jsonKey)),
            ("required", .bool(field.required)),
            ("nullable", .bool(field.nullable)),
            ("deprecated", .bool(field.deprecation != nil)),
        ]
        if let message = field.deprecation?.message { members.append(("deprecationMessage", .string(message))) }
        members.append(("description", .string(field.description)))
        if let example = field.example { members.append(("example", .string(example))) }
        members.append(("line", .integer(field.location.line)))
        if field.cyclic { members.append(("cyclic", .bool(true))) }
        members.append(("type", json(field.type)))
        return .object(members)
    }

    static func json(_ type: TypeRef) -> JSONText {
        switch type {
        case .string, .integer, .number, .boolean, .dateTime, .date, .any:
            return .object([("kind", .string(tree(type)))])
        case .list(let element): return .object([("kind", .string("list")), ("element", json(element))])
        case .map(let value): return .object([("kind", .string("map")), ("value", json(value))])
        case .ref(let target): return .object([("kind", .string("ref")), ("target", .string(target))])
        case .const(let value):
            let json: JSONText = switch value {
            case .string(let s): .string(s)
            case .integer(let n): .integer(n)
            case .boolean(let b): .bool(b)
            }
            return .object([("kind", .string("const")), ("value", json)])
        case .union(let variants): return .object([("kind", .string("union")), ("variants", .array(variants.map(json)))])
        case .sdkOnly(let label): return .object([("kind", .string("sdkOnly")), ("label", .string(label))])
        case .nullable(let inner):
            guard case .object(let members) = json(inner) else { return json(inner) }
            return .object(members + [("nullable", .bool(true))])
        }
    }

    // MARK: Tree

    public static func tree(_ schema: Schema) -> String {
        var lines: [String] = ["dialect \(schema.dialect)"]
        for model in schema.models {
            var head = "\(model.kindName) \(model.name)"
            if model.deprecation != nil { head += " deprecated" + (model.deprecation?.message.map { "(\(quoted($0)))" } ?? "") }
            if case .enumeration(let e) = model.kind { head += " \(e.rawType.rawValue)\(e.open ? " open" : "")" }
            lines.append("\(head)  @\(model.location)")
            if !model.description.isEmpty { lines.append("  description \(quoted(model.description))") }
            switch model.kind {
            case .object(let object):
                if object.fields.isEmpty { lines.append("  (free-form object)") }
                for field in object.fields {
                    var line = "  field \(field.name)"
                    if field.jsonKey != field.name { line += " key=\(quoted(field.jsonKey))" }
                    line += ": \(tree(field.type))"
                    line += field.required ? " required" : " optional"
                    if field.nullable { line += " nullable" }
                    if field.cyclic { line += " cyclic" }
                    if field.deprecation != nil { line += " deprecated" + (field.deprecation?.message.map { "(\(quoted($0)))" } ?? "") }
                    line += "  @\(field.location.line):\(field.location.column)"
                    lines.append(line)
                    if !field.description.isEmpty { lines.append("    description \(quoted(field.description))") }
                    if let example = field.example { lines.append("    example \(quoted(example))") }
                }
                if let extra = object.additionalProperties { lines.append("  additionalProperties: \(tree(extra))") }
            case .enumeration(let enumeration):
                for value in enumeration.values {
                    lines.append("  value \(value.name) = \(quoted(value.value))  @\(value.location.line):\(value.location.column)")
                }
            case .union(let union):
                for variant in union.variants {
                    lines.append("  variant \(tree(variant.type))  @\(variant.location.line):\(variant.location.column)")
                }
            }
        }
        for operation in schema.operations {
            var head = "operation \(operation.group).\(operation.method)"
            if !operation.call.isEmpty { head += " call=\(operation.call.joined(separator: "."))" }
            if let response = operation.response { head += " -> \(tree(response))" }
            lines.append("\(head)  @\(operation.location)")
            for parameter in operation.parameters {
                lines.append("  parameter \(parameter.name): \(tree(parameter.type))\(parameter.required ? " required" : " optional")\(parameter.nullable ? " nullable" : "")  @\(parameter.location.line):\(parameter.location.column)")
            }
            for error in operation.errors { lines.append("  throws \(tree(error))") }
        }
        return lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
    }

    public static func tree(_ type: TypeRef) -> String {
        switch type {
        case .string: "string"
        case .integer: "integer"
        case .number: "number"
        case .boolean: "boolean"
        case .dateTime: "dateTime"
        case .date: "date"
        case .any: "any"
        case .list(let element): "list<\(tree(element))>"
        case .map(let value): "map<\(tree(value))>"
        case .ref(let target): "ref(\(target))"
        case .const(.string(let s)): "const(\(quoted(s)))"
        case .const(.integer(let n)): "const(\(n))"
        case .const(.boolean(let b)): "const(\(b))"
        case .union(let variants): "union<\(variants.map(tree).joined(separator: ", "))>"
        case .sdkOnly(let label): "sdkOnly(\(quoted(label)))"
        case .nullable(let inner): "nullable<\(tree(inner))>"
        }
    }

    static func quoted(_ text: String) -> String {
        JSONText.quoted(text)
    }
}
