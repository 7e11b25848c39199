import LearnsiteContent
import LearnsiteRendering
import LearnsiteOutput
import LearnsiteTheme

/// Builds each page's view model from the site skeleton and the rendered bodies, and renders it.
struct SiteRender {
    let renderer: SiteRenderer

    private var site: SiteSkeleton { renderer.site }
    private var config: SiteConfig { renderer.content.config }

    func render(_ page: SiteRenderer.Page) -> (file: OutputFile, warnings: [Diagnostic]) {
        if renderer.reuse?.listings == true, let path = listingPath(page) { return (OutputFile(unchangedAt: path), []) }
        switch page {
        case .home: return (home(), [])
        case .index(let kind): return (kindIndex(kind), [])
        case .document(let index): return document(index)
        case .themes: return (themeIndex(), [])
        case .theme(let index): return (themePage(site.themes[index]), [])
        case .glossary: return (glossary(), [])
        case .library: return (library(), [])
        case .accessibility: return (accessibility(), [])
        case .notFound: return (notFound(), [])
        case .feed: return (DiscoveryFiles(site: site, theme: renderer.theme).feed(), [])
        case .sitemap: return (DiscoveryFiles(site: site, theme: renderer.theme).sitemap(), [])
        case .robots: return (DiscoveryFiles(site: site, theme: renderer.theme).robots(), [])
        case .training: return (training(), [])
        case .search: return (file(SitePaths.search, "search", SimplePageView(layout: layout(SitePaths.search, title: "Search"))), [])
        }
    }

    /// Where a page that lists documents, or shows only what all pages share, goes (see
    /// `OutputReuse.listings`); nil for the home page (its introduction is not a shared input) and documents.
    private func listingPath(_ page: SiteRenderer.Page) -> String? {
        switch page {
        case .index(let kind): SitePaths.index(of: kind)
        case .themes: SitePaths.themes
        case .theme(let index): SitePaths.theme(site.themes[index].slug)
        case .glossary: SitePaths.glossary
        case .feed: SitePaths.feed
        case .sitemap: SitePaths.sitemap
        case .library: SitePaths.library
        case .training: SitePaths.training
        case .search: SitePaths.search
        case .accessibility: SitePaths.accessibility
        case .notFound: SitePaths.notFound
        case .robots: SitePaths.robots
        case .home, .document: nil
        }
    }

    private func file(_ path: String, _ template: String, _ view: any MustacheView) -> OutputFile {
        OutputFile(path: path, contents: renderer.theme.render(template, view))
    }

    private func layout(_ path: String, title: String, description: String? = nil, section: DocumentKind? = nil,
                        root: String? = nil, siteView: SiteView? = nil) -> LayoutView {
        let root = root ?? SitePaths.root(from: path)
        return LayoutView(
            site: siteView ?? site.view(root: root, current: section, currentPath: path),
            root: root,
            pageTitle: path == SitePaths.home ? title : "\(title) - \(config.shortName)",
            metaDescription: description,
            canonical: SitePaths.canonical(path, baseURL: config.baseURL))
    }

    private func home() -> OutputFile {
        let path = SitePaths.home
        // Bulletins lead, as the board's newest learning; plain pages are in the navigation instead.
        let sections = site.kinds.filter { $0 != .page && $0 != .course }.map { kind in
            let documents = site.documents(of: kind)
            return SectionView(title: kind.pluralTitle, href: SitePaths.index(of: kind),
                               documents: documents.prefix(SiteRenderer.homeSectionLength).map { site.link($0, from: path) },
                               total: documents.count)
        }
        let home = renderer.content.home
        let title = home?.title ?? config.name
        let view = HomePageView(layout: layout(path, title: title, description: config.description), title: title,
                                trainingHref: site.hasTraining ? SitePaths.training : nil,
                                upcomingSessions: site.upcomingSessions.count,
                                intro: home.map { renderer.renderer.renderIntro($0.body) },
                                sections: sections)
        return file(path, "home", view)
    }

    private func kindIndex(_ kind: DocumentKind) -> OutputFile {
        let path = SitePaths.index(of: kind)
        return list(path, title: kind.pluralTitle, documents: site.documents(of: kind), section: kind)
    }

    private func themePage(_ theme: SiteSkeleton.ThemeInfo) -> OutputFile {
        list(SitePaths.theme(theme.slug), title: theme.title, documents: theme.documents, section: nil)
    }

    private func list(_ path: String, title: String, documents: [Document], section: DocumentKind?) -> OutputFile {
        let view = ListPageView(layout: layout(path, title: title, section: section), title: title,
                                countText: "\(Self.count(documents)), newest first",
                                documents: documents.map { site.link($0, from: path) })
        return file(path, "list", view)
    }

