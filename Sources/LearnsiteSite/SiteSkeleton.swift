import LearnsiteContent
import LearnsiteRendering

/// The site's structure, worked out once before rendering: which documents are published, grouped
/// by kind and by theme, and the library by id, so no page scans all the others. It needs no body, so a
/// build works it out while the bodies render.
public struct SiteSkeleton: Sendable {
    let config: SiteConfig
    /// Published documents, in `SiteContent` order.
    let documents: [Document]
    /// Kinds that have at least one published document, in navigation order.
    let kinds: [DocumentKind]
    /// Themes used by published documents, by title.
    let themes: [ThemeInfo]
    let references: [String: Reference]
    let glossary: [GlossaryTerm]
    /// Decides whether a review date has passed and which sessions are still to come.
    let today: Day
    /// Sessions on or after `today`, by date.
    let upcomingSessions: [TrainingSession]
    /// The contact boxes every page shows, made once.
    let contacts: [ContactView]
    /// The `SiteView` of each kind's document pages: all sit at one depth in one section (plain pages
    /// excepted: each is current in the navigation), so they share it and its rendered header and footer.
    private(set) var documentSites: [DocumentKind: SiteView] = [:]
    private let byKind: [DocumentKind: [Document]]
    private let themesBySlug: [String: ThemeInfo]

    struct ThemeInfo: Sendable {
        let slug: String
        let title: String
        let documents: [Document]
    }

    public init(content: SiteContent, today: Day) {
        config = content.config
        self.today = today
        upcomingSessions = content.sessions.filter { $0.date >= today }
        glossary = content.glossary
        contacts = content.config.contacts.map(ContactView.init)
        let documents = content.documents.filter { SitePaths.publishedKinds.contains($0.kind) }
        self.documents = documents
        let byKind = Dictionary(grouping: documents, by: \.kind)
        self.byKind = byKind
        kinds = SitePaths.publishedKinds.filter { byKind[$0] != nil }
        references = Dictionary(content.references.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        var byTheme: [String: [Document]] = [:]
        for document in documents where document.kind != .page {
            for theme in document.themes { byTheme[theme, default: []].append(document) }
        }
        let expansions = Dictionary(content.glossary.map { ($0.term.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        themes = byTheme.map { slug, documents in
            ThemeInfo(slug: slug, title: content.config.themeTitles[slug] ?? Self.title(ofTheme: slug, glossary: expansions),
                      documents: documents)
        }.sorted { $0.title.localizedCaseInsensitiveCompare($1.title) == .orderedAscending }
        themesBySlug = Dictionary(themes.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        for kind in kinds where kind != .page {
            let path = SitePaths.page(kind: kind, slug: "document")
            documentSites[kind] = view(root: SitePaths.root(from: path), current: kind, currentPath: path)
        }
    }

    /// The theme a document names, if any published document has it.
    func theme(_ slug: String) -> ThemeInfo? { themesBySlug[slug] }

    /// Unless site.yml names it, "cse" reads as "Child Sexual Exploitation (CSE)" when the glossary knows it, else "County lines".
    static func title(ofTheme slug: String, glossary: [String: GlossaryTerm]) -> String {
        if let term = glossary[slug] { return "\(term.expansion) (\(term.term))" }
        let words = slug.split(separator: "-").joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    func documents(of kind: DocumentKind) -> [Document] { byKind[kind] ?? [] }

    /// A training page exists when there are courses or sessions to show.
    var hasTraining: Bool { !documents(of: .course).isEmpty || !upcomingSessions.isEmpty }

    func session(_ session: TrainingSession, from path: String) -> SessionView {
        let course = documents(of: .course).first { $0.slug == session.course }
        let time = [session.start, session.end].compactMap { $0 }.joined(separator: " to ")
        return SessionView(courseTitle: course?.title ?? session.course,
                           courseHref: course.map { SitePaths.page(of: $0, after: SitePaths.root(from: path)) },
                           date: DateView(session.date), time: time.isEmpty ? nil : time, venue: session.venue,
                           places: session.places, bookingURL: session.bookingURL)
    }

    func isOverdue(_ document: Document) -> Bool {
        document.reviewBy.map { $0 < today } ?? false
    }

    func link(_ document: Document, from path: String) -> DocumentLink {
        DocumentLink(title: document.title,
                     href: SitePaths.page(of: document, after: SitePaths.root(from: path)),
                     summary: document.summary,
                     kind: document.kind.singularTitle,
                     date: document.date.longForm,
                     dateISO: document.date.description,
                     overdue: isOverdue(document))
    }

    /// Navigation: home, each kind's index, then each plain page (About, Privacy...).
    func view(root: String, current: DocumentKind?, currentPath: String) -> SiteView {
        var nav = [NavLink(title: "Home", href: root + SitePaths.home, current: currentPath == SitePaths.home)]
        for kind in kinds where kind != .page && kind != .course {
            nav.append(NavLink(title: kind.pluralTitle, href: root + SitePaths.index(of: kind), current: kind == current))
        }
        if hasTraining {
            nav.append(NavLink(title: "Training", href: root + SitePaths.training,
                               current: current == .course || currentPath == SitePaths.training))
        }
        for page in documents(of: .page) {
            let path = SitePaths.page(of: page)
            nav.append(NavLink(title: page.title, href: root + path, current: path == currentPath))
        }
        var footerLinks: [NavLink] = []
        if !themes.isEmpty { footerLinks.append(NavLink(title: "Themes", href: root + SitePaths.themes, current: currentPath == SitePaths.themes)) }
        if !glossary.isEmpty { footerLinks.append(NavLink(title: "Glossary", href: root + SitePaths.glossary, current: currentPath == SitePaths.glossary)) }
        if !references.isEmpty { footerLinks.append(NavLink(title: "Reference library", href: root + SitePaths.library, current: currentPath == SitePaths.library)) }
        footerLinks.append(NavLink(title: "Accessibility statement", href: root + SitePaths.accessibility, current: currentPath == SitePaths.accessibility))
        return SiteView(root: root, name: config.name, shortName: config.shortName, description: config.description,
                        language: config.language, nav: nav, footerLinks: footerLinks,
                        contacts: contacts, exitURL: config.exitURL,
                        feed: config.baseURL == nil ? nil : root + SitePaths.feed)
    }
}
