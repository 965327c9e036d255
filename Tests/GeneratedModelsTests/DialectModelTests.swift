import DialectModels
import DocgenRuntime
import Foundation
import Testing

/// Every construct of the dialect, generated and compiled: nullability, constants, unions,
/// cycles, dates, reserved-word keys, additional properties, open integer enums.
struct DialectModelTests {
    func pet(_ patch: [String: JSONValue] = [:], removing: [String] = []) throws -> Pet {
        guard case .object(var members) = try Fixture.fileJSON("pet.json") else { throw CocoaError(.coderReadCorrupt) }
        for (key, value) in patch { members[key] = value }
        for key in removing { members[key] = nil }
        return try JSONDecoder().decode(Pet.self, from: JSONEncoder().encode(JSONValue.object(members)))
    }

    @Test func roundTripsEveryConstruct() throws {
        let pet = try pet()
        #expect(pet.name == "Rex")
        #expect(pet.status == .available)
        #expect(pet.bornOn == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(pet.from == "shelter")
        #expect(pet.matrix == [[1, 2], [3]])
        #expect(pet.maybeNames == ["a", nil])
        #expect(pet.scores == ["speed": [1.5, 2]])
        #expect(try Fixture.json(pet) == Fixture.fileJSON("pet.json"))
    }

    @Test func nullableFieldsHaveThreeStates() throws {
        #expect(try pet().nickname == .null)
        #expect(try pet(["nickname": "Rexy"]).nickname == .value("Rexy"))
        #expect(try pet().weight == .null)
        #expect(try pet(removing: ["weight"]).weight == nil)
        #expect(try pet(["weight": 4.5]).weight == .value(4.5))
        #expect(throws: DecodingError.self) { try pet(removing: ["nickname"]) }
        guard case .object(let written) = try Fixture.json(try pet()) else { return }
        #expect(written["nickname"] == .null)
        #expect(written["weight"] == .null)
        #expect(written.keys.contains("vet"))
    }

    @Test func constantsAreCheckedOnDecodeAndByValidate() throws {
        #expect(throws: DecodingError.self) { try self.pet(["kind": "cat"]) }
        #expect(throws: DecodingError.self) { try self.pet(["is_good": false]) }
        var pet = try pet()
        pet.kind = "cat"
        #expect(pet.validate().map(\.description) == ["/kind: expected the constant pet, found cat [const]"])
    }

    @Test func unionsTryNarrowTypesFirstAndKeepEveryError() throws {
        #expect(try pet().ids == .integer(42))
        #expect(try pet(["ids": "42"]).ids == .string("42"))
        #expect(try pet().food == .kibble(Kibble(additionalProperties: ["grams": 5])))
        #expect(try pet(["food": true]).food == .bool(true))
        #expect(try pet(["food": 2.5]).food == .double(2.5))
        #expect(try pet(["food": [["grams": 1]]]).food == .meatList([Meat(grams: 1)]))
        do {
            _ = try pet(["ids": [1]])
            Issue.record("an array is neither alternative")
        } catch {
            let text = String(describing: error)
            #expect(text.contains("integer:") && text.contains("string:"), "\(text)")
        }
    }

    @Test func realCyclesAreBoxedAndNest() throws {
        let owner = try #require(try pet().owner)
        #expect(owner.bestFriend?.bestFriend?.name == "Cy")
        var changed = owner
        changed.bestFriend = nil
        #expect(changed.bestFriend == nil)
        #expect(owner != changed)
    }

    @Test func undocumentedKeysAreKeptWhenTheDocsSaySo() throws {
        let pet = try pet()
        #expect(pet.additionalProperties == ["color": "brown", "size": "large"])
        #expect(throws: DecodingError.self) { try self.pet(["color": 3]) }
    }

    @Test func integerEnumsAreOpenToo() throws {
        let priorities = try JSONDecoder().decode([Priority].self, from: Data("[1, 2, 9]".utf8))
        #expect(priorities == [._1, ._2, .unknown(9)])
        #expect(String(decoding: try JSONEncoder().encode(priorities), as: UTF8.self) == "[1,2,9]")
        #expect(Priority.allCases == [._1, ._2])
    }

    @Test func numbersInAPythonTableAreStrings() throws {
        let sizes = try JSONDecoder().decode([Size].self, from: Data(#"["1", "2"]"#.utf8))
        #expect(sizes == [.small, .large])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Size].self, from: Data("[1]".utf8)) }
    }

    @Test func quotedNumbersAreStringValues() throws {
        let years = try JSONDecoder().decode([SchoolYear].self, from: Data(#"["6", "9"]"#.utf8))
        #expect(years.map(\.rawValue) == ["6", "9"])
        #expect(String(decoding: try JSONEncoder().encode(years), as: UTF8.self) == #"["6","9"]"#)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([SchoolYear].self, from: Data("[6]".utf8)) }
    }

    @Test func oneTitleInTwoFoldersIsTwoTypes() throws {
        let json = #"{"owner": {"name": "Ann"}, "message": "not yours"}"#
        let error = try JSONDecoder().decode(OwnerErrors.self, from: Data(json.utf8))
        #expect(error.owner == Owner(name: "Ann"))
        #expect(error.message == "not yours")
    }

    @Test func enumValuesSurviveExactly() throws {
        let values = try JSONDecoder().decode([PetStatus].self, from: Data(#"["1password","not-supported","Biracial (South Asian & Caucasian)","a|b"]"#.utf8))
        #expect(values == [.onePassword, .notSupported, .biracial, .pipe])
        #expect(values.map(\.rawValue) == ["1password", "not-supported", "Biracial (South Asian & Caucasian)", "a|b"])
    }

    @Test func validateRecursesIntoNestedModels() throws {
        var pet = try pet(["status": "adopted"])
        pet.owner?.bestFriend?.pets = [try self.pet(["status": "lost"])]
        #expect(pet.validate().map(\.description) == [
            "/status: adopted is not a documented PetStatus value [enum.unknown-value]",
            "/owner/best_friend/pets/0/status: lost is not a documented PetStatus value [enum.unknown-value]",
        ])
    }

    @Test func payloadValidatorFollowsReferencesUnionsAndNullability() throws {
        var json = try Fixture.fileJSON("pet.json")
        guard case .object(var members) = json else { return }
        members["nickname"] = nil
        members["kind"] = "cat"
        members["born_on"] = "2024-02-30"
        members["ids"] = [1]
        members["owner"] = ["best_friend": ["name": 3]]
        members["color"] = 3
        json = .object(members)
        let issues = PayloadValidator.validate(json, against: Pet.payloadSchema).map { "\($0.path) \($0.rule)" }
        #expect(issues == [
            "/kind const",
            "/owner/name required",
            "/owner/best_friend/name type",
            "/born_on format.date",
            "/nickname required",
            "/ids union",
            "/color type",
        ])
    }
}

/// Docs of one shape (`HomeAddress`, `WorkAddress`) are one Swift type under both names.
struct SameShapeModelTests {
    @Test func anAliasIsTheSameTypeAndDecodesAsIt() throws {
        #expect(WorkAddress.self == HomeAddress.self)
        #expect(WorkCountry.self == HomeCountry.self)
        let json = #"{"street": "Rue 1", "country": "FR"}"#
        let work = try JSONDecoder().decode(WorkAddress.self, from: Data(json.utf8))
        #expect(work.street == "Rue 1")
        #expect(work.country == WorkCountry.fr)
        #expect(work.postalCode == nil)
        let home: HomeAddress = work
        #expect(try JSONDecoder().decode(HomeAddress.self, from: JSONEncoder().encode(home)) == work)
    }
}
