import DocgenInput
import Yams

// tiny-docgen with Yams linked beside it and used: the same text through both readers.
let text = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\npaths: {}\n"
if let value = try? YAMLReader.parse(text), case .object(let members) = value.value { print(members.count) }
if let node = try? Yams.compose(yaml: text), case .mapping(let mapping) = node { print(mapping.count) }
