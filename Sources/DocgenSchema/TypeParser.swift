import DocgenMarkdown

/// Parses a Type cell with one vocabulary. Two steps: tokens → syntax (shape only), then
/// syntax → `TypeExpression` (meaning, from the vocabulary). Nesting deeper than
/// `maximumDepth` is an error, which also bounds the parser's recursion.
public struct TypeParser: Sendable {
    public static let maximumDepth = 32
    public var vocabulary: TypeVocabulary

    public init(vocabulary: TypeVocabulary) {
        self.vocabulary = vocabulary
    }

    public func parse(_ inlines: [Inline]) -> Result<ParsedType, TypeProblem> {
        parse(tokens: TypeTokenizer.tokenize(inlines))
    }

    public func parse(_ text: String) -> Result<ParsedType, TypeProblem> {
        parse(MarkdownParser.parseInline(text))
    }

    public func parse(tokens: [TypeToken]) -> Result<ParsedType, TypeProblem> {
        do {
            guard !tokens.isEmpty else { throw TypeProblem(.typeEmpty, "Type cell is empty") }
            var reader = SyntaxReader(tokens: tokens, vocabulary: vocabulary)
            let syntax = try reader.readWhole(depth: 0)
            var interpreter = Interpreter(vocabulary: vocabulary)
            var parsed = ParsedType(expression: .resolved(.any))
            parsed.expression = try interpreter.interpret(syntax, link: nil, top: true, into: &parsed, depth: 0)
            parsed.warnings.append(contentsOf: interpreter.warnings)
            return .success(parsed)
        } catch let problem as TypeProblem {
            return .failure(problem)
        } catch {
            return .failure(TypeProblem(.typeMalformed, "\(error)"))
        }
    }
}
