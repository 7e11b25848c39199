import Foundation
import LearnsiteContent
import LearnsiteRendering
import LearnsiteTheme

/// What the last build read and made, kept beside the output (`Output/.learnsite-cache`), so the next
/// build reads again only the files that changed and renders again only the documents that changed,
/// plus the pages that gather many documents (home, indexes, themes, glossary, feeds), which are
/// always made afresh.
struct BuildCache {
    static let fileName = ".learnsite-cache"
    /// Raised whenever what a page shows could change for the same inputs (a new release of learnsite),
    /// or the cache's own shape changes.
    static let format = 6

    /// The content folder as named for the build that made the cache: documents' messages name their
    /// files by it, so parsed files are reused only for the same name.
    var root: String
    /// Everything every document page depends on besides its own file.
    var shared: Fingerprint
    /// Whether handouts linked their PDFs (which the handouts index shows).
    var pdf: Bool
    var documents: [String: Entry]
    /// Every Markdown file as read, by path below the content folder.
    var parsed: [String: ParsedFile]
    /// The files of each output tree (`site`, `handouts`), when the build wrote nothing else into it
    /// (a search index or PDFs): the next build may then update that tree in place.
    var trees: [String: [String]] = [:]
    /// How `parsed` was read, for the next cache to copy what did not change (see `ParsedChunks`).
    var chunks: ParsedChunks?

    /// What pages gathering many documents need of a body (terms used, references, warnings), not its HTML,
    /// and what they show of its front matter. Terms and references are kept by their place in glossary.yml
    /// and references.yml: those are shared inputs, so while the cache holds they are as last time (as
    /// strings, terms and reference ids were a third of the time a rebuild took to read the cache).
    struct Entry: Archivable {
        var source: Fingerprint
        var frontMatter: Fingerprint
        var abbreviations: [Int]
        var references: [Int]
        var warnings: [Diagnostic]

        init(_ document: Document, body: DocumentBody) {
            source = document.sourceFingerprint
            frontMatter = document.frontMatterFingerprint
            abbreviations = body.abbreviationPlaces
            references = body.referencePlaces
            warnings = body.warnings
        }

        /// The body kept for a document whose file is as last time: all but its HTML (its pages are kept).
        /// Nil if a place is not in this content, which a cache that holds cannot have written.
        func body(in content: SiteContent) -> DocumentBody? {
            DocumentBody(htmlUTF8: [], abbreviationPlaces: abbreviations, referencePlaces: references, warnings: warnings, in: content)
        }

        func archive(into writer: inout ArchiveWriter) {
            writer.write(source)
            writer.write(frontMatter)
            writer.write(abbreviations)
            writer.write(references)
            writer.write(warnings)
        }

        init(from reader: inout ArchiveReader) throws(ArchiveError) {
            source = try reader.read()
            frontMatter = try reader.read()
            abbreviations = try reader.read()
            references = try reader.read()
            warnings = try reader.read()
        }
    }

    /// The parsed files of a cache and the content folder they were read from.
    typealias ParsedFiles = (root: String, parsed: [String: ParsedFile])

    /// Reads the cache, handing its parsed files to `parsedFirst` (always called, once) as soon as they are
    /// read: loading the content needs only those, so it need not wait for the rest (half of the
    /// reading, which was most of a rebuild's wait before loading could start).
    static func load(from output: String, parsedFirst: (ParsedFiles?) -> Void) -> BuildCache? {
        var handed = false
        func hand(_ files: ParsedFiles?) {
            if !handed { parsedFirst(files) }
            handed = true
        }
        defer { hand(nil) }
        guard var reader = ArchiveReader(mapping: output + "/" + fileName) else { return nil }
        do {
            guard try reader.read(Int.self) == format else { return nil }
            let root: String = try reader.read()
            let (chunks, parsed) = try ParsedChunks.read(from: &reader)
            hand((root, parsed))
            let cache = BuildCache(root: root, shared: try reader.read(), pdf: try reader.read(), documents: try reader.read(),
                                   parsed: parsed, trees: try reader.read(), chunks: chunks)
            return reader.isAtEnd ? cache : nil
        } catch {
            return nil
        }
    }

