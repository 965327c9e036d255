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

/// One API's models generated from its docs in every SDK language (Tests/DocgenDialectsTests/
/// Fixtures): each decodes the same payload and writes it back unchanged, undocumented keys
/// included, its unions too (alone, in a list, in a map). Where a dialect cannot say something,
/// the Swift differs only there.
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

    /// Which alternative each of the payload's other unions holds: `chip` (a primitive union, a
    /// string here and an integer in the owner's pet), the owner's `contacts` (a list of a union
    /// of models) and `attributes` (a map of a union with a map member), by case name.
    static func alternatives(chip: Any?, petChip: Any?, contacts: [Any]?, attributes: [String: Any]?) -> [String] {
        func name(_ value: Any?) -> String {
            guard let value else { return "absent" }
            return Mirror(reflecting: value).children.first?.label ?? "\(value)"
        }
        return ["chip " + name(chip), "pet chip " + name(petChip), "contacts " + (contacts ?? []).map(name).joined(separator: ", ")]
            + (attributes ?? [:]).sorted { $0.key < $1.key }.map { "attribute \($0.key) " + name($0.value) }
    }

    @Test func everyDialectsUnionsDecodeToTheSameAlternativesInListsAndMaps() throws {
        let file = "crossdialect-pet.json"
        let python = try Fixture.decode(PythonPetModels.Pet.self, file)
        #expect(python.chip == .string("A12"))
        #expect(python.owner?.pets?.first?.chip == .integer(981020))
        #expect(python.owner?.contacts == [.email(.init(address: "ann@example.com")), .phone(.init(number: "+44 20 7946 0000"))])
        #expect(python.attributes == ["spots": .integer(7), "pattern": .string("brindle"), "vet": .stringMap(["clinic": "North", "city": "Leeds"])])
        let expected = ["chip string", "pet chip integer", "contacts email, phone",
                        "attribute pattern string", "attribute spots integer", "attribute vet stringMap"]
        #expect(Self.alternatives(chip: python.chip, petChip: python.owner?.pets?.first?.chip, contacts: python.owner?.contacts,
                                  attributes: python.attributes) == expected)
        let go = try Fixture.decode(GoPetModels.Pet.self, file)
        let cSharp = try Fixture.decode(CSharpPetModels.Pet.self, file)
        let php = try Fixture.decode(PHPPetModels.Pet.self, file)
        let sorbet = try Fixture.decode(RubySorbetPetModels.Pet.self, file)
        let crystalline = try Fixture.decode(RubyCrystallinePetModels.Pet.self, file)
        for (dialect, found) in [
            ("go", Self.alternatives(chip: go.chip, petChip: go.owner?.pets?.first?.chip, contacts: go.owner?.contacts, attributes: go.attributes)),
            ("csharp", Self.alternatives(chip: cSharp.chip, petChip: cSharp.owner?.pets?.first?.chip, contacts: cSharp.owner?.contacts,
                                         attributes: cSharp.attributes)),
            ("php", Self.alternatives(chip: php.chip, petChip: php.owner?.pets?.first?.chip, contacts: php.owner?.contacts, attributes: php.attributes)),
            ("ruby-sorbet", Self.alternatives(chip: sorbet.chip, petChip: sorbet.owner?.pets?.first?.chip, contacts: sorbet.owner?.contacts,
                                              attributes: sorbet.attributes)),
            ("ruby-crystalline", Self.alternatives(chip: crystalline.chip, petChip: crystalline.owner?.pets?.first?.chip,
                                                   contacts: crystalline.owner?.contacts, attributes: crystalline.attributes)),
        ] {
            #expect(found == expected, "\(dialect)")
        }
        // TypeScript's `number` member holds the integers as Double.
        let typeScript = try Fixture.decode(TypeScriptPetModels.Pet.self, file)
        #expect(typeScript.owner?.pets?.first?.chip == .double(981020))
        #expect(Self.alternatives(chip: typeScript.chip, petChip: typeScript.owner?.pets?.first?.chip, contacts: typeScript.owner?.contacts,
                                  attributes: typeScript.attributes) == expected.map { $0.replacing("integer", with: "double") })
        // Java's union docs name no members: every union holds the JSON as it came.
        let java = try Fixture.decode(JavaPetModels.Pet.self, file)
        #expect(java.owner?.pets?.first?.chip == .json(981020))
        #expect(Self.alternatives(chip: java.chip, petChip: java.owner?.pets?.first?.chip, contacts: java.owner?.contacts, attributes: java.attributes)
                == ["chip json", "pet chip json", "contacts json, json", "attribute pattern json", "attribute spots json", "attribute vet json"])
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
