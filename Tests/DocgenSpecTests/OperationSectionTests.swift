import DocgenDiagnostics
import DocgenDialects
import DocgenMarkdown
import DocgenSpec
import Testing

/// What an operations page's sections say, as written: the UsageSnippet comment's attributes,
/// the Errors table's cells, and which `##` headings are methods.
struct OperationSectionTests {
    func sections(_ text: String, dialect: Dialect = .java) -> [OperationSection] {
        let file = SourceFile(relativePath: "sdks/article/README.md", text: text)
        var diagnostics = Diagnostics()
        let page = PageExtractor.extract(MarkdownParser.parse(file), from: file, dialect: dialect, diagnostics: &diagnostics)
        guard case .operations(let sections) = page.content else { return [] }
        return sections
    }

    @Test func theUsageSnippetCommentGivesTheOperationIdMethodAndPath() {
        let comment = #"<!-- UsageSnippet language="python" operationID="getConfigGroupAclByProductAndId" method="get" path="/products/{product}/groups/{id}/acl" -->"#
        let location = SourceLocation(file: "a.md", line: 3, column: 1)
        #expect(EndpointComment.parse(comment, at: location)
            == EndpointComment(operationID: "getConfigGroupAclByProductAndId", method: "get", path: "/products/{product}/groups/{id}/acl", location: location))
        #expect(EndpointComment.parse("<!-- Start Summary [summary] -->", at: location) == nil)
        #expect(EndpointComment.parse(#"<!-- UsageSnippet language="go" operationID="x" -->"#, at: location) == nil)
    }

    @Test func onlyTheListedHeadingsAreMethodsWhenThePageListsThem() {
        let text = """
        # Article

        ## Overview

        ### Available Operations

        * [getArticleById](#getarticlebyid) - Get an article
        * [list](#list) - List articles

        ## getArticleById

        # Import Content

        ## Overview

        Text.

        ## Prerequisites

        ### Example Usage

        <!-- UsageSnippet language="java" operationID="getArticleById" method="get" path="/articles/{id}" -->
        ```java
        sdk.article().getArticleById().call();
        ```

        ## list

        ### Example Usage

        <!-- UsageSnippet language="java" operationID="listArticles" method="get" path="/articles" -->
        ```java
        sdk.article().list().call();
        ```
        """
        let found = sections(text)
        #expect(found.map(\.method) == ["getArticleById", "list"])
        #expect(found.map { $0.endpoint?.operationID } == ["getArticleById", "listArticles"])
    }

    @Test func errorRowsKeepTheirStatusAndContentTypeCells() {
        let text = """
        # Pets

        ## get

        ### Errors

        | Error Object    | Status Code   | Content Type     |
        | --------------- | ------------- | ---------------- |
        | errors.NotFound | 401, 404      | application/json |
        | errors.SDKError | 4xx-5xx       | */*              |
        | errors.APIError | 4XX, 5XX      | \\*/\\*          |
        """
        let rows = sections(text, dialect: .typeScript).first?.errors ?? []
        #expect(rows.map(\.name) == ["errors.NotFound", "errors.SDKError", "errors.APIError"])
        #expect(rows.map(\.statuses) == ["401, 404", "4xx-5xx", "4XX, 5XX"])
        #expect(rows.map(\.contentType) == ["application/json", "*/*", "*/*"])
        #expect(rows.first?.location == SourceLocation(file: "sdks/article/README.md", line: 9, column: 3))
    }
}