    static func remove(from output: String) {
        unlink(output + "/" + fileName)
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

    /// Documents whose file and shared inputs are as last time and whose outputs are still there: their
    /// bodies as kept, in the content's order (nil for the others); empty when no document is kept.
    func unchanged(_ content: SiteContent, shared: Fingerprint, outputExists: @Sendable (Document) -> Bool) -> [DocumentBody?] {
        guard shared == self.shared else { return [] }
        // A trainer pack prints the full text of what it includes, so those bodies are always rendered.
        let included = Set(content.documents(of: .handout).flatMap { $0.includedIDs.map(\.value) })
        // Each document on its own, so on all cores (one after another, this was 30 ms of a 10,000-page rebuild).
        let bodies = concurrentMap(content.documents) { document -> DocumentBody? in
            guard document.kind != .handout, !included.contains(document.id), let entry = documents[document.id],
                  entry.source == document.sourceFingerprint, outputExists(document) else { return nil }
            return entry.body(in: content)
        }
        return bodies.contains { $0 != nil } ? bodies : []
    }

    /// Whether the pages that list documents are as last time (see `OutputReuse.listings`): the same
    /// documents (so in the same order), each showing the same front matter and glossary terms, and PDFs
    /// linked or not as before. Only documents whose body was rendered again need comparing: a kept one
    /// was read from the same file. (Fingerprinting every document's terms took 15 ms of a rebuild.)
    func keepsListings(_ content: SiteContent, known: [DocumentBody?], bodies: DocumentBodies, pdf: Bool) -> Bool {
        guard pdf == self.pdf, known.count == content.documents.count, documents.count == content.documents.count else { return false }
        for (document, body) in zip(content.documents, known) where body == nil {
            guard let entry = documents[document.id], entry.frontMatter == document.frontMatterFingerprint,
                  entry.abbreviations == bodies[document].abbreviationPlaces else { return false }
        }
        return true
    }
}

/// The last build's cache, read on another thread: its parsed files as soon as they are read, for loading
/// the content, and the whole cache once it is.
final class CacheReading: Sendable {
    private let files = Handoff<BuildCache.ParsedFiles?>()
    private let cache: Background<BuildCache?>

    init(from output: String) {
        cache = Background { [files] in BuildCache.load(from: output, parsedFirst: files.set) }
    }

    var parsedFiles: BuildCache.ParsedFiles? { files.value }
    var value: BuildCache? { cache.value }
}

/// Writes a cache through a temporary file renamed into place, so a half-written cache is never read.
/// The work is done on another thread while the build goes on: first the parsed files, most of the
/// bytes, as soon as the content is loaded (into memory: the output folder may not be there yet; the
/// last cache's chunks of unchanged files are copied, see `ParsedChunks`), then
/// what the build worked out from them, once the output folder exists. Only the output trees, known when
/// the pages are written, are left for `finish`. (Written after rendering, the cache took 30 ms of a 0.27 s rebuild.)
final class CacheWriter: @unchecked Sendable {
    private var writer = ArchiveWriter()
    /// The work queued so far; each piece waits for the one before.
    private var work: Background<Void>?
    private var path: String?
    private var descriptor: Int32 = -1

    /// - Parameter previous: the last cache, whose parsed files are copied where they did not change.
    init(root: String, parsed: [String: ParsedFile], order: [String], previous: CacheReading?) {
        work = Background { [self] in
            // Room for all the parsed files: they are kept in memory until the output folder exists.
            writer = ArchiveWriter(reservingCapacity: parsed.reduce(root.utf8.count) { $0 + ParsedChunks.capacity($1.key, $1.value) })
            writer.write(BuildCache.format)
            writer.write(root)
            // Its files were taken for this build only if they were read from the same folder.
            let last = previous?.value ?? nil
            let reusable = last.flatMap { last in last.root == root ? last.chunks.map { ($0, last.parsed) } : nil }
            ParsedChunks.write(parsed, order: order, previous: reusable, into: &writer)
        }
    }

    /// Makes the cache and goes on with the rest of it (all but the parsed files and the trees), into
    /// the output folder.
    func save(_ cache: @escaping @Sendable () -> BuildCache, in output: String) {
        let path = output + "/" + BuildCache.fileName
        descriptor = open(path + ".new", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return }
        self.path = path
        let before = work
        work = Background { [self] in
            let cache = cache()
            before?.value
            writer.continue(in: descriptor)
            writer.write(cache.shared)
            writer.write(cache.pdf)
            writer.write(cache.documents)
        }
    }

    /// Adds the output trees (see `BuildCache.trees`) and puts the cache in place.
    func finish(trees: [String: [String]]) {
        work?.value
        guard let path else { return }
        writer.stopSharingStrings()
        writer.write(trees)
        let written = writer.finish()
        close(descriptor)
        if !written || rename(path + ".new", path) != 0 { unlink(path + ".new") }
        // The JSON cache of earlier releases, which this one no longer reads.
        unlink(path + ".json")
    }

    /// Leaves no cache behind (the build failed).
    func abandon() {
        work?.value
        guard let path else { return }
        close(descriptor)
        unlink(path + ".new")
    }
}
