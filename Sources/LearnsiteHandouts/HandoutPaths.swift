import LearnsiteContent

/// Where handouts live under `Output/handouts/`: `bulletins/<slug>.html`, `packs/<slug>.html`, the PDF beside each.
public enum HandoutPaths {
    static let index = "index.html"

    public static func handout(_ document: Document) -> String { "\(document.kind.folder)/\(document.slug).html" }

    static func pack(_ pack: Document) -> String { "packs/\(pack.slug).html" }

    static func pdf(for html: String) -> String { String(html.dropLast(".html".count)) + ".pdf" }
}
