import CCmarkGFM
import Foundation

/// The HTML of a Markdown body and what the site needs to know about it.
public struct RenderedMarkdown: Sendable, Equatable {
    public let html: String
    public let headings: [Heading]
    /// Abbreviations explained on the page, in order of first use.
    public let abbreviations: [String]
    /// Every `[@id]`, in order; unknown ids have no number.
    public let citations: [Citation]
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

    /// - Parameters:
    ///   - abbreviations: terms to explain with `<abbr>` at first use.
    ///   - citable: ids `[@id]` may cite; nil leaves `[@...]` as written.
    public func render(_ markdown: String, abbreviations: Abbreviations = .none, citable: Set<String>? = nil) -> RenderedMarkdown {
        let document = CmarkDocument(markdown: markdown, allowRawHTML: allowRawHTML)
        cmark_consolidate_text_nodes(document.root)
        let citations = citable.map { Citations.apply(to: document, known: $0) } ?? []
        let used = abbreviations.apply(to: document)
        let headings = HeadingAnchors.apply(to: document)
        return RenderedMarkdown(html: Self.labelTaskCheckboxes(document.renderHTML()), headings: headings,
                                abbreviations: used, citations: citations)
    }

    /// The tasklist extension writes bare `<input type="checkbox">`s, which screen readers announce
    /// without a name; give each one ("To do" or "Done").
    static func labelTaskCheckboxes(_ html: String) -> String {
        // Foundation's `contains` on every page's HTML was a measurable share of a large build; the
        // checkbox only exists where cmark wrote `<input`, which a byte scan finds cheaply.
        guard html.utf8.firstRange(of: "<input type=\"checkbox\"".utf8) != nil else { return html }
        return html
            .replacingOccurrences(of: "<input type=\"checkbox\" checked=\"\" disabled=\"\" />",
                                  with: "<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Done\" />")
            .replacingOccurrences(of: "<input type=\"checkbox\" disabled=\"\" />",
                                  with: "<input type=\"checkbox\" disabled=\"\" aria-label=\"To do\" />")
    }
}
