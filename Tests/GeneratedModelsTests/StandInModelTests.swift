import DocgenRuntime
import Foundation
import StandInModels
import Testing

/// A model the docs link and do not describe is generated from the vendor's OpenAPI document
/// (`--openapi`), with the components it names: it decodes what the API sends, where it was
/// any JSON value before.
struct StandInModelTests {
    @Test func theLinkedModelDecodesAsTheDocumentDescribesIt() throws {
        let json = #"{"id":"o1","pet":{"pet_kind":"dog","names":["Rex",7],"age":3}}"#
        let order = try JSONDecoder().decode(Order.self, from: Foundation.Data(json.utf8))
        #expect(order.pet.petKind == .dog)
        #expect(order.pet.names == .jsonList([.string("Rex"), .integer(7)]))
        #expect(order.pet.age == 3)
        #expect(try Fixture.json(order) == Fixture.json(json))
    }

    @Test func whatTheDocumentRequiresIsRequired() throws {
        let json = #"{"id":"o1","pet":{"names":"Rex"}}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Order.self, from: Foundation.Data(json.utf8)) }
        let named = try JSONDecoder().decode(Pet.self, from: Foundation.Data(#"{"pet_kind":"cat","names":"Tom"}"#.utf8))
        #expect(named.names == .string("Tom") && named.petKind == .cat)
        #expect(PayloadValidator.validate(Foundation.Data(#"{"id":"o1","pet":{"pet_kind":"cat","names":"Tom"}}"#.utf8), as: Order.self).isEmpty)
    }
}
