import DocgenRuntime
import Foundation
import GoPetModels
import PythonPetModels
import Testing
import TypeScriptPetModels

/// One API's models generated from its Python, TypeScript and Go docs (Tests/DocgenDialectsTests/
/// Fixtures): each decodes the same payload and writes it back unchanged, undocumented keys
/// included. Where a dialect cannot say something, the Swift differs only there.
struct CrossDialectModelTests {
    @Test func pythonModelsRoundTripThePayload() throws {
        let pet = try Fixture.decode(PythonPetModels.Pet.self, "crossdialect-pet.json")
        #expect(pet.bornAt == DateTime(rfc3339: "2021-03-04T05:06:07Z"))
        #expect(pet.birthday == CalendarDate(year: 2021, month: 3, day: 4))
        #expect(pet.nickname == .value("Rexy"))
        #expect(pet.age == 3)
        #expect(pet.priority == .two)
        #expect(pet.additionalProperties == ["colour": "brown"])
        #expect(try Fixture.json(pet) == Fixture.fileJSON("crossdialect-pet.json"))
    }

    @Test func typeScriptModelsRoundTripThePayload() throws {
        let pet = try Fixture.decode(TypeScriptPetModels.Pet.self, "crossdialect-pet.json")
        #expect(pet.bornAt == DateTime(rfc3339: "2021-03-04T05:06:07Z"))
        #expect(pet.birthday == CalendarDate(year: 2021, month: 3, day: 4))
        // TypeScript docs print no nullability and no integers.
        #expect(pet.nickname == "Rexy")
        #expect(pet.age == 3.0)
        #expect(pet.priority == ._2)
        #expect(pet.additionalProperties == ["colour": "brown"])
        #expect(try Fixture.json(pet) == Fixture.fileJSON("crossdialect-pet.json"))
    }

    @Test func goModelsRoundTripThePayload() throws {
        let pet = try Fixture.decode(GoPetModels.Pet.self, "crossdialect-pet.json")
        #expect(pet.bornAt == DateTime(rfc3339: "2021-03-04T05:06:07Z"))
        #expect(pet.birthday == CalendarDate(year: 2021, month: 3, day: 4))
        #expect(pet.nickname == .value("Rexy"))
        // Go docs write the constant as an enum of one value.
        #expect(pet.kind == .dog)
        #expect(pet.priority == .two)
        #expect(pet.additionalProperties == ["colour": "brown"])
        #expect(try Fixture.json(pet) == Fixture.fileJSON("crossdialect-pet.json"))
    }

    @Test func everyDialectsUnionDecodesEachAlternative() throws {
        for (json, expected) in [(#"{"name": "Ann"}"#, "owner"), (#""just text""#, "string")] {
            let data = Data(json.utf8)
            let python = try JSONDecoder().decode(PythonPetModels.SearchResult.self, from: data)
            let typeScript = try JSONDecoder().decode(TypeScriptPetModels.SearchResult.self, from: data)
            let go = try JSONDecoder().decode(GoPetModels.SearchResult.self, from: data)
            #expect("\(python)".hasPrefix(expected) && "\(typeScript)".hasPrefix(expected) && "\(go)".hasPrefix(expected),
                    "\(python) / \(typeScript) / \(go)")
        }
    }
}
