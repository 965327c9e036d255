import DocgenClient
import DocgenDocs
import DocgenRender
import DocgenSwift

extension TemplateSet {
    /// Every default template: the Swift files', the doc pages' and the client's.
    public static let defaults = TemplateSet.swiftDefaults.merging(.docsDefaults).merging(.clientDefaults)
}
