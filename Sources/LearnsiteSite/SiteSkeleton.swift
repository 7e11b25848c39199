import LearnsiteContent

/// The site's structure, worked out once before rendering: which documents are published,
/// grouped by kind, and the reference library by id, so no page scans all the others.
struct SiteSkeleton: Sendable {
    let config: SiteConfig
    /// Published documents, in `SiteContent` order.
    let documents: [Document]
    /// Kinds that have at least one published document, in navigation order.
    let kinds: [DocumentKind]
    let references: [String: Reference]
    private let byKind: [DocumentKind: [Document]]

    init(content: SiteContent) {
        config = content.config
        documents = content.documents.filter { SitePaths.publishedKinds.contains($0.kind) }
        let byKind = Dictionary(grouping: documents, by: \.kind)
        self.byKind = byKind
        kinds = SitePaths.publishedKinds.filter { byKind[$0] != nil }
        references = Dictionary(content.references.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func documents(of kind: DocumentKind) -> [Document] { byKind[kind] ?? [] }

    func link(_ document: Document, from path: String) -> DocumentLink {
        DocumentLink(title: document.title,
                     href: SitePaths.root(from: path) + SitePaths.page(of: document),
                     summary: document.summary,
                     kind: document.kind.singularTitle,
                     date: document.date.longForm,
                     dateISO: document.date.description)
    }

    /// Navigation: home, each kind's index, then each plain page (About, Privacy...).
    func view(root: String, current: DocumentKind?, currentPath: String) -> SiteView {
        var nav = [NavLink(title: "Home", href: root + SitePaths.home, current: currentPath == SitePaths.home)]
        for kind in kinds where kind != .page {
            nav.append(NavLink(title: kind.pluralTitle, href: root + SitePaths.index(of: kind), current: kind == current))
        }
        for page in documents(of: .page) {
            let path = SitePaths.page(of: page)
            nav.append(NavLink(title: page.title, href: root + path, current: path == currentPath))
        }
        return SiteView(name: config.name, shortName: config.shortName, description: config.description,
                        language: config.language, nav: nav, contacts: config.contacts.map(ContactView.init))
    }
}
