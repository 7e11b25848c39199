import CCmarkGFM
import CCmarkGFMShim
import Foundation

/// The HTML of a Markdown body and what the site needs to know about it.
public struct RenderedMarkdown: Sendable, Equatable {
    /// The HTML as cmark-gfm wrote it, in UTF-8: pages copy it as it is (see `html`).
    public let htmlUTF8: [UInt8]
    public let headings: [Heading]
    /// Abbreviations explained on the page, in order of first use.
    public let abbreviations: [String]
    /// Where each of `abbreviations` comes in the terms the `Abbreviations` were made from.
    public let abbreviationPlaces: [Int]
    /// Every `[@id]`, in order; unknown ids have no number.
    public let citations: [Citation]

    /// The HTML as a string, which costs a check of every byte for valid UTF-8 (for every body of a
    /// 10,000-page site, 2.5% of the build's instructions).
    public var html: String { String(decoding: htmlUTF8, as: UTF8.self) }
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
        let parsed = CmarkDocument.parse(markdown, allowRawHTML: allowRawHTML)
        let document = parsed.document
        var walk = parsed.inlines
        var citations: [Citation] = []
        if let citable { (citations, walk.texts) = Citations.apply(to: document, texts: walk.texts, known: citable) }
        let used = abbreviations.apply(to: document, texts: walk.texts)
        let headings = HeadingAnchors.apply(to: document, headings: walk.headings)
        return RenderedMarkdown(htmlUTF8: document.renderHTML(Self.labelTaskCheckboxes), headings: headings,
                                abbreviations: used.terms, abbreviationPlaces: used.places, citations: citations)
    }

    /// The tasklist extension writes bare `<input type="checkbox">`s, which screen readers announce
    /// without a name; give each one ("To do" or "Done"). One pass over cmark's bytes: the generic
    /// `firstRange(of:)` and Foundation's replacing were most of a large build's Markdown time.
    static func labelTaskCheckboxes(_ html: UnsafeRawBufferPointer) -> [UInt8] {
        let marker = Array("<input type=\"checkbox\" ".utf8)
        let labels: [(attributes: [UInt8], labelled: [UInt8])] = [
            (Array("checked=\"\" disabled=\"\" />".utf8), Array("checked=\"\" disabled=\"\" aria-label=\"Done\" />".utf8)),
            (Array("disabled=\"\" />".utf8), Array("disabled=\"\" aria-label=\"To do\" />".utf8)),
        ]
        guard var hit = firstOccurrence(of: marker, in: html, from: 0) else { return Array(html) }
        var output: [UInt8] = []
        output.reserveCapacity(html.count + 256)
        var copied = 0
        while true {
            var next = hit + marker.count
            let rest = UnsafeRawBufferPointer(rebasing: html[next...])
            if let (attributes, labelled) = labels.first(where: { rest.starts(with: $0.attributes) }) {
                output.append(contentsOf: html[copied..<next])
                output.append(contentsOf: labelled)
                next += attributes.count
                copied = next
            }
            guard let found = firstOccurrence(of: marker, in: html, from: next) else { break }
            hit = found
        }
        output.append(contentsOf: html[copied...])
        return output
    }

    /// The offset of `needle` in `buffer` at or after `start`, by `memmem`: the needle starts with `<`, so
    /// `memchr` to each `<` and `memcmp` stopped at every tag of the page.
    private static func firstOccurrence(of needle: [UInt8], in buffer: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard let base = buffer.baseAddress, start <= buffer.count else { return nil }
        return needle.withUnsafeBytes { needle in
            learnsite_find_bytes(base + start, buffer.count - start, needle.baseAddress, needle.count)
                .map { base.distance(to: UnsafeRawPointer($0)) }
        }
    }
}
