import LearnsiteContent

/// Where each page of the site lives. Pages use pretty URLs (`bulletins/<slug>/`) but link to
/// `index.html` explicitly and relatively, so the site works from a web server and opened from disk.
public enum SitePaths {
    /// The kinds published as site pages (trainer packs and courses have their own outputs).
    public static let publishedKinds: [DocumentKind] = [.bulletin, .strategy, .references, .lesson, .briefing, .course, .page]

    static let home = "index.html"
    static let themes = "themes/index.html"
    static let training = "training/index.html"
    static let search = "search/index.html"
    static let glossary = "glossary/index.html"
    static let library = "reference-library/index.html"
    static let accessibility = "accessibility/index.html"
    static let notFound = "404.html"
    static let feed = "feed.xml"
    static let sitemap = "sitemap.xml"
    static let robots = "robots.txt"

    static func index(of kind: DocumentKind) -> String { "\(kind.folder)/index.html" }

    /// `bulletins/cse/index.html`; after `prefix` when given (`../../`, or `https://board.org/`), and
    /// `bulletins/cse/` when `canonical` (the address as published).
    public static func page(of document: Document, after prefix: String = "", canonical: Bool = false) -> String {
        page(kind: document.kind, slug: document.slug, after: prefix, canonical: canonical)
    }

    static func page(kind: DocumentKind, slug: String, after prefix: String = "", canonical: Bool = false) -> String {
        // Written byte by byte into one string: list pages, the feed and the handouts ask for every
        // document's path, and appending the parts cost an allocation each and 1,500 instructions a path.
        var prefix = prefix, folder = kind.folder, slug = slug
        let end: StaticString = canonical ? "/" : "/index.html"
        return prefix.withUTF8 { prefix in
            folder.withUTF8 { folder in
                slug.withUTF8 { slug in
                    String(unsafeUninitializedCapacity: prefix.count + folder.count + slug.count + 1 + end.utf8CodeUnitCount) { path in
                        var at = 0
                        func put(_ bytes: UnsafeBufferPointer<UInt8>) {
                            _ = UnsafeMutableBufferPointer(rebasing: path[at...]).initialize(from: bytes)
                            at += bytes.count
                        }
                        put(prefix)
                        put(folder)
                        path[at] = UInt8(ascii: "/")
                        at += 1
                        put(slug)
                        put(UnsafeBufferPointer(start: end.utf8Start, count: end.utf8CodeUnitCount))
                        return at
                    }
                }
            }
        }
    }

    static func theme(_ slug: String) -> String { "themes/\(slug)/index.html" }

    /// The `../` prefix from a file at `path` back to the root of its tree (the site's, or the handouts'):
    /// one for each folder it is in. Counted on bytes, through `withUTF8` (iterating `path.utf8` cost more
    /// than twice as much): it is asked for every link on every page.
    public static func root(from path: String) -> String {
        var path = path
        let parts = path.withUTF8 { bytes in
            var parts = 0, inPart = false
            for byte in bytes {
                if byte == UInt8(ascii: "/") {
                    inPart = false
                } else if !inPart {
                    inPart = true
                    parts += 1
                }
            }
            return parts
        }
        let depth = max(0, parts - 1)
        return depth < rootPrefixes.count ? rootPrefixes[depth] : String(repeating: "../", count: depth)
    }

    /// `root(from:)` for the usual depths, made once rather than at every call.
    private static let rootPrefixes = (0..<8).map { String(repeating: "../", count: $0) }

    /// The public address of a page, from `base_url`: `https://board.org/bulletins/cse/`.
    public static func canonical(_ path: String, baseURL: String?) -> String? {
        baseURL.map { $0 + canonicalPath(path) }
    }

    /// A page's path as published: `bulletins/cse/` for `bulletins/cse/index.html`.
    static func canonicalPath(_ path: String) -> String {
        path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
    }

    /// The path part of `base_url` (`/` or `/safeguarding/`): the 404 page is served at any depth,
    /// so its links must start from the site's root rather than be relative.
    static func absoluteRoot(baseURL: String?) -> String {
        guard let baseURL, let scheme = baseURL.range(of: "://"),
              let slash = baseURL[scheme.upperBound...].firstIndex(of: "/") else { return "/" }
        return String(baseURL[slash...])
    }
}
