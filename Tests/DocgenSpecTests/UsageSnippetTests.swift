import DocgenDiagnostics
import DocgenDialects
import DocgenMarkdown
import DocgenSpec
import Testing

/// An operation's usage snippet names the SDK's client class and the accessors that lead to the
/// method; `docgen diff --format speakeasy` writes them as the changelog's method names.
struct UsageSnippetTests {
    static func section(_ snippet: String, fence: String, dialect: Dialect, method: String = "list") -> OperationSection? {
        let text = "# Users\n\n## \(method)\n\nList users.\n\n### Example Usage\n\n```\(fence)\n\(snippet)\n```\n"
        let file = SourceFile(relativePath: "sdks/users/README.md", text: text)
        var diagnostics = Diagnostics()
        let page = PageExtractor.extract(MarkdownParser.parse(file), from: file, dialect: dialect, diagnostics: &diagnostics)
        guard case .operations(let sections) = page.content else { return nil }
        return sections.first
    }

    static func call(_ snippet: String, fence: String, dialect: Dialect, method: String = "list") -> [String] {
        let text = "# Users\n\n## \(method)\n\nList users.\n\n### Example Usage\n\n```\(fence)\n\(snippet)\n```\n"
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

    /// Clerk's Ruby docs from CLI 1.722 call a method without arguments without parentheses;
    /// the result's accessors (`res.blocklist_identifiers.nil?`) are no call of it.
    @Test func rubyCallsAMethodWithoutArgumentsWithoutParentheses() {
        let snippet = """
        s = ::Clerk::OpenAPIClient.new(
          bearer_auth: '<YOUR_BEARER_TOKEN_HERE>'
        )
        res = s.blocklist_identifiers.list

        unless res.blocklist_identifiers.nil?
          # handle response
        end
        """
        #expect(Self.call(snippet, fence: "ruby", dialect: .ruby) == ["OpenAPIClient", "blocklist_identifiers", "list"])
        // An accessor named like the method is no call of it: `s.list.users(`.
        #expect(Self.call("s = ::Clerk::OpenAPIClient.new()\nres = s.list.users()\n", fence: "ruby", dialect: .ruby, method: "users")
            == ["OpenAPIClient", "list", "users"])
        // Python calls always have parentheses.
        #expect(Self.call("with UnifiedTo() as u:\n    res = u.users.list\n", fence: "python", dialect: .python) == [])
    }

    /// A struck heading deprecates the method; a DEPRECATED notice before its first `###` gives the message.
    @Test func aStruckMethodHeadingOrANoticeDeprecatesTheMethod() {
        let text = """
            # Users

            ## ~~list~~

            List users.

            > :warning: **DEPRECATED**: This will be removed in a future release.

            ### Example Usage

            ```python
            res = s.users.list()
            ```

            ## get

            > A quote that deprecates nothing.

            ### Example Usage

            ```python
            res = s.users.get()
            ```
            """
        let file = SourceFile(relativePath: "sdks/users/README.md", text: text)
        var diagnostics = Diagnostics()
        let page = PageExtractor.extract(MarkdownParser.parse(file), from: file, dialect: .python, diagnostics: &diagnostics)
        guard case .operations(let sections) = page.content else { Issue.record("no operations"); return }
        #expect(sections.map(\.method) == ["list", "get"])
        #expect(sections.first?.deprecation == Deprecation(message: "This will be removed in a future release."))
        #expect(sections.last?.deprecation == nil)
    }

    @Test func pythonCallsItsClientClass() {
        let snippet = "from unified_python_sdk import UnifiedTo\n\nwith UnifiedTo() as unified_to:\n\n    res = unified_to.users.list(limit=1)\n"
        #expect(Self.call(snippet, fence: "python", dialect: .python) == ["UnifiedTo", "users", "list"])
    }

    @Test func javaBuildsItsClientAndChainsAccessorCalls() {
        let snippet = """
        Egain sdk = Egain.builder()
                .accessToken(System.getenv().getOrDefault("ACCESS_TOKEN", ""))
            .build();

        ListResponse res = sdk.aiservices().users().list()
                .limit(10)
                .call();
        """
        #expect(Self.call(snippet, fence: "java", dialect: .java) == ["Egain", "aiservices", "users", "list"])
    }

    @Test func cSharpCallsTheMethodsAsyncTwin() {
        let snippet = """
        var sdk = new StackOneHQClient(security: new Security() { Username = "" });

        ListUsersResponse? res = await sdk.Hris.Users.ListAsync(req);
        """
        #expect(Self.call(snippet, fence: "csharp", dialect: .cSharp, method: "List") == ["StackOneHQClient", "Hris", "Users", "List"])
    }

    @Test func cSharpNamesThePackageItImports() {
        let snippet = "using StackOneHQ.Client;\nusing StackOneHQ.Client.Models.Components;\n\nvar sdk = new StackOneHQClient();\nvar res = await sdk.Hris.ListAsync(req);"
        #expect(Self.section(snippet, fence: "csharp", dialect: .cSharp, method: "List")?.package == "StackOneHQ.Client")
        // Only a dialect that says how a snippet imports its package has one.
        #expect(Self.section("import x\nres = s.users.list()", fence: "python", dialect: .python)?.package == nil)
    }

    @Test func phpBuildsItsClientAndUsesArrows() {
        let snippet = """
        declare(strict_types=1);

        require 'vendor/autoload.php';

        use Factuarea\\Sdk;

        $sdk = Sdk\\Factuarea::builder()
            ->setSecurity(new Components\\Security(http: '<token>'))
            ->build();

        $response = $sdk->account->list(
            limit: 10
        );
        """
        #expect(Self.call(snippet, fence: "php", dialect: .php) == ["Factuarea", "account", "list"])
    }

    @Test func goNamesTheClientAfterItsPackage() {
        let snippet = """
        func main() {
            ctx := context.Background()

            s := openrouter.New(
                openrouter.WithSecurity(os.Getenv("OPENROUTER_API_KEY")),
            )

            res, err := s.Analytics.list(ctx, nil)
        }
        """
        #expect(Self.call(snippet, fence: "go", dialect: .go) == ["Openrouter", "Analytics", "list"])
    }
}
