import DocgenRender

/// The templates the client translator renders (files `Templates/client-….mustache`).
public enum ClientTemplate: String, Sendable, CaseIterable {
    case client = "client"
    case clientGroup = "client-group"
}

/// Every name a client template can look up. As for the models' templates, names and literals
/// arrive finished: identifiers escaped, strings as Swift literals, doc lines complete.
public enum ClientContextName: Int, Sendable, CaseIterable {
    // Every file (`swift-header`).
    case header, comments, imports, access, doc
    // The client.
    case typeName, clientType, defaultServer, credentials, hasCredentials, headers, hasHeaders, groups, schemeName, value, type, name, last
    // A group and its operations.
    case operations, method, arguments, variable, defaultValue, operationID, httpMethod, path, pathParameters, queryParameters,
         headerParameters, wireName, required, style, explode, jsonBody, bodyProperties, hasBodyProperties, streamBody, contentType, accept, security,
         returnType, returnsJSON, returnsStream, returnsNothing, errorType, errorCases, statuses, hasStatuses, deprecated, deprecationMessage

    public static let vocabulary = TemplateVocabulary(allCases.map { "\($0)" })
}

@inline(__always)
func context(_ pairs: KeyValuePairs<ClientContextName, TemplateValue>) -> TemplateObject {
    TemplateObject(pairs)
}

extension TemplateValue {
    /// Objects, each told whether it is the last (for separators).
    static func listed(_ objects: [TemplateObject]) -> TemplateValue {
        .list(objects.enumerated().map { index, object in
            var object = object
            object.names.append(ClientContextName.last.rawValue)
            object.values.append(.flag(index == objects.count - 1))
            return .object(object)
        })
    }
}
