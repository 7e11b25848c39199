import LearnsiteContent

/// Where each page of the site lives. Pages use pretty URLs (`bulletins/<slug>/`) but link to
/// `index.html` explicitly and relatively, so the site works from a web server and opened from disk.
enum SitePaths {
    /// The kinds published as site pages (trainer packs and courses have their own outputs).
    static let publishedKinds: [DocumentKind] = [.bulletin, .strategy, .references, .lesson, .briefing, .page]

    static let home = "index.html"

    static func index(of kind: DocumentKind) -> String { "\(kind.folder)/index.html" }

    static func page(of document: Document) -> String { "\(document.kind.folder)/\(document.slug)/index.html" }

    /// The `../` prefix from a file at `path` back to the site root.
    static func root(from path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }

    /// The public address of a page, from `base_url`: `https://board.org/bulletins/cse/`.
    static func canonical(_ path: String, baseURL: String?) -> String? {
        guard let baseURL else { return nil }
        let pretty = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
        return baseURL + pretty
    }
}
