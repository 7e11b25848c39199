import Foundation
import LearnsiteContent
import LearnsiteRendering
import LearnsiteTheme

/// What the last build made of each document, kept beside the output (`Output/.learnsite-cache.json`),
/// so the next build renders again only the documents that changed, plus the pages that gather
/// many documents (home, indexes, themes, glossary, feeds), which are always made afresh.
struct BuildCache: Codable {
    static let fileName = ".learnsite-cache.json"
    /// Raised whenever what a page shows could change for the same inputs (a new release of learnsite),
    /// or the cache's own shape changes.
    static let format = 2

    var format = BuildCache.format
    /// Everything every document page depends on besides its own file.
    var shared: Fingerprint
    var documents: [String: Entry]

    /// What pages gathering many documents need of a body (terms used, references, warnings), not its HTML.
    /// References are kept by id: references.yml is a shared input, so while the cache holds they are
    /// the library's (writing each in full made the cache of a 10,000-page site 14 MB).
    struct Entry: Codable {
        var source: Fingerprint
        var abbreviations: [String]
        var references: [String]
        var warnings: [Diagnostic]

        init(source: Fingerprint, body: DocumentBody) {
            self.source = source
            abbreviations = body.abbreviations
            references = body.references.map(\.id)
            warnings = body.warnings
        }
    }

    static func load(from output: String) -> BuildCache? {
        let url = URL(fileURLWithPath: output).appendingPathComponent(fileName)
        guard let data = try? Data(contentsOf: url), let cache = try? JSONDecoder().decode(BuildCache.self, from: data),
              cache.format == format else { return nil }
        return cache
    }

    func save(to output: String) {
        let url = URL(fileURLWithPath: output).appendingPathComponent(Self.fileName)
        guard let data = try? JSONEncoder().encode(self) else { return }
        try? data.write(to: url, options: .atomic)
    }

    /// The inputs all document pages share: templates, site settings and data files, the date (review
    /// notices, upcoming sessions) and the shape of the navigation.
    static func sharedFingerprint(content: SiteContent, theme: Theme, today: Day) -> Fingerprint {
        var fingerprint = Fingerprint()
        fingerprint.add(String(format))
        fingerprint.add(theme.fingerprint)
        for file in ["site.yml", "glossary.yml", "references.yml", "training/sessions.csv"] {
            fingerprint.add(file)
            fingerprint.add(FileManager.default.contents(atPath: content.root + "/" + file) ?? Data())
        }
        fingerprint.add(today.description)
        fingerprint.add(Set(content.documents.map(\.kind.rawValue)).sorted().joined(separator: ","))
        for page in content.documents(of: .page) {
            fingerprint.add(page.slug)
            fingerprint.add(page.title)
        }
        fingerprint.add(content.documents.contains { !$0.themes.isEmpty } ? "themes" : "")
        return fingerprint
    }

    /// Documents whose file and shared inputs are as last time and whose outputs are still there.
    func unchanged(_ content: SiteContent, shared: Fingerprint, outputExists: (Document) -> Bool) -> [String: DocumentBody] {
        guard shared == self.shared else { return [:] }
        // A trainer pack prints the full text of what it includes, so those bodies are always rendered.
        let included = Set(content.documents(of: .handout).flatMap { $0.includedIDs.map(\.value) })
        let library = Dictionary(content.references.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var known: [String: DocumentBody] = [:]
        for document in content.documents where document.kind != .handout && !included.contains(document.id) {
            guard let entry = documents[document.id], entry.source == document.sourceFingerprint, outputExists(document) else { continue }
            known[document.id] = DocumentBody(html: "", abbreviations: entry.abbreviations,
                                              references: entry.references.compactMap { library[$0] }, warnings: entry.warnings)
        }
        return known
    }
}
