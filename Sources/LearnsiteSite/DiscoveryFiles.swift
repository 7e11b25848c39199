import LearnsiteContent
import LearnsiteOutput
import LearnsiteTheme

/// The files that help readers and search engines find pages: the Atom feed, the sitemap and robots.txt.
/// Feed and sitemap need absolute addresses, so they exist only when `base_url` is set.
struct DiscoveryFiles {
    let site: SiteSkeleton
    let theme: Theme

    /// The kinds a practitioner subscribes to for new learning.
    static let feedKinds: Set<DocumentKind> = [.bulletin, .lesson]
    /// A feed carries what is new, as blog feeds do (Jekyll's carries 10): a reader checking it every day
    /// need not fetch a board's whole archive (5,500 entries, 3 MB, for a 10,000-page site).
    static let feedLength = 50

    struct FeedView {
        let title: String
        let author: String
        let siteURL: String
        let feedURL: String
        let updated: String
        let entries: [FeedEntry]
    }

    struct FeedEntry {
        let title: String
        let url: String
        let published: String
        let updated: String
        let summary: String?
        let kind: String
    }

    struct SitemapView {
        let urls: [SitemapURL]
    }

    struct SitemapURL {
        let loc: String
        let lastmod: String?
    }

    private var baseURL: String { site.config.baseURL ?? "" }

    func feed() -> OutputFile {
        // Sorted by keys taken out once: comparing documents retained both at every comparison.
        let documents = site.documents.filter { Self.feedKinds.contains($0.kind) }
            .map { (key: ($0.lastChanged, $0.slug), document: $0) }
            .sorted { $0.key > $1.key }
            .prefix(Self.feedLength)
            .map(\.document)
        let entries = documents.map { document in
            FeedEntry(title: document.title, url: SitePaths.page(of: document, after: baseURL, canonical: true),
                      published: Self.timestamp(document.date), updated: Self.timestamp(document.lastChanged),
                      summary: document.summary, kind: document.kind.singularTitle)
        }
        let view = FeedView(title: "\(site.config.name): learning bulletins and lessons", author: site.config.name, siteURL: baseURL,
                            feedURL: baseURL + SitePaths.feed,
                            updated: documents.first.map { Self.timestamp($0.lastChanged) } ?? "1970-01-01T00:00:00Z",
                            entries: entries)
        return OutputFile(path: SitePaths.feed, contents: theme.render("feed", view))
    }

    func sitemap() -> OutputFile {
        var urls = [SitemapURL(loc: baseURL, lastmod: nil)]
        urls += site.kinds.map { SitemapURL(loc: baseURL + SitePaths.canonicalPath(SitePaths.index(of: $0)), lastmod: nil) }
        urls += site.documents.map {
            SitemapURL(loc: SitePaths.page(of: $0, after: baseURL, canonical: true), lastmod: $0.lastChanged.description)
        }
        urls += site.themes.map { SitemapURL(loc: baseURL + SitePaths.canonicalPath(SitePaths.theme($0.slug)), lastmod: nil) }
        var extra = [SitePaths.accessibility]
        if !site.themes.isEmpty { extra.append(SitePaths.themes) }
        if !site.glossary.isEmpty { extra.append(SitePaths.glossary) }
        if !site.references.isEmpty { extra.append(SitePaths.library) }
        urls += extra.map { SitemapURL(loc: baseURL + SitePaths.canonicalPath($0), lastmod: nil) }
        return OutputFile(path: SitePaths.sitemap, contents: theme.render("sitemap", SitemapView(urls: urls)))
    }

    func robots() -> OutputFile {
        let sitemap = site.config.baseURL.map { $0 + SitePaths.sitemap }
        return OutputFile(path: SitePaths.robots, text: "User-agent: *\nAllow: /\n" + (sitemap.map { "Sitemap: \($0)\n" } ?? ""))
    }

    /// Atom wants a full timestamp; documents carry dates, so midnight UTC.
    static func timestamp(_ day: Day) -> String { "\(day)T00:00:00Z" }
}
