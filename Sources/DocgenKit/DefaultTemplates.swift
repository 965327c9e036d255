import DocgenDocs
import DocgenRender
import DocgenSwift

extension TemplateSet {
    /// Every default template: the Swift files' and the doc pages'.
    public static let defaults = TemplateSet.swiftDefaults.merging(.docsDefaults)
}
