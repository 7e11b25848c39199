import Dispatch
import Foundation
import LearnsiteContent
import LearnsiteRendering
import LearnsiteOutput
import LearnsiteTheme

/// Renders the public website from loaded content: one file per page plus the theme's assets.
///
/// Two parallel phases: first every document's Markdown (independent of the others), then every
/// page, since the glossary, theme and feed pages gather what the bodies produced. The output
/// order is fixed, which keeps two builds of the same input byte-identical.
public struct SiteRenderer: Sendable {
    let content: SiteContent
    let theme: Theme
    let renderer: BodyRenderer
    let bodies: DocumentBodies
    let site: SiteSkeleton
    let reuse: OutputReuse?

    public struct Result: Sendable {
        public let files: [OutputFile]
        public let warnings: [Diagnostic]
        public let pageCount: Int
        /// Pages carried over unchanged from the last build.
        public let reusedCount: Int
    }

    /// How many of each kind the home page shows before "All N ..." links to the kind's index.
    static let homeSectionLength = 5

    /// - Parameters:
    ///   - today: the date review deadlines are judged against.
    ///   - bodies: the documents' rendered bodies, when the build has already rendered them for other outputs.
    ///   - reuse: unchanged documents whose pages are carried over from the last build.
    ///   - site: the site's structure for `content` and `today`, when it was worked out already.
    public init(content: SiteContent, theme: Theme, today: Day, renderer: BodyRenderer? = nil, bodies: DocumentBodies? = nil,
                reuse: OutputReuse? = nil, site: SiteSkeleton? = nil) {
        self.content = content
        self.theme = theme
        self.reuse = reuse
        self.site = site ?? SiteSkeleton(content: content, today: today)
        let renderer = renderer ?? BodyRenderer(content: content)
        self.renderer = renderer
        self.bodies = bodies ?? DocumentBodies(renderer: renderer, documents: self.site.documents)
    }

    enum Page {
        case home, themes, glossary, library, accessibility, notFound, feed, sitemap, robots, training, search
        case index(DocumentKind)
        case document(Int)
        case theme(Int)
    }

    /// - Parameters:
    ///   - progress: hears (pages done, pages in all) as pages finish.
    ///   - store: takes each page as soon as it is rendered (to write it) and returns what stands for it
    ///     in the result, so a large site is never held in memory whole; nil keeps every page's bytes.
    public func render(progress: (@Sendable (Int, Int) -> Void)? = nil,
                       store: (@Sendable (OutputFile) -> OutputFile)? = nil) -> Result {
        let pages = SiteRender(renderer: self)
        // Pages that list many documents first: the cores take pages in this order, and one left last
        // (the sitemap of a large site, say) kept one core busy while the other waited.
        var list: [Page] = [.home] + site.kinds.map(Page.index)
        if !site.themes.isEmpty { list += [.themes] + site.themes.indices.map(Page.theme) }
        if !content.glossary.isEmpty { list.append(.glossary) }
        if !site.references.isEmpty { list.append(.library) }
        if content.config.baseURL != nil { list += [.feed, .sitemap] }
        if site.hasTraining { list.append(.training) }
        list += [.search, .accessibility, .notFound, .robots]
        list += site.documents.indices.map(Page.document)
        let total = list.count
        var perPage: (@Sendable (Int) -> Void)?
        if let progress { perPage = { done in progress(done, total) } }
        let rendered: [(file: OutputFile, warnings: [Diagnostic])] = concurrentMap(list, progress: perPage) { page in
            let (file, warnings) = pages.render(page)
            return (store?(file) ?? file, warnings)
        }

        var warnings = rendered.flatMap(\.warnings)
        if content.config.baseURL == nil {
            warnings.append(Diagnostic(.warning, file: "\(content.root)/site.yml",
                "there is no `base_url`, so the site has no Atom feed, sitemap or canonical addresses; add `base_url: https://...`"))
        }
        let assets = theme.files(in: "assets").map { OutputFile(path: "assets/\($0.path)", contents: $0.bytes) }
        let contentAssets = content.assets.map { path in
            OutputFile(path: "assets/\(path)", contents: Array(FileManager.default.contents(atPath: "\(content.root)/assets/\(path)") ?? Data()))
        }
        return Result(files: rendered.map(\.file) + assets + contentAssets, warnings: warnings, pageCount: list.count,
                      reusedCount: rendered.filter(\.file.unchanged).count)
    }
}
