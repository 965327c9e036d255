import Yams

// Yams alone on the same small text.
let text = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\npaths: {}\n"
if let node = try? Yams.compose(yaml: text), case .mapping(let mapping) = node { print(mapping.count) }
