import DocgenDiagnostics
import DocgenInput
import DocgenOpenAPI
import DocgenSchema
import FoundationEssentials

/// Sample payloads walked with the schema: which JSON keys the real API sends for which
/// fields. `docgen keys learn` turns that into a key rule and overrides; `docgen keys check`
/// fails when a key would be dropped on decoding.
///
/// A sample file is `<ModelName>.json` (the doc title) holding one JSON object or an array of
/// them. Keys are matched to fields by their normalised name (lower-case, letters and digits
/// only), recursing through references, lists, maps and unions.
public struct KeySamples: Sendable {
    /// One JSON key seen for one field.
    public struct Observation: Sendable, Equatable {
        public var model: String
        public var field: String
        public var key: String
        public var location: SourceLocation
        public var pointer: String
    }

    /// A key that no field takes under the current rule (it would be dropped on decoding).
    public struct Unmapped: Sendable, Equatable {
        public var model: String
        public var key: String
        /// The field it normalises to, when there is one (then the rule or an override is wrong).
        public var field: String?
        public var expectedKey: String?
        public var location: SourceLocation
        public var pointer: String
    }

    public var observations: [Observation] = []
    public var unmapped: [Unmapped] = []
    public var diagnostics = Diagnostics()
    public var sampleCount = 0

    /// Built with the key rule in force: its fields' `jsonKey`s are what decoding expects.
    let schema: Schema

    public init(schema: Schema) {
        self.schema = schema
    }

