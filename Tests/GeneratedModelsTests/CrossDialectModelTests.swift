import CSharpPetModels
import DocgenRuntime
import Foundation
import GoPetModels
import JavaPetModels
import PHPPetModels
import PythonPetModels
import RubyCrystallinePetModels
import RubySorbetPetModels
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
        #expect(pet.priority == ._2) // the new bullets name no members
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

    /// The payload each other dialect's `Pet` writes back after decoding it: all of it, but what
    /// its docs cannot say (Ruby's name no pseudo-field for undocumented keys).
    @Test func everyOtherDialectsModelsRoundTripThePayload() throws {
        let payload = try Fixture.fileJSON("crossdialect-pet.json")
        guard case .object(var withoutExtras) = payload else { return }
        withoutExtras["colour"] = nil
        #expect(try Fixture.json(Fixture.decode(JavaPetModels.Pet.self, "crossdialect-pet.json")) == payload)
        #expect(try Fixture.json(Fixture.decode(CSharpPetModels.Pet.self, "crossdialect-pet.json")) == payload)
        #expect(try Fixture.json(Fixture.decode(PHPPetModels.Pet.self, "crossdialect-pet.json")) == payload)
        #expect(try Fixture.json(Fixture.decode(RubySorbetPetModels.Pet.self, "crossdialect-pet.json")) == .object(withoutExtras))
        #expect(try Fixture.json(Fixture.decode(RubyCrystallinePetModels.Pet.self, "crossdialect-pet.json")) == .object(withoutExtras))
        #expect(try Fixture.decode(CSharpPetModels.Pet.self, "crossdialect-pet.json").kind == .dog)
    }

    /// Java's union doc names no members: the union holds whatever JSON comes.
    @Test func javasMemberlessUnionKeepsAnyJSON() throws {
        let decoded = try JSONDecoder().decode(JavaPetModels.SearchResult.self, from: Data(#"{"name": "Ann"}"#.utf8))
        #expect(decoded == .json(["name": "Ann"]))
    }

    @Test func everyDialectsUnionDecodesEachAlternative() throws {
        for (json, expected) in [(#"{"name": "Ann"}"#, "owner"), (#""just text""#, "string")] {
            let data = Data(json.utf8)
            let python = try JSONDecoder().decode(PythonPetModels.SearchResult.self, from: data)
            let typeScript = try JSONDecoder().decode(TypeScriptPetModels.SearchResult.self, from: data)
            let go = try JSONDecoder().decode(GoPetModels.SearchResult.self, from: data)
            let others: [Any] = [
                try JSONDecoder().decode(CSharpPetModels.SearchResult.self, from: data),
                try JSONDecoder().decode(PHPPetModels.SearchResult.self, from: data),
                try JSONDecoder().decode(RubySorbetPetModels.SearchResult.self, from: data),
                try JSONDecoder().decode(RubyCrystallinePetModels.SearchResult.self, from: data),
            ]
            for decoded in [python, typeScript, go] as [Any] + others {
                #expect("\(decoded)".hasPrefix(expected), "\(decoded)")
            }
        }
    }
}
