import DocgenRuntime
import Foundation
import TestSupport

enum Fixture {
    static let folder = TestPaths.packageRoot.appendingPathComponent("Tests/GeneratedModelsTests/Fixtures")

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(name))
    }

    static func decode<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        try JSONDecoder().decode(T.self, from: try data(name))
    }

    /// Encodes and reads the result back as a JSON value, for comparisons that ignore key order.
    static func json<T: Encodable>(_ value: T) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: try JSONEncoder().encode(value))
    }

    static func fileJSON(_ name: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: try data(name))
    }

    static func json(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }
}
