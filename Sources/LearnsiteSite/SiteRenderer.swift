import Dispatch
import Foundation
import LearnsiteContent
import LearnsiteMarkdown
import LearnsiteOutput

/// Renders the public website from loaded content: one file per page plus the theme's assets.
///
/// Two parallel phases: first every document's Markdown (independent of the others), then every
/// page, since the glossary, theme and feed pages gather what the bodies produced. The output
/// order is fixed, which keeps two builds of the same input byte-identical.
public struct SiteRenderer: Sendable {
    let content: SiteContent
    let theme: Theme
    let markdown: MarkdownRenderer
    let abbreviations: Abbreviations
    let site: SiteSkeleton

    public struct Result: Sendable {
        public let files: [OutputFile]
        public let warnings: [Diagnostic]
        public let pageCount: Int
    }

    /// How many of each kind the home page shows before "All N ..." links to the kind's index.
    static let homeSectionLength = 5

    /// Create before any concurrent work: it prepares cmark-gfm, whose set-up is not thread-safe.
    /// - Parameter today: the date review deadlines are judged against.
    public init(content: SiteContent, theme: Theme, today: Day) {
        self.content = content
        self.theme = theme
        markdown = MarkdownRenderer(allowRawHTML: content.config.unsafeHTML)
        abbreviations = Abbreviations(content.glossary.map { ($0.term, $0.expansion) })
        site = SiteSkeleton(content: content, today: today)
    }

    enum Page {
        case home, themes, glossary, library, accessibility, notFound, feed, sitemap, robots
        case index(DocumentKind)
        case document(Int)
        case theme(Int)
    }

    public func render() -> Result {
        let citable = Set(site.references.keys)
        let bodies = Self.concurrentMap(site.documents) { markdown.render($0.body, abbreviations: abbreviations, citable: citable) }
        let pages = SiteRender(renderer: self, bodies: bodies)
        var list: [Page] = [.home] + site.kinds.map(Page.index) + site.documents.indices.map(Page.document)
        if !site.themes.isEmpty { list += [.themes] + site.themes.indices.map(Page.theme) }
        if !content.glossary.isEmpty { list.append(.glossary) }
        if !site.references.isEmpty { list.append(.library) }
        list += [.accessibility, .notFound, .robots]
        if content.config.baseURL != nil { list += [.feed, .sitemap] }
        let rendered = Self.concurrentMap(list, pages.render)

        var warnings = rendered.flatMap(\.warnings)
        if content.config.baseURL == nil {
            warnings.append(Diagnostic(.warning, file: "\(content.root)/site.yml",
                "there is no `base_url`, so the site has no Atom feed, sitemap or canonical addresses; add `base_url: https://...`"))
        }
        let assets = theme.assets.keys.sorted().map { OutputFile(path: "assets/\($0)", contents: theme.assets[$0]!) }
        let contentAssets = content.assets.map { path in
            OutputFile(path: "assets/\(path)", contents: Array(FileManager.default.contents(atPath: "\(content.root)/assets/\(path)") ?? Data()))
        }
        return Result(files: rendered.map(\.file) + assets + contentAssets, warnings: warnings, pageCount: list.count)
    }

    /// `map` across all cores, keeping order.
    static func concurrentMap<T: Sendable, R>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        var results = [R?](repeating: nil, count: items.count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let buffer = buffer
            DispatchQueue.concurrentPerform(iterations: items.count) { index in
                buffer[index] = transform(items[index])
            }
        }
        return results.map { $0! }
    }
}
