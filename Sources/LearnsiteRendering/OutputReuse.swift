import Foundation

/// Which documents' pages are unchanged since the last build, so renderers keep the files the last
/// build left in the output tree instead of rendering them again (an incremental build).
public struct OutputReuse: Sendable {
    /// Document ids (`bulletins/x`) whose inputs are unchanged.
    public let documents: Set<String>
    /// Whether the pages that list documents (indexes, themes, glossary, feed, sitemap, the handouts
    /// index), and those that show only what all pages share (reference library, training, search,
    /// accessibility, 404, robots.txt), are as last time: what they show of every document (its front
    /// matter and the glossary terms its body uses) and everything pages share are unchanged.
    public let listings: Bool

    public init(documents: Set<String>, listings: Bool = false) {
        self.documents = documents
        self.listings = listings
    }
}
