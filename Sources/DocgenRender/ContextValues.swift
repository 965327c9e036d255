import DocgenSwift

// What each render context offers its template, by name. Names are the property names of
// the context types in DocgenSwift/RenderUnit.swift.

extension TemplateValue {
    static func items(_ items: [ListItem]) -> TemplateValue { .list(items.map { .object($0) }) }
    static func optional(_ text: String?) -> TemplateValue { text.map(TemplateValue.text) ?? .null }
}

extension FileHeader: TemplateObject {
    public func child(named name: TemplateName) -> TemplateValue? {
        switch name {
        case .comments: .lines(comments)
        case .imports: .lines(imports)
        default: nil
        }
    }
}

extension ListItem: TemplateObject {
    public func child(named name: TemplateName) -> TemplateValue? {
        switch name {
        case .text: .text(text)
        case .last: .flag(last)
        default: nil
        }
    }
}

extension ObjectContext: TemplateObject {
    public func child(named name: TemplateName) -> TemplateValue? {
        switch name {
        case .header: .object(header)
        case .doc: .lines(doc)
        case .declaration: .text(declaration)
        case .access: .text(access)
        case .properties: .list(properties.map { .object($0) })
        case .initParameters: .items(initParameters)
        case .initAssignments: .lines(initAssignments)
        case .decodeLines: .lines(decodeLines)
        case .encodeLines: .lines(encodeLines)
        case .validateLines: .lines(validateLines)
        case .hasValidateLines: .flag(hasValidateLines)
        case .payloadSchemaLines: .lines(payloadSchemaLines)
        case .nestedDeclarations: .lines(nestedDeclarations)
        default: nil
        }
    }
}

extension AliasContext: TemplateObject {
    public func child(named name: TemplateName) -> TemplateValue? {
        switch name {
        case .header: .object(header)
        case .doc: .lines(doc)
        case .declaration: .text(declaration)
        default: nil
        }
    }
}

extension PropertyContext: TemplateObject {
    public func child(named name: TemplateName) -> TemplateValue? {
        switch name {
        case .doc: .lines(doc)
        case .attributes: .lines(attributes)
        case .declaration: .text(declaration)
        case .accessor: accessor.map { .object($0) } ?? .null
        default: nil
        }
    }
}

extension PropertyContext.Accessor: TemplateObject {
    public func child(named name: TemplateName) -> TemplateValue? {
        switch name {
        case .getter: .text(getter)
        case .setter: .text(setter)
        case .storage: .text(storage)
        default: nil
        }
    }
}

extension CaseContext: TemplateObject {
    public func child(named name: TemplateName) -> TemplateValue? {
        switch name {
        case .doc: .lines(doc)
        case .attributes: .lines(attributes)
        case .declaration: .text(declaration)
        default: nil
        }
    }
}

extension EnumContext: TemplateObject {
    public func child(named name: TemplateName) -> TemplateValue? {
        switch name {
        case .header: .object(header)
        case .doc: .lines(doc)
        case .declaration: .text(declaration)
        case .access: .text(access)
        case .`open`: .flag(open)
        case .cases: .list(cases.map { .object($0) })
        case .rawType: .text(rawType)
        case .typeName: .text(typeName)
        case .unknownCaseDoc: .lines(unknownCaseDoc)
        case .allCases: .items(allCases)
        case .initByLookup: .flag(initByLookup)
        case .initCases: .lines(initCases)
        case .rawValueCases: .lines(rawValueCases)
        case .payloadSchemaLines: .lines(payloadSchemaLines)
        default: nil
        }
    }
}

extension UnionContext: TemplateObject {
    public func child(named name: TemplateName) -> TemplateValue? {
        switch name {
        case .header: header.map { .object($0) } ?? .null
        case .doc: .lines(doc)
        case .declaration: .text(declaration)
        case .access: .text(access)
        case .cases: .list(cases.map { .object($0) })
        case .decodeLines: .lines(decodeLines)
        case .failureLine: .text(failureLine)
        case .encodeCases: .lines(encodeCases)
        case .validateCases: .lines(validateCases)
        case .hasValidateCases: .flag(hasValidateCases)
        case .payloadSchemaLines: .lines(payloadSchemaLines)
        default: nil
        }
    }
}

extension DocPageContext: TemplateObject {
    public func child(named name: TemplateName) -> TemplateValue? {
        switch name {
        case .title: .text(title)
        case .intro: .lines(intro)
        case .propertyRows: .lines(propertyRows)
        case .hasProperties: .flag(hasProperties)
        case .caseRows: .lines(caseRows)
        case .hasCases: .flag(hasCases)
        case .caseNote: .optional(caseNote)
        case .leftOut: .lines(leftOut)
        case .hasLeftOut: .flag(hasLeftOut)
        default: nil
        }
    }
}

extension DocIndexContext: TemplateObject {
    public func child(named name: TemplateName) -> TemplateValue? {
        name == .rows ? .lines(rows) : nil
    }
}

extension RenderUnit.Context {
    var templateValue: TemplateValue {
        switch self {
        case .object(let c): .object(c)
        case .enumeration(let c): .object(c)
        case .union(let c): .object(c)
        case .alias(let c): .object(c)
        case .docPage(let c): .object(c)
        case .docIndex(let c): .object(c)
        }
    }
}
