import DocgenDiagnostics

/// The two views of the IR that `docgen dump-ir` prints: JSON for tools (a documented,
/// stable contract) and an indented tree with locations for people and IR snapshot tests.
public enum SchemaDump {
    // MARK: JSON

    public static func json(_ schema: Schema) -> String {
        // The models' text is most of it: each is written on its own, on all cores, in place.
        let models = schema.models.concurrentMap { model -> [UInt8] in
            var writer = JSONWriter(level: 2)
            write(model, to: &writer)
            return writer.out
        }
        var out: [UInt8] = []
        out.reserveCapacity(models.reduce(0) { $0 + $1.count + 8 } + 4096)
        JSONText.append("{\n  \"dialect\": ", to: &out)
        JSONText.writeString(schema.dialect, to: &out)
        JSONText.append(",\n  \"models\": ", to: &out)
        JSONText.writeArray(ofRendered: models, indent: 1, to: &out)
        JSONText.append(",\n  \"operations\": ", to: &out)
        var operations = JSONWriter(level: 1)
        operations.beginArray()
        for index in schema.operations.indices {
            operations.element()
            write(schema.operations[index], to: &operations)
        }
        operations.endArray()
        out.append(contentsOf: operations.out)
        writeAPI(schema, to: &out)
        JSONText.append("\n}\n", to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    // Written straight to bytes (`JSONWriter`): building the equivalent `JSONText` tree and
    // freeing it cost more than writing it. Keys in the documented order.

    static func write(_ operation: Operation, to w: inout JSONWriter) {
        w.beginObject()
        w.key("id"); w.string(operation.id)
        w.key("group"); w.string(operation.group)
        w.key("method"); w.string(operation.method)
        w.key("call"); w.beginArray()
        for part in operation.call { w.element(); w.string(part) }
        w.endArray()
        w.key("package"); if let package = operation.package { w.string(package) } else { w.null() }
        // Only when the doc deprecates the method, so documents of earlier versions read the same.
        if let deprecation = operation.deprecation {
            w.key("deprecated"); w.bool(true)
            if let message = deprecation.message { w.key("deprecationMessage"); w.string(message) }
        }
        w.key("line"); w.integer(operation.location.line)
        w.key("column"); w.integer(operation.location.column)
        w.key("request")
        if let request = operation.requestModel { w.string(request) } else { w.null() }
        w.key("response")
        if let response = operation.responseModel { w.string(response) } else { w.null() }
        w.key("parameters"); w.beginArray()
        let wrapped = operation.requestShape == .wrapper
        for index in operation.parameters.indices {
            w.element()
            let binding = wrapped || index >= operation.bindings.count ? nil : operation.bindings[index]
            write(operation.parameters[index], binding: .some(binding), to: &w)
        }
        w.endArray()
        w.key("responseType")
        if let type = operation.response { write(type, to: &w) } else { w.null() }
        w.key("errors"); w.beginArray()
        for error in operation.errors { w.element(); write(error, to: &w) }
        w.endArray()
        writeHTTP(operation, to: &w)
        w.endObject()
    }

    /// The HTTP facts (OperationHTTP.swift), after the SDK-level keys.
    static func writeHTTP(_ operation: Operation, to w: inout JSONWriter) {
        func optional(_ text: String?) { if let text { w.string(text) } else { w.null() } }
        w.key("operationId"); optional(operation.endpoint?.operationID)
        w.key("httpMethod"); optional(operation.endpoint?.method)
        w.key("path"); optional(operation.endpoint?.path)
        w.key("requestShape"); w.string(operation.requestShape.rawValue)
        w.key("wrapped"); w.beginArray()
        if operation.requestShape == .wrapper {
            for binding in operation.bindings {
                w.element(); w.beginObject()
                w.key("name"); w.string(binding.name)
                writePlace(binding, to: &w)
                writeSource([("in", binding.source), ("wireName", binding.source)], to: &w)
                w.key("line"); w.integer(binding.location.line)
                w.endObject()
            }
        }
        w.endArray()
        w.key("body")
        if let body = operation.body {
            w.beginObject()
            w.key("contentType"); optional(body.contentType)
            w.key("type"); if let type = body.type { write(type, to: &w) } else { w.null() }
            w.key("source"); w.string(body.source.rawValue)
            w.endObject()
        } else {
            w.null()
        }
        for (key, facts): (StaticString, [ResponseFact]) in [("responses", operation.responses), ("errorResponses", operation.errorResponses)] {
            w.key(key); w.beginArray()
            for fact in facts {
                w.element(); w.beginObject()
                w.key("status"); optional(fact.status)
                w.key("contentType"); optional(fact.contentType)
                w.key("type"); if let type = fact.type { write(type, to: &w) } else { w.null() }
                w.key("source"); w.string(fact.source.rawValue)
                w.endObject()
            }
            w.endArray()
        }
        w.key("security")
        if let security = operation.security {
            w.beginArray()
            for name in security { w.element(); w.string(name) }
            w.endArray()
        } else {
            w.null()
        }
    }

    /// What the whole API shares, after the operations: `servers` and `securitySchemes`.
    static func writeAPI(_ schema: Schema, to out: inout [UInt8]) {
        JSONText.append(",\n  \"servers\": ", to: &out)
        var w = JSONWriter(level: 1)
        w.beginArray()
        for server in schema.servers {
            w.element(); w.beginObject()
            w.key("url"); w.string(server.url)
            w.key("description"); if let description = server.description { w.string(description) } else { w.null() }
            w.key("source"); w.string(server.source.rawValue)
            w.endObject()
        }
        w.endArray()
        out.append(contentsOf: w.out)
        JSONText.append(",\n  \"securitySchemes\": ", to: &out)
        w = JSONWriter(level: 1)
        w.beginArray()
        for scheme in schema.securitySchemes {
            w.element(); w.beginObject()
            w.key("name"); w.string(scheme.name)
            w.key("kind"); w.string(scheme.kindName)
            w.key("in"); if let place = scheme.parameter?.place { w.string(place.rawValue) } else { w.null() }
            w.key("parameterName"); if let name = scheme.parameter?.name { w.string(name) } else { w.null() }
            w.key("source"); w.string(scheme.source.rawValue)
            w.endObject()
        }
        w.endArray()
        out.append(contentsOf: w.out)
    }

    /// A parameter's place: `in`, `wireName`, `style`, `explode` (all null when unknown, as
    /// for a wrapper, whose fields say it in `wrapped`).
    static func writePlace(_ binding: ParameterBinding?, to w: inout JSONWriter) {
        w.key("in"); if let place = binding?.place { w.string(place.rawValue) } else { w.null() }
        w.key("wireName"); if let name = binding?.wireName { w.string(name) } else { w.null() }
        w.key("style"); if let style = binding?.style { w.string(style) } else { w.null() }
        w.key("explode"); if let explode = binding?.explode { w.bool(explode) } else { w.null() }
        if let value = binding?.defaultValue { w.key("default"); w.raw(value.json) }
    }

    static func write(_ model: Model, to w: inout JSONWriter) {
        w.beginObject()
        w.key("id"); w.string(model.id)
        w.key("name"); w.string(model.name)
        w.key("kind"); w.string(model.kindName)
        w.key("description"); w.string(model.description)
        w.key("deprecated"); w.bool(model.deprecation != nil)
        if let message = model.deprecation?.message { w.key("deprecationMessage"); w.string(message) }
        w.key("line"); w.integer(model.location.line)
        switch model.kind {
        case .object(let object):
            w.key("fields"); w.beginArray()
            for index in object.fields.indices { w.element(); write(object.fields[index], to: &w) }
            w.endArray()
            if let extra = object.additionalProperties { w.key("additionalProperties"); write(extra, to: &w) }
            writeSource([("additionalProperties", object.additionalPropertiesSource)], to: &w)
        case .enumeration(let enumeration):
            w.key("open"); w.bool(enumeration.open)
            w.key("rawType"); w.string(enumeration.rawType.rawValue)
            writeSource([("rawType", enumeration.rawTypeSource)], to: &w)
            w.key("values"); w.beginArray()
            for index in enumeration.values.indices {
                let value = enumeration.values[index]
                w.element(); w.beginObject()
                w.key("name"); w.string(value.name)
                w.key("value"); w.string(value.value)
                w.key("line"); w.integer(value.location.line)
                w.endObject()
            }
            w.endArray()
        case .union(let union):
            if union.recursive { w.key("recursive"); w.bool(true) }
            writeSource([("variants", union.variantsSource)], to: &w)
            w.key("variants"); w.beginArray()
            for variant in union.variants { w.element(); write(variant.type, to: &w) }
            w.endArray()
        }
        w.endObject()
    }

    /// A model's field, or an operation's parameter with its place (`binding` non-nil, its
    /// value `nil` when unknown).
    static func write(_ field: Field, binding: ParameterBinding?? = nil, to w: inout JSONWriter) {
        w.beginObject()
        w.key("name"); w.string(field.name)
        w.key("jsonKey"); w.string(field.jsonKey)
        w.key("required"); w.bool(field.required)
        w.key("nullable"); w.bool(field.nullable)
        w.key("deprecated"); w.bool(field.deprecation != nil)
        if let message = field.deprecation?.message { w.key("deprecationMessage"); w.string(message) }
        w.key("description"); w.string(field.description)
        if let example = field.example { w.key("example"); w.string(example) }
        w.key("line"); w.integer(field.location.line)
        if field.cyclic { w.key("cyclic"); w.bool(true) }
        w.key("type"); write(field.type, to: &w)
        if let binding {
            // An operation's parameter: its place, whose provenance joins the field's.
            writePlace(binding, to: &w)
            var facts = field.sources.fromEvidence
            if let binding { facts += [("in", binding.source), ("wireName", binding.source)] }
            writeSource(facts, to: &w)
        } else {
            writeSource(field.sources.fromEvidence, to: &w)
        }
        w.endObject()
    }

    /// `"source": {fact: provenance}` for the facts the docs did not say; none: no member.
    static func writeSource(_ facts: [(fact: StaticString, source: Provenance)], to w: inout JSONWriter) {
        guard !facts.isEmpty, facts.contains(where: { $0.source != .docs }) else { return }
        w.key("source"); w.beginObject()
        for (fact, source) in facts where source != .docs { w.key(fact); w.string(source.rawValue) }
        w.endObject()
    }

    /// `{"kind": …}` with the kind's own members; each `nullable` layer adds `"nullable": true`
    /// after them (one per layer, as the members of the type it wraps).
    static func write(_ type: TypeRef, to w: inout JSONWriter) {
        var base = type
        var nullableLayers = 0
        while case .nullable(let inner) = base {
            base = inner
            nullableLayers += 1
        }
        w.beginObject()
        switch base {
        case .string, .integer, .number, .boolean, .dateTime, .date, .any:
            w.key("kind"); w.string(tree(base))
        case .list(let element):
            w.key("kind"); w.string("list")
            w.key("element"); write(element, to: &w)
        case .map(let value):
            w.key("kind"); w.string("map")
            w.key("value"); write(value, to: &w)
        case .ref(let target):
            w.key("kind"); w.string("ref")
            w.key("target"); w.string(target)
        case .const(let value):
            w.key("kind"); w.string("const")
            w.key("value")
            switch value {
            case .string(let s): w.string(s)
            case .integer(let n): w.integer(n)
            case .boolean(let b): w.bool(b)
            }
        case .union(let variants):
            w.key("kind"); w.string("union")
            w.key("variants"); w.beginArray()
            for variant in variants { w.element(); write(variant, to: &w) }
            w.endArray()
        case .sdkOnly(let label):
            w.key("kind"); w.string("sdkOnly")
            w.key("label"); w.string(label)
        case .nullable:
            preconditionFailure("nullable layers are peeled above")
        }
        for _ in 0..<nullableLayers { w.key("nullable"); w.bool(true) }
        w.endObject()
    }

    // MARK: Tree

    public static func tree(_ schema: Schema) -> String {
        var lines: [String] = ["dialect \(schema.dialect)"]
        for model in schema.models {
            var head = "\(model.kindName) \(model.name)"
            if model.deprecation != nil { head += " deprecated" + (model.deprecation?.message.map { "(\(quoted($0)))" } ?? "") }
            if case .enumeration(let e) = model.kind {
                head += " \(e.rawType.rawValue)\(e.open ? " open" : "")" + treeSources([("rawType", e.rawTypeSource)])
            }
            if case .union(let u) = model.kind {
                head += (u.recursive ? " recursive" : "") + treeSources([("variants", u.variantsSource)])
            }
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
                    line += treeSources(field.sources.fromEvidence)
                    if field.deprecation != nil { line += " deprecated" + (field.deprecation?.message.map { "(\(quoted($0)))" } ?? "") }
                    line += "  @\(field.location.line):\(field.location.column)"
                    lines.append(line)
                    if !field.description.isEmpty { lines.append("    description \(quoted(field.description))") }
                    if let example = field.example { lines.append("    example \(quoted(example))") }
                }
                if let extra = object.additionalProperties {
                    lines.append("  additionalProperties: \(tree(extra))" + treeSources([("additionalProperties", object.additionalPropertiesSource)]))
                }
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
            if operation.deprecation != nil { head += " deprecated" + (operation.deprecation?.message.map { "(\(quoted($0)))" } ?? "") }
            if let package = operation.package { head += " package=\(package)" }
            if let response = operation.response { head += " -> \(tree(response))" }
            lines.append("\(head)  @\(operation.location)")
            if let endpoint = operation.endpoint {
                lines.append("  endpoint \(endpoint.method.uppercased()) \(endpoint.path) id=\(endpoint.operationID)  @\(endpoint.location.line):\(endpoint.location.column)")
            }
            if operation.requestShape != .none { lines.append("  request \(operation.requestShape.rawValue)") }
            let wrapped = operation.requestShape == .wrapper
            for (index, parameter) in operation.parameters.enumerated() {
                let place = !wrapped && index < operation.bindings.count ? tree(operation.bindings[index]) : ""
                lines.append("  parameter \(parameter.name): \(tree(parameter.type))\(parameter.required ? " required" : " optional")\(parameter.nullable ? " nullable" : "")\(place)  @\(parameter.location.line):\(parameter.location.column)")
            }
            if wrapped {
                for binding in operation.bindings {
                    lines.append("  wrapped \(binding.name)\(tree(binding))  @\(binding.location)")
                }
            }
            if let body = operation.body {
                lines.append("  body \(body.contentType ?? "?") \(body.type.map(tree) ?? "?") (\(body.source.rawValue))")
            }
            for error in operation.errors { lines.append("  throws \(tree(error))") }
            for (word, facts) in [("returns", operation.responses), ("error", operation.errorResponses)] {
                for fact in facts {
                    // What the docs do not say is left out: `returns ref(…)`, `error 404 application/json ref(…)`.
                    let parts = [fact.status, fact.contentType, fact.type.map(tree)].compactMap { $0 }
                    lines.append("  \(([word] + parts).joined(separator: " "))\(fact.location.map { "  @\($0.line):\($0.column)" } ?? "")")
                }
            }
        }
        return lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
    }

    /// ` from openapi(jsonKey, nullable)`: the tree names only what the user's evidence (the
    /// OpenAPI document, the config) gave, so snapshots of docs-only trees stay as they were.
    static func treeSources(_ facts: [(fact: StaticString, source: Provenance)]) -> String {
        [Provenance.openapi, .config].compactMap { source in
            let named = facts.filter { $0.source == source }.map { "\($0.fact)" }
            return named.isEmpty ? nil : " from \(source.rawValue)(\(named.joined(separator: ", ")))"
        }.joined()
    }

    /// ` in=path wire="id" (rule)`.
    static func tree(_ binding: ParameterBinding) -> String {
        var text = " in=\(binding.place.rawValue)"
        if let wire = binding.wireName { text += " wire=\(quoted(wire))" }
        if let style = binding.style { text += " style=\(style)" }
        if let explode = binding.explode { text += " explode=\(explode)" }
        if let value = binding.defaultValue { text += " default=\(value.json)" }
        return text + " (\(binding.source.rawValue))"
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
