import Dispatch
import Foundation
import LearnsiteContent
import LearnsiteMarkdown
import LearnsiteOutput

/// Renders the public website from loaded content: one file per page plus the theme's assets.
///
/// Pages are independent, so they render concurrently; the output order is fixed, which keeps two
/// builds of the same input byte-identical.
public struct SiteRenderer: Sendable {
    let content: SiteContent
    let theme: Theme
    let markdown: MarkdownRenderer
    let site: SiteSkeleton

    public struct Result: Sendable {
        public let files: [OutputFile]
        public let warnings: [Diagnostic]
        public let pageCount: Int
    }

    /// Create before any concurrent work: it prepares cmark-gfm, whose set-up is not thread-safe.
    public init(content: SiteContent, theme: Theme) {
        self.content = content
        self.theme = theme
        self.markdown = MarkdownRenderer(allowRawHTML: content.config.unsafeHTML)
        self.site = SiteSkeleton(content: content)
    }

    enum Page {
        case home
        case index(DocumentKind)
        case document(Document)
    }

    /// How many of each kind the home page shows before "All N ..." links to the kind's index.
    static let homeSectionLength = 5

    public func render() -> Result {
        let pages: [Page] = [.home] + site.kinds.map(Page.index) + site.documents.map(Page.document)
        var rendered = [OutputFile?](repeating: nil, count: pages.count)
        var warnings = [[Diagnostic]](repeating: [], count: pages.count)
        rendered.withUnsafeMutableBufferPointer { files in
            warnings.withUnsafeMutableBufferPointer { notes in
                nonisolated(unsafe) let files = files, notes = notes
                DispatchQueue.concurrentPerform(iterations: pages.count) { index in
                    (files[index], notes[index]) = render(pages[index])
                }
            }
        }
        let assets = theme.assets.keys.sorted().map { OutputFile(path: "assets/\($0)", contents: theme.assets[$0]!) }
        let contentAssets = content.assets.map { path in
            OutputFile(path: "assets/\(path)", contents: Array(FileManager.default.contents(atPath: "\(content.root)/assets/\(path)") ?? Data()))
        }
        return Result(files: rendered.map { $0! } + assets + contentAssets,
                      warnings: warnings.flatMap { $0 }, pageCount: pages.count)
    }

    func render(_ page: Page) -> (OutputFile, [Diagnostic]) {
        switch page {
        case .home:
            return (renderHome(), [])
        case .index(let kind):
            let path = SitePaths.index(of: kind)
            let documents = site.documents(of: kind)
            let view = ListPageView(layout: layout(path: path, title: kind.pluralTitle, description: nil, section: kind),
                                    title: kind.pluralTitle,
                                    countText: "\(documents.count) document\(documents.count == 1 ? "" : "s"), newest first",
                                    documents: documents.map { site.link($0, from: path) })
            return (OutputFile(path: path, text: theme.render("list", view)), [])
        case .document(let document):
            return renderDocument(document)
        }
    }

    private func renderHome() -> OutputFile {
        let path = SitePaths.home
        // Bulletins lead, as the board's newest learning; plain pages are in the navigation instead.
        let sections = site.kinds.filter { $0 != .page }.map { kind in
            let documents = site.documents(of: kind)
            return SectionView(title: kind.pluralTitle, href: SitePaths.index(of: kind),
                               documents: documents.prefix(Self.homeSectionLength).map { site.link($0, from: path) },
                               total: documents.count)
        }
        let view = HomePageView(
            layout: layout(path: path, title: content.home?.title ?? content.config.name,
                           description: content.config.description, section: nil),
            title: content.home?.title ?? content.config.name,
            intro: content.home.map { markdown.render($0.body).html },
            sections: sections)
        return OutputFile(path: path, text: theme.render("home", view))
    }

    private func renderDocument(_ document: Document) -> (OutputFile, [Diagnostic]) {
        let path = SitePaths.page(of: document)
        var warnings: [Diagnostic] = []
        let references = document.references.compactMap { id -> ReferenceView? in
            guard let reference = site.references[id.value] else {
                warnings.append(Diagnostic(.warning, file: document.sourcePath, line: id.line,
                    "the reference `\(id.value)` is not in references.yml; add it there or correct the id"))
                return nil
            }
            return ReferenceView(id: reference.id, title: reference.title, author: reference.author,
                                 publisher: reference.publisher, date: reference.date, url: reference.url)
        }
        let view = DocumentPageView(
            layout: layout(path: path, title: document.title, description: document.summary, section: document.kind),
            title: document.title,
            kind: document.kind.singularTitle,
            kindIndexHref: SitePaths.root(from: path) + SitePaths.index(of: document.kind),
            summary: document.summary,
            date: DateView(document.date),
            revised: document.revised.map(DateView.init),
            reviewBy: document.reviewBy.map(DateView.init),
            author: document.author,
            audience: document.audience,
            themes: document.themes,
            figures: document.figures.map { FigureView(label: $0.label, value: $0.value, note: $0.note) },
            discussion: document.discussion,
            body: markdown.render(document.body).html,
            references: references)
        return (OutputFile(path: path, text: theme.render(document.kind.rawValue, view)), warnings)
    }

    private func layout(path: String, title: String, description: String?, section: DocumentKind?) -> LayoutView {
        let root = SitePaths.root(from: path)
        return LayoutView(
            site: site.view(root: root, current: section, currentPath: path),
            root: root,
            pageTitle: path == SitePaths.home ? title : "\(title) - \(content.config.shortName)",
            metaDescription: description,
            canonical: SitePaths.canonical(path, baseURL: content.config.baseURL))
    }
}
