import Foundation
import LearnsiteContent

/// Which documents' pages are unchanged since the last build, so renderers keep the files the last
/// build left in the output tree instead of rendering them again (an incremental build).
public struct OutputReuse: Sendable {
    /// The documents whose inputs are unchanged, by identity (hashing ids was a rebuild's cost).
    private let documents: Set<ObjectIdentifier>
    /// Whether the pages that list documents (indexes, themes, glossary, feed, sitemap, the handouts
    /// index), and those that show only what all pages share (reference library, training, search,
    /// accessibility, 404, robots.txt), are as last time: what they show of every document (its front
    /// matter and the glossary terms its body uses) and everything pages share are unchanged.
    public let listings: Bool

    public init(keeping documents: [Document], listings: Bool = false) {
        self.documents = Set(documents.map(ObjectIdentifier.init))
        self.listings = listings
    }

    /// Whether the document's outputs are kept as the last build left them.
    public func keeps(_ document: Document) -> Bool {
        documents.contains(ObjectIdentifier(document))
    }

    /// Whether any document's are: otherwise nothing of the last build's output is kept.
    public var keepsAny: Bool { !documents.isEmpty }
}
