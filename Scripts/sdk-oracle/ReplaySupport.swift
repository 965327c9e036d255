// Copied by compare.py into the scratch package's Replay target (not part of docgen's build).
// A recording ClientTransport, the arguments of one recorded SDK call, and one JSON line per call.

import DocgenRuntime
import Foundation
import HTTPTypes
import OpenAPIRuntime

let replayServerURL = URL(string: "https://api.example.test")!
let replayCredential = "test-key"

/// Records every request and answers `200 {}` (application/json).
final class ReplayRecorder: ClientTransport, @unchecked Sendable {
    struct Sent {
        var request: HTTPRequest
        var body: [UInt8]?
        var baseURL: URL
        var operationID: String
    }

    private let lock = NSLock()
    private var items: [Sent] = []

    func reset() { lock.withLock { items = [] } }
    var sent: [Sent] { lock.withLock { items } }

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
        let bytes: [UInt8]? = if let body { try await [UInt8](collecting: body, upTo: 256 << 20) } else { nil }
        lock.withLock { items.append(Sent(request: request, body: bytes, baseURL: baseURL, operationID: operationID)) }
        var response = HTTPResponse(status: .ok)
        response.headerFields[.contentType] = "application/json"
        return (response, HTTPBody("{}"))
    }
}

/// An argument that does not decode into the Swift parameter's type.
struct ReplayArgumentError: Error, CustomStringConvertible {
    var key: String
    var type: String
    var underlying: String
    var description: String { "argument '\(key)' does not decode as \(type): \(underlying)" }
}

private protocol ReplayOptional { static var replayWrapped: Any.Type { get } }
extension Optional: ReplayOptional { static var replayWrapped: Any.Type { Wrapped.self } }

/// The recorded call's arguments (wire JSON by the SDK's Python names).
struct ReplayArgs: Sendable {
    var args: [String: JSONValue]

    /// `args[key]` (JSON null when absent, which decodes to nil for an optional) as the parameter's type.
    func arg<T: Decodable>(_ key: String) throws -> T {
        try decode(args[key] ?? .null, key: key)
    }

    /// An object of the given arguments (e.g. every field of a flattened request object), its
    /// top-level keys renamed to the model's JSON keys where they match once normalised.
    func rest<T: Decodable>(_ keys: [String]) throws -> T {
        var object: [String: JSONValue] = [:]
        for key in keys { if let value = args[key] { object[key] = value } }
        var type: Any.Type = T.self
        while let optional = type as? any ReplayOptional.Type { type = optional.replayWrapped }
        if let described = type as? any PayloadDescribed.Type {
            var byNorm: [String: String] = [:]
            for key in replayKeys(described.payloadSchema, depth: 0) where byNorm[replayNorm(key)] == nil { byNorm[replayNorm(key)] = key }
            var renamed: [String: JSONValue] = [:]
            for (key, value) in object {
                let wire = byNorm[replayNorm(key)] ?? key
                if renamed[wire] == nil || key == wire { renamed[wire] = value }
            }
            object = renamed
        }
        return try decode(.object(object), key: keys.isEmpty ? "{}" : keys.joined(separator: "+"))
    }

    /// `args[key]` as the parameter's type when it decodes so, else `rest(keys)` (a body
    /// parameter whose name is also one of the body's fields, or a lone leftover argument).
    func either<T: Decodable>(_ key: String, _ keys: [String]) throws -> T {
        if let value = args[key], let decoded: T = try? decode(value, key: key) { return decoded }
        return try rest(keys)
    }

    private func decode<T: Decodable>(_ value: JSONValue, key: String) throws -> T {
        do {
            let data = try JSONEncoder().encode(value)
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw ReplayArgumentError(key: key, type: String(describing: T.self), underlying: String(String(describing: error).prefix(400)))
        }
    }
}

/// The JSON keys of an object schema, or of every object alternative of a union.
func replayKeys(_ schema: PayloadSchema, depth: Int) -> [String] {
    guard depth < 6 else { return [] }
    switch schema {
    case .object(_, let properties, _): return properties.map(\.key)
    case .union(_, let variants): return variants.flatMap { replayKeys($0, depth: depth + 1) }
    case .reference(let resolve): return replayKeys(resolve(), depth: depth + 1)
    case .nullable(let inner): return replayKeys(inner, depth: depth + 1)
    default: return []
    }
}

func replayNorm(_ text: String) -> String {
    String(text.lowercased().filter { $0 != "_" && $0 != "-" && $0 != "$" && $0 != "." })
}

struct ReplayCall: Decodable {
    var index: Int
    var operationId: String
    var `case`: String
    var args: [String: JSONValue]
}

func replayLoadCalls() -> [ReplayCall] {
    let path = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "calls.json"
    do {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try JSONDecoder().decode([ReplayCall].self, from: data)
    } catch {
        FileHandle.standardError.write(Data("cannot read \(path): \(error)\n".utf8))
        exit(2)
    }
}

/// One JSON line: what the Swift client sent for the call (or why it sent nothing).
func replayEmit(_ call: ReplayCall, _ sent: [ReplayRecorder.Sent], _ failure: (any Error)?) {
    var line: [String: Any] = ["index": call.index, "operationId": call.operationId, "case": call.case, "requests": sent.count]
    if let failure {
        line["error"] = String(String(describing: failure).prefix(600))
        line["argumentError"] = failure is ReplayArgumentError
    }
    if let first = sent.first {
        let full = first.request.path ?? ""
        let parts = full.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var base = first.baseURL.path
        while base.hasSuffix("/") { base.removeLast() }
        let rawPath = base + String(parts.first ?? "")
        line["method"] = first.request.method.rawValue
        line["baseURL"] = first.baseURL.absoluteString
        line["rawPath"] = rawPath
        line["path"] = rawPath.removingPercentEncoding ?? rawPath
        var query: [[String]] = []
        if parts.count > 1 {
            for item in parts[1].split(separator: "&", omittingEmptySubsequences: false) {
                let kv = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let key = String(kv[0]), value = kv.count > 1 ? String(kv[1]) : ""
                query.append([key.removingPercentEncoding ?? key, value.removingPercentEncoding ?? value])
            }
            line["rawQuery"] = String(parts[1])
        }
        line["query"] = query
        var headers: [String: String] = [:]
        for field in first.request.headerFields {
            let name = field.name.canonicalName.lowercased()
            headers[name] = headers[name].map { $0 + ", " + field.value } ?? field.value
        }
        line["headers"] = headers
        if let body = first.body { line["bodyBase64"] = Data(body).base64EncodedString() }
    }
    let data = (try? JSONSerialization.data(withJSONObject: line, options: [.sortedKeys])) ?? Data("{}".utf8)
    FileHandle.standardOutput.write(data + Data("\n".utf8))
}
