/// A piece of generated text — a line of Swift, a doc comment, a Markdown row — written as an
/// interpolated literal and built in one UTF-8 buffer: `text("case \(name) = \(key)")`.
///
/// Interpolating into a `String` costs about 450 instructions per piece (capacity, uniqueness
/// and ASCII/NFC bookkeeping on every append). A translated field has some sixty pieces, which
/// made string building a tenth of a whole run. Here the pieces are copied into a buffer on the
/// stack (a heap array only for the rare text longer than it), and the text is made once.
package func text(_ built: GeneratedText) -> String {
    built.string
}

package struct GeneratedText: ExpressibleByStringInterpolation {
    package let string: String

    package init(stringLiteral literal: StaticString) {
        string = literal.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
    }

    package init(stringInterpolation: Interpolation) {
        string = stringInterpolation.make()
    }

    package struct Interpolation: StringInterpolationProtocol {
        static let inlineCapacity = 192
        private var inline = InlineArray<192, UInt8>(repeating: 0)
        private var count = 0
        /// Everything so far, once the text outgrows `inline`.
        private var spilled: [UInt8]?

        package init(literalCapacity: Int, interpolationCount: Int) {}

        package mutating func appendLiteral(_ literal: StaticString) {
            literal.withUTF8Buffer { append($0) }
        }

        package mutating func appendInterpolation(_ value: String) {
            var value = value
            value.withUTF8 { append($0) }
        }

        package mutating func appendInterpolation(_ value: Int) {
            appendInterpolation(String(value))
        }

        package mutating func appendInterpolation(_ value: Bool) {
            appendInterpolation(value ? "true" : "false")
        }

        private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
            if spilled == nil, count + bytes.count <= Self.inlineCapacity {
                let at = count
                withUnsafeMutableBytes(of: &inline) { storage in
                    (storage.baseAddress! + at).copyMemory(from: source, byteCount: bytes.count)
                }
                count += bytes.count
                return
            }
            if spilled == nil {
                var heap = [UInt8]()
                heap.reserveCapacity(2 * (count + bytes.count))
                withUnsafeBytes(of: &inline) { heap.append(contentsOf: Self.bytes($0, count)) }
                spilled = heap
            }
            spilled!.append(contentsOf: bytes)
        }

        func make() -> String {
            if let spilled { return String(decoding: spilled, as: UTF8.self) }
            var inline = inline
            return withUnsafeBytes(of: &inline) { String(decoding: Self.bytes($0, count), as: UTF8.self) }
        }

        private static func bytes(_ storage: UnsafeRawBufferPointer, _ count: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(start: storage.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count)
        }
    }
}
