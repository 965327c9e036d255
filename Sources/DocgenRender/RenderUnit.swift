/// One output file before templating: where it goes, the template that writes it and the
/// context that template reads. Built by a translator (DocgenSwift); the renderer knows no
/// language.
public struct RenderUnit: Sendable {
    public enum Destination: String, Sendable {
        case swift, docs
    }

    public var destination: Destination
    /// Relative to the destination folder.
    public var path: String
    /// A template's name in the `TemplateSet` (`swift-object`, `doc-model`, …).
    public var template: String
    public var context: TemplateObject

    public init(destination: Destination, path: String, template: String, context: TemplateObject) {
        self.destination = destination
        self.path = path
        self.template = template
        self.context = context
    }
}
