import DocgenRuntime
import FinalClassExampleModels
import Foundation
import IdentifiableExampleModels
import NoValidatorsExampleModels
import Testing

/// The example template sets in Templates/Examples/ generate the dialect fixture into modules of
/// this package: each compiles without warnings, round-trips the fixture's payload as the default
/// templates' code does, and has the shape its templates promise.
struct ExampleTemplateTests {
    @Test func finalClassModelsAreReferencesThatCompareByValue() throws {
        let pet = try Fixture.decode(FinalClassExampleModels.Pet.self, "pet.json")
        #expect(try Fixture.json(pet) == Fixture.fileJSON("pet.json"))
        #expect((FinalClassExampleModels.Pet.self as Any.Type) is AnyObject.Type)
        let again = try Fixture.decode(FinalClassExampleModels.Pet.self, "pet.json")
        #expect(pet !== again)
        #expect(pet == again)
        #expect(Set([pet, again]).count == 1)
        // A cycle needs no box in a class: an owner holds an owner directly.
        let owner = try #require(pet.owner)
        #expect(owner.bestFriend?.bestFriend?.name == "Cy")
        #expect(owner != FinalClassExampleModels.Owner(name: owner.name))
        // Validation is the default templates': the constant is still checked.
        #expect(pet.validate().isEmpty)
    }

    @Test func identifiableWhereAnIDPropertyExists() throws {
        func identity<T: Identifiable>(_ value: T) -> T.ID { value.id }
        let pet = try Fixture.decode(IdentifiableExampleModels.Pet.self, "pet.json")
        #expect(identity(pet) == pet.id)
        #expect(try Fixture.json(pet) == Fixture.fileJSON("pet.json"))
        #expect((IdentifiableExampleModels.Pet.self as Any.Type) is any Identifiable.Type)
        #expect(!((IdentifiableExampleModels.Owner.self as Any.Type) is any Identifiable.Type), "Owner has no id")
    }

    @Test func noValidatorsLeavesValidationOutButDecodesTheSame() throws {
        let pet = try Fixture.decode(NoValidatorsExampleModels.Pet.self, "pet.json")
        #expect(try Fixture.json(pet) == Fixture.fileJSON("pet.json"))
        #expect(!((NoValidatorsExampleModels.Pet.self as Any.Type) is any Validatable.Type))
        #expect(!((NoValidatorsExampleModels.Food.self as Any.Type) is any Validatable.Type))
        #expect(!((NoValidatorsExampleModels.Size.self as Any.Type) is any Validatable.Type), "a closed enum")
        // The payload schema stays: a payload is still checked before decoding.
        let json = try Fixture.fileJSON("pet.json")
        #expect(PayloadValidator.validate(json, against: NoValidatorsExampleModels.Pet.payloadSchema).isEmpty)
    }
}
