/// A piece of generated text — a line of Swift, a doc comment, a Markdown row — written as an
/// interpolated literal and built in one UTF-8 buffer: `text("case \(name) = \(key)")`.
///
/// Interpolating into a `String` costs about 450 instructions per piece (capacity, uniqueness
/// and ASCII/NFC bookkeeping on every append). A translated field has some sixty pieces, which
/// made string building a tenth of a whole run; here a piece is one copy, and the text is
/// validated once at the end.
func text(_ built: GeneratedText) -> String {
    built.string
}

struct GeneratedText: ExpressibleByStringInterpolation {
    let string: String

    init(stringLiteral literal: StaticString) {
        string = literal.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
    }

    init(stringInterpolation: Interpolation) {
        string = String(decoding: stringInterpolation.bytes, as: UTF8.self)
    }

    struct Interpolation: StringInterpolationProtocol {
        var bytes: [UInt8] = []

        init(literalCapacity: Int, interpolationCount: Int) {
            bytes.reserveCapacity(literalCapacity + 24 * interpolationCount)
        }

        mutating func appendLiteral(_ literal: StaticString) {
            literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
        }

        mutating func appendInterpolation(_ value: String) {
            var value = value
            value.withUTF8 { bytes.append(contentsOf: $0) }
        }

        mutating func appendInterpolation(_ value: Int) {
            appendInterpolation(String(value))
        }

        mutating func appendInterpolation(_ value: Bool) {
            appendInterpolation(value ? "true" : "false")
        }
    }
}
