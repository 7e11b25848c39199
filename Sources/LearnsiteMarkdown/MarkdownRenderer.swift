import CCmarkGFM

/// The HTML of a Markdown body and what the site needs to know about it.
public struct RenderedMarkdown: Sendable, Equatable {
    public let html: String
    public let headings: [Heading]
}

/// Renders CommonMark + GFM (tables, strikethrough, autolinks, task lists, footnotes) to HTML.
///
/// Raw HTML and `javascript:` links are removed (cmark's safe mode) unless `allowRawHTML` is set,
/// which a site opts into with `unsafe_html: true`. Create one at start-up, before rendering
/// concurrently: creating it registers cmark-gfm's extensions, which is not thread-safe.
public struct MarkdownRenderer: Sendable {
    public let allowRawHTML: Bool

    public init(allowRawHTML: Bool = false) {
        self.allowRawHTML = allowRawHTML
        _ = CmarkExtensions.pinned
    }

    public func render(_ markdown: String) -> RenderedMarkdown {
        let document = CmarkDocument(markdown: markdown, allowRawHTML: allowRawHTML)
        let headings = HeadingAnchors.apply(to: document)
        return RenderedMarkdown(html: document.renderHTML(), headings: headings)
    }
}
