#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One spec document as loaded from disk: the boundary value between loading and parsing.
///
/// `relativePath` is relative to the spec root and uses `/`; it names the document in every
/// diagnostic and is the model id. A UTF-8 byte order mark is stripped (and remembered) and
/// CRLF / lone CR line ends are normalised to LF, so line numbers agree with every editor.
public struct SourceFile: Sendable, Equatable {
    public let relativePath: String
    /// The text with the BOM removed and line ends normalised to `\n`.
    public let text: String
    public let hadByteOrderMark: Bool
    /// UTF-8 offset of the first byte of each line; `lineStarts[0] == 0`.
    public let lineStarts: [Int]

    public init(relativePath: String, text: String, hadByteOrderMark: Bool = false) {
        self.relativePath = relativePath
        let normalised = Self.normalisingLineEnds(text)
        self.text = normalised
        self.hadByteOrderMark = hadByteOrderMark
        var starts = [0]
        var copy = normalised
        copy.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            starts.reserveCapacity(bytes.count / 32)
            var offset = 0
            while let newline = memchr(base + offset, 0x0A, bytes.count - offset) {
                offset = base.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(offset)
            }
        }
        self.lineStarts = starts
    }

    /// CRLF and lone CR become LF. Works on bytes: in Swift "\r\n" is one Character.
    private static func normalisingLineEnds(_ text: String) -> String {
        var copy = text
        guard copy.withUTF8({ bytes in bytes.baseAddress.map { memchr($0, 0x0D, bytes.count) != nil } ?? false }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for byte in text.utf8 {
            if byte == 0x0A, previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = byte == 0x0D
            out.append(previousWasCR ? 0x0A : byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes bytes as UTF-8; `nil` when they are not valid UTF-8.
    public init?(relativePath: String, bytes: [UInt8]) {
        var body = bytes[...]
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let hadBOM = body.starts(with: bom)
        if hadBOM { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else { return nil }
        self.init(relativePath: relativePath, text: text, hadByteOrderMark: hadBOM)
    }

    public var lineCount: Int { lineStarts.count }

    /// The text of a 1-based line without its line terminator; empty past the end.
    public func line(_ number: Int) -> Substring {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[number - 1])
        var end = number < lineStarts.count
            ? utf8.index(utf8.startIndex, offsetBy: lineStarts[number] - 1)
            : utf8.endIndex
        if end < start { end = start }
        return text[start..<end]
    }

    /// The UTF-8 offsets in `text` of a 1-based line without its line terminator (the bytes
    /// of `line(number)`); empty past the end.
    public func lineRange(_ number: Int) -> Range<Int> {
        guard number >= 1, number <= lineStarts.count else { return 0..<0 }
        let start = lineStarts[number - 1]
        let end = number < lineStarts.count ? lineStarts[number] - 1 : text.utf8.count
        return start..<max(start, end)
    }

    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: relativePath, line: line, column: column)
    }
}
