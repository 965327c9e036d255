import DocgenRuntime

/// OpenAPI's parameter serialisation (RFC 6570 styles as OpenAPI 3 uses them) over values
/// already turned into JSON. Percent-encoding happens once, when the request is assembled.
enum ParameterText {
    /// A scalar's text: strings as they are, numbers without a needless `.0`, booleans lower-cased.
    static func scalar(_ value: JSONValue) -> String? {
        switch value {
        case .null: nil
        case .bool(let flag): flag ? "true" : "false"
        case .integer(let number): String(number)
        case .double(let number): number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .string(let text): text
        case .array, .object: nil
        }
    }

    /// `simple` style (paths, headers): `a,b`; objects `k,v,k2,v2`, or `k=v,k2=v2` exploded.
    static func simple(_ value: JSONValue, explode: Bool) -> [String] {
        switch value {
        case .array(let items): items.compactMap(scalar)
        case .object(let members):
            members.sorted { $0.key < $1.key }.compactMap { key, member in
                scalar(member).map { explode ? "\(key)=\($0)" : "\(key),\($0)" }
            }
        default: scalar(value).map { [$0] } ?? []
        }
    }

    /// Query items for one parameter, unencoded.
    static func query(name: String, _ value: JSONValue, style: OperationRequest.Style, explode: Bool) -> [(name: String, value: String)] {
        switch (value, style) {
        case (.object(let members), .deepObject):
            return members.sorted { $0.key < $1.key }.flatMap { key, member -> [(name: String, value: String)] in
                if case .array(let items) = member {
                    return items.compactMap(scalar).map { ("\(name)[\(key)]", $0) }
                }
                return scalar(member).map { [("\(name)[\(key)]", $0)] } ?? []
            }
        case (.object(let members), _):
            let pairs = members.sorted { $0.key < $1.key }.compactMap { key, member in scalar(member).map { (key, $0) } }
            return explode ? pairs.map { (name: $0.0, value: $0.1) } : [(name, pairs.map { "\($0.0),\($0.1)" }.joined(separator: ","))]
        case (.array(let items), _):
            let texts = items.compactMap(scalar)
            if explode { return texts.map { (name, $0) } }
            let separator = style == .spaceDelimited ? " " : style == .pipeDelimited ? "|" : ","
            return [(name, texts.joined(separator: separator))]
        default:
            return scalar(value).map { [(name, $0)] } ?? []
        }
    }

    /// RFC 3986's unreserved characters stay; everything else is percent-encoded. A deepObject
    /// key keeps its brackets, as the SDKs send them.
    static func percentEncoded(_ text: String, keepBrackets: Bool) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "[") where keepBrackets, UInt8(ascii: "]") where keepBrackets:
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".utf8)
                result.unicodeScalars.append("%")
                result.unicodeScalars.append(Unicode.Scalar(hex[Int(byte >> 4)]))
                result.unicodeScalars.append(Unicode.Scalar(hex[Int(byte & 0xF)]))
            }
        }
        return result
    }

    static func percentEncoded(_ text: String) -> String { percentEncoded(text, keepBrackets: false) }
}
