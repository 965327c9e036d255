import DialectGroupedModels
import DocgenRuntime
import Foundation
import Testing

/// The dialect fixture generated with `"swiftFiles": "grouped"` (a few types a file) is the same
/// Swift: it compiles without warnings and round-trips the same payload.
struct GroupedModelTests {
    @Test func aGroupedModuleDecodesAndEncodesAsThePerModelOne() throws {
        let pet = try Fixture.decode(Pet.self, "pet.json")
        #expect(pet.name == "Rex")
        #expect(pet.nickname == .null)
        #expect(try Fixture.json(pet) == Fixture.fileJSON("pet.json"))
        #expect(WorkAddress.self == HomeAddress.self)
    }
}
