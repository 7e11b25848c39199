import LearnsiteContent
import LearnsiteMarkdown

/// A document's body as every output shows it: HTML with glossary terms and citations resolved, and
/// the references to list after it. A class: each page, handout and cache entry made from a body took a
/// copy, which retained each of its six arrays.
public final class DocumentBody: Sendable {
    /// UTF-8, as cmark-gfm wrote it (see `RenderedMarkdown.htmlUTF8`).
    public let htmlUTF8: [UInt8]
    /// Glossary terms the body explains, in order of first use.
    public let abbreviations: [String]
    /// Where each of `abbreviations` first comes in the glossary: pages gathering terms and the build
    /// cache go by these, not by hashing the terms.
    public let abbreviationPlaces: [Int]
    /// Cited references first, numbered as cited, then those the front matter lists.
    public let references: [Reference]
    /// Where each of `references` comes in the reference library.
    public let referencePlaces: [Int]
    /// Problems in the body, at their file lines.
    public let warnings: [Diagnostic]

    /// A body whose terms and references are given by their places in `content`'s glossary and library;
    /// nil if a place is not there.
    public convenience init?(htmlUTF8: [UInt8], abbreviationPlaces: [Int], referencePlaces: [Int], warnings: [Diagnostic],
                             in content: SiteContent) {
        guard abbreviationPlaces.allSatisfy(content.glossary.indices.contains),
              referencePlaces.allSatisfy(content.references.indices.contains) else { return nil }
        self.init(htmlUTF8: htmlUTF8, abbreviations: abbreviationPlaces.map { content.glossary[$0].term },
                  abbreviationPlaces: abbreviationPlaces, references: referencePlaces.map { content.references[$0] },
                  referencePlaces: referencePlaces, warnings: warnings)
    }

    init(htmlUTF8: [UInt8], abbreviations: [String], abbreviationPlaces: [Int], references: [Reference], referencePlaces: [Int],
         warnings: [Diagnostic]) {
        self.htmlUTF8 = htmlUTF8
        self.abbreviations = abbreviations
        self.abbreviationPlaces = abbreviationPlaces
        self.references = references
        self.referencePlaces = referencePlaces
        self.warnings = warnings
    }

    /// Stands in for a body about to be rendered.
    static let none = DocumentBody(htmlUTF8: [], abbreviations: [], abbreviationPlaces: [], references: [], referencePlaces: [], warnings: [])
}

/// Renders every document's Markdown once, in parallel, for the site and the handouts to share.
/// Bodies are kept by the document's place in the list given, found by its identity: looking them up
/// by id string hashed it tens of thousands of times a build.
public struct DocumentBodies: Sendable {
    private let bodies: [DocumentBody]
    private let places: [ObjectIdentifier: Int]

    /// - Parameter known: bodies kept from the last build, in the order of `documents` (nil for those that
    ///   changed), or empty; documents with a known body are not rendered again.
    public init(renderer: BodyRenderer, documents: [Document], known: [DocumentBody?] = []) {
        precondition(known.isEmpty || known.count == documents.count, "known bodies must match the documents")
        let changed = documents.indices.filter { known.isEmpty || known[$0] == nil }
        let rendered = concurrentMap(changed) { renderer.render(documents[$0]) }
        var bodies = known.isEmpty ? rendered : known.map { $0 ?? DocumentBody.none }
        if !known.isEmpty {
            for (place, body) in zip(changed, rendered) { bodies[place] = body }
        }
        self.bodies = bodies
        places = Dictionary(uniqueKeysWithValues: documents.enumerated().map { (ObjectIdentifier($1), $0) })
    }

    public subscript(document: Document) -> DocumentBody {
        bodies[places[ObjectIdentifier(document)]!]
    }
}

/// Renders Markdown the way the board's documents need it: glossary terms explained, citations numbered.
public struct BodyRenderer: Sendable {
    let markdown: MarkdownRenderer
    let abbreviations: Abbreviations
    let references: [Reference]
    /// Where each reference id first comes in `references`.
    let library: [String: Int]
    /// The ids `[@id]` may cite, made once rather than for every document.
    let citable: Set<String>

    /// Create before any concurrent work: it prepares cmark-gfm, whose set-up is not thread-safe.
    public init(content: SiteContent) {
        markdown = MarkdownRenderer(allowRawHTML: content.config.unsafeHTML)
        // Pagefind indexes the expansion too, so "Multi Agency Safeguarding Hub" finds pages that say MASH.
        abbreviations = Abbreviations(content.glossary.map { ($0.term, $0.expansion) },
                                      extraAttributes: "data-pagefind-index-attrs=\"title\"")
        references = content.references
        library = Dictionary(content.references.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        citable = Set(library.keys)
    }

    /// Free text such as the home page's introduction: glossary terms explained, no citations.
    public func renderIntro(_ markdown: String) -> String {
        self.markdown.render(markdown, abbreviations: abbreviations).html
    }

    /// The code of a citation or reference id missing from references.yml.
    public static let unknownReference = "unknown-reference"

    public func render(_ document: Document) -> DocumentBody {
        let body = markdown.render(document.body, abbreviations: abbreviations, citable: citable)
        var warnings: [Diagnostic] = []
        // cmark counts lines from the start of the body; the file has the front matter above it.
        func fileLine(_ bodyLine: Int) -> Int { document.bodyStartLine + bodyLine - 1 }
        for heading in body.headings where heading.level == 1 {
            warnings.append(Diagnostic(.warning, file: document.sourcePath, line: fileLine(heading.line),
                "`# \(heading.text)` is a second main heading: the title is the page's only one, so start body headings at `##`"))
        }
        var listed: [String] = []
        for citation in body.citations {
            guard citation.number != nil else {
                warnings.append(Diagnostic(.warning, file: document.sourcePath, line: fileLine(citation.line),
                    "`[@\(citation.id)]` cites a reference that is not in references.yml; add it there or correct the id",
                    code: Self.unknownReference))
                continue
            }
            if !listed.contains(citation.id) { listed.append(citation.id) }
        }
        for id in document.references where !listed.contains(id.value) {
            guard library[id.value] != nil else {
                warnings.append(Diagnostic(.warning, file: document.sourcePath, line: id.line,
                    "the reference `\(id.value)` is not in references.yml; add it there or correct the id",
                    code: Self.unknownReference))
                continue
            }
            listed.append(id.value)
        }
        let places = listed.map { library[$0]! }
        return DocumentBody(htmlUTF8: body.htmlUTF8, abbreviations: body.abbreviations, abbreviationPlaces: body.abbreviationPlaces,
                            references: places.map { references[$0] }, referencePlaces: places, warnings: warnings)
    }
}
