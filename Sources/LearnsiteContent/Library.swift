/// An abbreviation of `glossary.yml`, e.g. MASH: Multi Agency Safeguarding Hub.
public struct GlossaryTerm: Sendable, Equatable {
    public let term: String
    public let expansion: String
    public let definition: String?

    public init(term: String, expansion: String, definition: String? = nil) {
        self.term = term
        self.expansion = expansion
        self.definition = definition
    }
}

/// A report or publication of `references.yml`, cited by id. A class, though immutable: every body lists
/// the references it cites, and copying six strings for each cost a rebuild 10 ms.
public final class Reference: Sendable, Equatable {
    public let id: String
    public let title: String
    public let author: String?
    public let publisher: String?
    /// As written: `2014`, `2014-08` or a full date.
    public let date: String?
    public let url: String?

    public init(id: String, title: String, author: String? = nil, publisher: String? = nil,
                date: String? = nil, url: String? = nil) {
        self.id = id
        self.title = title
        self.author = author
        self.publisher = publisher
        self.date = date
        self.url = url
    }

    public static func == (lhs: Reference, rhs: Reference) -> Bool {
        (lhs.id, lhs.title, lhs.author, lhs.publisher, lhs.date, lhs.url) == (rhs.id, rhs.title, rhs.author, rhs.publisher, rhs.date, rhs.url)
    }
}

/// The optional introduction of the home page (`index.md`).
public struct HomeIntro: Sendable, Equatable {
    public let title: String?
    public let body: String
    public let sourcePath: String
    public let bodyStartLine: Int

    public init(title: String?, body: String, sourcePath: String, bodyStartLine: Int) {
        self.title = title
        self.body = body
        self.sourcePath = sourcePath
        self.bodyStartLine = bodyStartLine
    }
}

/// Everything the public site is built from, loaded and validated.
public struct SiteContent: Sendable {
    /// The content folder as the user named it.
    public let root: String
    public let config: SiteConfig
    /// Sorted by kind, then newest first, then slug: the order lists show.
    public let documents: [Document]
    public let glossary: [GlossaryTerm]
    public let references: [Reference]
    public let home: HomeIntro?
    /// Files under `assets/`, relative to it, published as they are.
    public let assets: [String]
    /// The public training calendar, by date.
    public let sessions: [TrainingSession]

    public init(root: String, config: SiteConfig, documents: [Document], glossary: [GlossaryTerm] = [],
                references: [Reference] = [], home: HomeIntro? = nil, assets: [String] = [], sessions: [TrainingSession] = []) {
        self.root = root
        self.config = config
        self.documents = SiteContent.listOrder(documents)
        self.glossary = glossary
        self.references = references
        self.home = home
        self.assets = assets
        self.sessions = sessions.sorted { ($0.date, $0.start ?? "", $0.course) < ($1.date, $1.start ?? "", $1.course) }
    }

    /// Sorted through keys taken out once: comparing the documents themselves retained and released both on
    /// every comparison, a third of the time a rebuild of 10,000 pages spent making its content model.
    private static func listOrder(_ documents: [Document]) -> [Document] {
        let kinds = Dictionary(uniqueKeysWithValues: DocumentKind.allCases.enumerated().map { ($1, $0) })
        let keys = documents.map { (kind: kinds[$0.kind]!, date: $0.date) }, slugs = documents.map(\.slug)
        let order = keys.withUnsafeBufferPointer { keys in
            slugs.withUnsafeBufferPointer { slugs in
                documents.indices.sorted { a, b in
                    if keys[a].kind != keys[b].kind { return keys[a].kind < keys[b].kind }
                    if keys[a].date != keys[b].date { return keys[a].date > keys[b].date }
                    return slugs[a] < slugs[b]
                }
            }
        }
        return order.map { documents[$0] }
    }

    public func documents(of kind: DocumentKind) -> [Document] {
        documents.filter { $0.kind == kind }
    }
}