    /// Reads every `*.json` file in `folder` (not its subfolders), in name order.
    public mutating func read(folder: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            diagnostics.error(.keysSamplesMissing, "cannot read the samples folder '\(folder.path)'", at: nil)
            return
        }
        for name in names.sorted() where name.hasSuffix(".json") {
            let url = folder.appendingPathComponent(name)
            let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            read(sample: text, named: String(name.dropLast(5)), path: url.standardizedFileURL.path)
        }
    }

    /// Reads one sample for the model titled `modelName`; `path` names it in diagnostics.
    public mutating func read(sample text: String, named modelName: String, path: String) {
        let start = SourceLocation(file: path, line: 1, column: 1)
        guard let model = schema.models.first(where: { $0.name == modelName })
            ?? schema.models.first(where: { $0.name.lowercased() == modelName.lowercased() }) else {
            diagnostics.error(.keysUnknownModel, "sample '\(modelName).json' names no model; name samples after a doc title", at: start)
            return
        }
        let json: LocatedJSON
        do {
            json = try LocatedJSON.parse(text)
        } catch {
            diagnostics.error(.keysInvalidJSON, "sample is not JSON: \(error.message)",
                              at: SourceLocation(file: path, line: error.line, column: error.column))
            return
        }
        sampleCount += 1
        if case .array(let elements) = json.value {
            for (index, element) in elements.enumerated() {
                walk(element, .ref(model.id), path: path, pointer: "/\(index)")
            }
        } else {
            walk(json, .ref(model.id), path: path, pointer: "")
        }
    }

    mutating func walk(_ json: LocatedJSON, _ type: TypeRef, path: String, pointer: String) {
        let location = SourceLocation(file: path, line: json.line, column: json.column)
        if case .null = json.value { return } // optional fields may be null; the validator judges nullability
        switch type {
        case .ref(let id):
            guard let model = schema.model(id: id) else { return }
            switch model.kind {
            case .object(let object): walkObject(json, model: model, object: object, path: path, pointer: pointer)
            case .enumeration(let enumeration):
                let expected = enumeration.rawType == .integer ? "integer" : "string"
                if json.typeName != expected { mismatch(json, expected: expected, at: location, pointer: pointer) }
            case .union(let union): walkUnion(json, union.variants.map(\.type), path: path, pointer: pointer)
            }
        case .list(let element):
            guard case .array(let elements) = json.value else { return mismatch(json, expected: "array", at: location, pointer: pointer) }
            for (index, item) in elements.enumerated() { walk(item, element, path: path, pointer: "\(pointer)/\(index)") }
        case .map(let value):
            guard case .object(let members) = json.value else { return mismatch(json, expected: "object", at: location, pointer: pointer) }
            for member in members { walk(member.value, value, path: path, pointer: "\(pointer)/\(escape(member.key))") }
        case .nullable(let inner):
            walk(json, inner, path: path, pointer: pointer)
        case .union(let variants):
            walkUnion(json, variants, path: path, pointer: pointer)
        case .string, .dateTime, .date:
            if json.typeName != "string" { mismatch(json, expected: "string", at: location, pointer: pointer) }
        case .integer:
            if json.typeName != "integer" { mismatch(json, expected: "integer", at: location, pointer: pointer) }
        case .number:
            if json.typeName != "integer", json.typeName != "number" { mismatch(json, expected: "number", at: location, pointer: pointer) }
        case .boolean:
            if json.typeName != "boolean" { mismatch(json, expected: "boolean", at: location, pointer: pointer) }
        case .any, .const, .sdkOnly:
            return
        }
    }

    mutating func walkObject(_ json: LocatedJSON, model: Model, object: ObjectModel, path: String, pointer: String) {
        guard case .object(let members) = json.value else {
            return mismatch(json, expected: "object", at: SourceLocation(file: path, line: json.line, column: json.column), pointer: pointer)
        }
        var byKey: [String: Field] = [:]
        var byNormalised: [String: Field] = [:]
        for field in object.fields {
            byKey[field.jsonKey] = field
            byNormalised[JSONKeyRule.normalised(field.name), default: field] = field
        }
        let keepsOthers = object.additionalProperties != nil || object.fields.isEmpty
        for member in members {
            let memberPointer = "\(pointer)/\(escape(member.key))"
            let location = SourceLocation(file: path, line: member.line, column: member.column)
            if let field = byKey[member.key] ?? byNormalised[JSONKeyRule.normalised(member.key)] {
                observations.append(Observation(model: model.name, field: field.name, key: member.key, location: location, pointer: memberPointer))
                if field.jsonKey != member.key {
                    unmapped.append(Unmapped(model: model.name, key: member.key, field: field.name, expectedKey: field.jsonKey,
                                             location: location, pointer: memberPointer))
                }
                walk(member.value, field.type, path: path, pointer: memberPointer)
            } else if keepsOthers {
                walk(member.value, object.additionalProperties ?? .any, path: path, pointer: memberPointer)
            } else {
                unmapped.append(Unmapped(model: model.name, key: member.key, field: nil, expectedKey: nil, location: location, pointer: memberPointer))
            }
        }
    }

    /// An object goes to the object alternative whose fields match most of its keys.
    mutating func walkUnion(_ json: LocatedJSON, _ variants: [TypeRef], path: String, pointer: String) {
        guard case .object(let members) = json.value else { return }
        let keys = Set(members.map { JSONKeyRule.normalised($0.key) })
        var best: (TypeRef, Int)?
        for variant in variants {
            guard case .ref(let id) = variant, case .object(let object)? = schema.model(id: id)?.kind else { continue }
            let score = object.fields.count { keys.contains(JSONKeyRule.normalised($0.name)) }
            if score > (best?.1 ?? -1) { best = (variant, score) }
        }
        if let (variant, _) = best { walk(json, variant, path: path, pointer: pointer) }
    }

    mutating func mismatch(_ json: LocatedJSON, expected: String, at location: SourceLocation, pointer: String) {
        diagnostics.warning(.keysTypeMismatch, "value at \(pointer.isEmpty ? "/" : pointer) is \(json.typeName == "integer" ? "an" : "a") \(json.typeName) but the docs say \(expected)",
                            at: location)
    }

    func escape(_ key: String) -> String {
        key.replacing("~", with: "~0").replacing("/", with: "~1")
    }

    /// Reads the wire keys of a vendor's OpenAPI document (JSON or YAML; Speakeasy repos ship
    /// `.speakeasy/out.openapi.yaml`): every doc model that is one of its component schemas
    /// (`SchemaMatches`, the matching `--openapi` and `docgen conformance` use) is matched
    /// property by property, by normalised name, as a sample's keys are.
    public mutating func read(openAPI url: URL) {
        var read = Diagnostics()
        guard let document = OpenAPIDocument.read(path: url.standardizedFileURL.path, diagnostics: &read) else {
            diagnostics.append(contentsOf: read)
            return
        }
        for match in SchemaMatches(schema, document).all {
            guard let model = schema.model(id: match.modelID), case .object(let object) = model.kind else { continue }
            sampleCount += 1
            walkProperties(document.properties(of: match.schema), model: model, object: object, path: document.path,
                           pointer: "/components/schemas/\(escape(match.component))/properties")
        }
    }

    /// Properties of a component, matched to fields like a sample's keys (values are not walked).
    mutating func walkProperties(_ properties: [LocatedJSON.Member], model: Model, object: ObjectModel, path: String, pointer: String) {
        var byKey: [String: Field] = [:]
        var byNormalised: [String: Field] = [:]
        for field in object.fields {
            byKey[field.jsonKey] = field
            byNormalised[JSONKeyRule.normalised(field.name), default: field] = field
        }
        let keepsOthers = object.additionalProperties != nil || object.fields.isEmpty
        for property in properties {
            let location = SourceLocation(file: path, line: property.line, column: property.column)
            let propertyPointer = "\(pointer)/\(escape(property.key))"
            if let field = byKey[property.key] ?? byNormalised[JSONKeyRule.normalised(property.key)] {
                observations.append(Observation(model: model.name, field: field.name, key: property.key, location: location, pointer: propertyPointer))
                if field.jsonKey != property.key {
                    unmapped.append(Unmapped(model: model.name, key: property.key, field: field.name, expectedKey: field.jsonKey,
                                             location: location, pointer: propertyPointer))
                }
            } else if !keepsOthers {
                unmapped.append(Unmapped(model: model.name, key: property.key, field: nil, expectedKey: nil, location: location, pointer: propertyPointer))
            }
        }
    }

    /// Fields seen with two different keys: the samples disagree, and one key will be dropped.
    public mutating func reportConflicts() {
        var first: [String: Observation] = [:]
        var reported: Set<String> = []
        for observation in observations {
            let id = "\(observation.model).\(observation.field)"
            if let earlier = first[id], earlier.key != observation.key, reported.insert("\(id) \(observation.key)").inserted {
                diagnostics.warning(.keysConflict, "field \(id) is sent as '\(observation.key)' here and as '\(earlier.key)' elsewhere",
                                    at: observation.location, notes: [.init("'\(earlier.key)' is here", at: earlier.location)])
            } else if first[id] == nil {
                first[id] = observation
            }
        }
    }
}