    private func document(_ index: Int) -> (file: OutputFile, warnings: [Diagnostic]) {
        let document = site.documents[index]
        let body = renderer.bodies[document]
        let path = SitePaths.page(of: document)
        if let reuse = renderer.reuse, reuse.keeps(document) {
            return (OutputFile(unchangedAt: path), body.warnings)
        }
        let root = SitePaths.root(from: path)
        let view = DocumentPageView(
            layout: layout(path, title: document.title, description: document.summary, section: document.kind,
                           siteView: site.documentSites[document.kind]),
            title: document.title,
            kind: document.kind.singularTitle,
            kindIndexHref: root + SitePaths.index(of: document.kind),
            summary: document.summary,
            date: DateView(document.date),
            revised: document.revised.map(DateView.init),
            reviewBy: document.reviewBy.map(DateView.init),
            author: document.author,
            audience: document.audience,
            overdue: site.isOverdue(document),
            themes: document.themes.compactMap { slug in
                site.theme(slug).map { NavLink(title: $0.title, href: root + SitePaths.theme(slug), current: false) }
            },
            figures: document.figures.map(FigureView.init),
            discussion: document.discussion,
            body: body.htmlUTF8,
            references: body.references,
            course: document.courseDetails.map { details in
                CourseView(level: details.level, duration: details.duration, refreshYears: details.refreshYears,
                           outcomes: details.outcomes,
                           sessions: site.upcomingSessions.filter { $0.course == document.slug }.map { site.session($0, from: path) },
                           trainingHref: root + SitePaths.training)
            })
        return (file(path, document.kind.rawValue, view), body.warnings)
    }

    /// How many of the pages using a glossary term its entry links to.
    static let glossaryUsesShown = 10

    /// "1 document", "3 documents".
    static func count(_ documents: [Document]) -> String {
        "\(documents.count) document\(documents.count == 1 ? "" : "s")"
    }

    private func themeIndex() -> OutputFile {
        let path = SitePaths.themes
        let themes = site.themes.map { theme in
            ThemeSummary(title: theme.title, href: SitePaths.root(from: path) + SitePaths.theme(theme.slug),
                         count: Self.count(theme.documents))
        }
        return file(path, "themes", ThemeIndexView(layout: layout(path, title: "Themes"), themes: themes))
    }

    private func training() -> OutputFile {
        let path = SitePaths.training
        let courses = site.documents(of: .course)
        let view = TrainingPageView(layout: layout(path, title: "Upcoming training", section: .course),
                                    sessions: site.upcomingSessions.map { site.session($0, from: path) },
                                    coursesHref: courses.isEmpty ? nil : SitePaths.root(from: path) + SitePaths.index(of: .course))
        return file(path, "training", view)
    }

    private func glossary() -> OutputFile {
        let path = SitePaths.glossary
        // Made here, not up front: a rebuild usually keeps the glossary page, and this took 10 ms of one.
        // By the term's place in the glossary (hashing every use of every term showed in a large build's profile).
        let glossary = renderer.content.glossary
        var termUsage = [[Int]](repeating: [], count: glossary.count)
        for (index, document) in site.documents.enumerated() {
            for place in renderer.bodies[document].abbreviationPlaces { termUsage[place].append(index) }
        }
        // A term listed twice is used at its first place.
        let firstPlace = Dictionary(glossary.enumerated().map { ($1.term, $0) }, uniquingKeysWith: { first, _ in first })
        let terms = glossary.sorted { $0.term.localizedCaseInsensitiveCompare($1.term) == .orderedAscending }
        let entries = terms.map { term in
            // A large archive uses a term on thousands of pages: list the newest, count the rest. The newest
            // are picked in one pass (sorting every user of every term showed in a large build's profile).
            let users = termUsage[firstPlace[term.term]!]
            let shown = newest(Self.glossaryUsesShown, of: users).map { site.documents[$0] }
            return GlossaryEntry(term: term.term, expansion: term.expansion, definition: term.definition,
                                 id: "term-" + term.term.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined(),
                                 usedOn: shown.map { site.link($0, from: path) },
                                 moreText: users.count > shown.count ? "and \(users.count - shown.count) more documents" : nil)
        }
        let letters = Dictionary(grouping: entries) { String($0.term.prefix(1)).uppercased() }
            .sorted { $0.key < $1.key }
            .map { GlossaryLetter(letter: $0.key, terms: $0.value) }
        return file(path, "glossary", GlossaryPageView(layout: layout(path, title: "Glossary of abbreviations"), letters: letters))
    }

    /// The `count` newest of `documents` (indexes into the site's documents), newest first; of two from
    /// the same day, the one first in the site's order.
    private func newest(_ count: Int, of documents: [Int]) -> [Int] {
        func isNewer(_ a: Int, _ b: Int) -> Bool {
            let (first, second) = (site.documents[a].date, site.documents[b].date)
            return first != second ? first > second : a < b
        }
        var newest: [Int] = []
        for document in documents where newest.count < count || isNewer(document, newest[count - 1]) {
            let place = newest.firstIndex { isNewer(document, $0) } ?? newest.endIndex
            newest.insert(document, at: place)
            if newest.count > count { newest.removeLast() }
        }
        return newest
    }

    private func library() -> OutputFile {
        let path = SitePaths.library
        let references = renderer.content.references.sorted {
            ($0.author ?? $0.title).localizedCaseInsensitiveCompare($1.author ?? $1.title) == .orderedAscending
        }
        return file(path, "library", LibraryPageView(layout: layout(path, title: "Reference library"),
                                                     references: references))
    }

    private func accessibility() -> OutputFile {
        let path = SitePaths.accessibility
        let view = AccessibilityPageView(layout: layout(path, title: "Accessibility statement"), boardName: config.name,
                                         contactEmail: config.accessibilityEmail ?? config.contacts.compactMap(\.email).first,
                                         lastReviewed: config.accessibilityReviewed?.longForm)
        return file(path, "accessibility", view)
    }

    private func notFound() -> OutputFile {
        let path = SitePaths.notFound
        let view = SimplePageView(layout: layout(path, title: "Page not found", root: SitePaths.absoluteRoot(baseURL: config.baseURL)))
        return file(path, "404", view)
    }
}
