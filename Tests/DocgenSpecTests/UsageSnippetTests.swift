import DocgenDiagnostics
import DocgenDialects
import DocgenMarkdown
import DocgenSpec
import Testing

/// An operation's usage snippet names the SDK's client class and the accessors that lead to the
/// method; `docgen diff --format speakeasy` writes them as the changelog's method names.
struct UsageSnippetTests {
    static func call(_ snippet: String, fence: String, dialect: Dialect) -> [String] {
        let text = "# Users\n\n## list\n\nList users.\n\n### Example Usage\n\n```\(fence)\n\(snippet)\n```\n"
        let file = SourceFile(relativePath: "sdks/users/README.md", text: text)
        var diagnostics = Diagnostics()
        let page = PageExtractor.extract(MarkdownParser.parse(file), from: file, dialect: dialect, diagnostics: &diagnostics)
        guard case .operations(let sections) = page.content else { return [] }
        return sections.first?.call ?? []
    }

    @Test func rubyConstructsItsClientWithNew() {
        let snippet = """
        require 'clerk_sdk_ruby'

        Models = ::Clerk::Models
        s = ::Clerk::OpenAPIClient.new(
              bearer_auth: '<YOUR_BEARER_TOKEN_HERE>',
            )

        res = s.users.list(request: req)
        """
        #expect(Self.call(snippet, fence: "ruby", dialect: .ruby) == ["OpenAPIClient", "users", "list"])
        // `.new(` is Ruby's: another dialect does not read it as a constructor.
        #expect(Self.call(snippet, fence: "ruby", dialect: .python) == [])
    }

    @Test func pythonCallsItsClientClass() {
        let snippet = "from unified_python_sdk import UnifiedTo\n\nwith UnifiedTo() as unified_to:\n\n    res = unified_to.users.list(limit=1)\n"
        #expect(Self.call(snippet, fence: "python", dialect: .python) == ["UnifiedTo", "users", "list"])
    }
}
