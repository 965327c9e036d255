import DocgenInput

// The start-up and size baseline: docgen's reader on a small text (the pipeline's modules linked,
// as DocgenKit's product brings them).
let text = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\npaths: {}\n"
if let value = try? YAMLReader.parse(text), case .object(let members) = value.value { print(members.count) }
