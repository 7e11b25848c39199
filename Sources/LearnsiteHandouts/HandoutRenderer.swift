import Foundation
import LearnsiteContent
import LearnsiteOutput
import LearnsiteRendering
import LearnsiteSite
import LearnsiteTheme

/// Renders the printable A4 handouts: one per document (unless `handout: false`), one per trainer pack,
/// a sign-in sheet per upcoming session, and an index. A broken pack is reported and skipped; the other handouts are still made.
public struct HandoutRenderer: Sendable {
    let content: SiteContent
    let theme: Theme
    let bodies: DocumentBodies
    let today: Day
    let reuse: OutputReuse?
    /// The contact boxes every handout ends with, made once.
    private let board: HandoutBoardView

    /// The kinds printed on their own (trainer packs are printed from what they include).
    public static let printedKinds: [DocumentKind] = [.bulletin, .strategy, .references, .lesson, .briefing, .page]

    public struct Result: Sendable {
        public let files: [OutputFile]
        /// Paths of the HTML handouts, for the PDF step.
        public let handouts: [String]
        public let diagnostics: [Diagnostic]
    }

    /// - Parameter bodies: rendered bodies of every document in `content`.
    /// - Parameter reuse: unchanged documents whose handouts are carried over from the last build.
    public init(content: SiteContent, theme: Theme, bodies: DocumentBodies, today: Day, reuse: OutputReuse? = nil) {
        self.content = content
        self.theme = theme
        self.bodies = bodies
        self.today = today
        self.reuse = reuse
        board = HandoutBoardView(contacts: content.config.contacts.map(ContactView.init))
    }

    /// - Parameters:
    ///   - withPDF: link each handout's PDF from the index.
    ///   - store: takes each document's handout as soon as it is rendered (see `SiteRenderer.render`).
    public func render(withPDF: Bool, store: (@Sendable (OutputFile) -> OutputFile)? = nil) -> Result {
        var diagnostics: [Diagnostic] = []
        let logo = logoAsset(&diagnostics)

        // Each kind's documents in one pass (a filter per kind went through every document each time).
        var byKind: [DocumentKind: [Document]] = [:]
        for document in content.documents where document.handout { byKind[document.kind, default: []].append(document) }
        var packs: [(pack: Document, included: [Document])] = []
        for pack in byKind[.handout] ?? [] {
            switch resolveIncludes(of: pack) {
            case .failure(let problems): diagnostics += problems.diagnostics
            case .success(let included): packs.append((pack, included))
            }
        }
        let kinds = Self.printedKinds.compactMap { kind in byKind[kind].map { (kind: kind, documents: $0) } }
        let sheets = SignInSheets(content: content, theme: theme, today: today).render(withPDF: withPDF) { path, title in
            layoutView(path: path, title: title, logo: logo)
        }

        // The index's links are made with it, on the core that renders it, and given back there.
        let resolved = packs
        @Sendable func index() -> HandoutIndexView {
            var groups: [HandoutGroup] = []
            if !resolved.isEmpty {
                groups.append(HandoutGroup(title: DocumentKind.handout.pluralTitle,
                                           handouts: resolved.map { link($0.pack, path: HandoutPaths.pack($0.pack), withPDF: withPDF) }))
            }
            for (kind, documents) in kinds {
                groups.append(HandoutGroup(title: kind.pluralTitle,
                                           handouts: documents.map { link($0, path: HandoutPaths.handout($0), withPDF: withPDF) }))
            }
            if !sheets.links.isEmpty { groups.append(HandoutGroup(title: SignInSheets.groupTitle, handouts: sheets.links)) }
            return HandoutIndexView(layout: layoutView(path: HandoutPaths.index, title: "Printable handouts", logo: logo), groups: groups)
        }

        // One pass on all cores, the index and the packs first: left to the end (as they were, on one
        // core after the documents), the index of a large site kept one core busy while the other waited.
        enum Job { case index, pack(Int), document(Int) }
        let printed = kinds.flatMap(\.documents)
        let jobs = [Job.index] + packs.indices.map(Job.pack) + printed.indices.map(Job.document)
        let listings = reuse?.listings == true
        let rendered = concurrentMap(jobs) { job -> OutputFile in
            let file: OutputFile
            switch job {
            case .index:
                file = listings ? OutputFile(unchangedAt: HandoutPaths.index)
                    : OutputFile(path: HandoutPaths.index, contents: theme.render("handouts/index", index()))
            case .pack(let number):
                let (pack, included) = resolved[number]
                let path = HandoutPaths.pack(pack)
                file = OutputFile(path: path, contents: theme.render("handouts/pack", packView(pack, included, path: path, logo: logo)))
            case .document(let number):
                let document = printed[number]
                let path = HandoutPaths.handout(document)
                if let reuse, reuse.keeps(document) {
                    file = OutputFile(unchangedAt: path)
                } else {
                    let layout = layoutView(path: path, title: document.title, logo: logo)
                    let view = HandoutPageView(layout: layout, document: documentView(document), board: board)
                    file = OutputFile(path: path, contents: theme.render("handouts/document", view))
                }
            }
            return store?(file) ?? file
        }
        let handouts = Array(rendered.dropFirst()) + sheets.files
        var files = handouts + [rendered[0]]
        files += theme.files(in: "handouts/assets").map { OutputFile(path: "assets/\($0.path)", contents: $0.bytes) }
        if let logo { files.append(logo) }
        return Result(files: files, handouts: handouts.map(\.path), diagnostics: diagnostics)
    }

    private func layoutView(path: String, title: String, logo: OutputFile?) -> HandoutLayoutView {
        let root = SitePaths.root(from: path)
        return HandoutLayoutView(boardName: content.config.name, root: root, pageTitle: "\(title) - \(content.config.shortName)",
                                 logo: logo.map { root + $0.path })
    }

    private func link(_ document: Document, path: String, withPDF: Bool) -> HandoutLink {
        HandoutLink(title: document.title, html: path, pdf: withPDF ? HandoutPaths.pdf(for: path) : nil)
    }

    func documentView(_ document: Document) -> HandoutDocumentView {
        let body = bodies[document]
        return HandoutDocumentView(
            title: document.title, kind: document.kind.singularTitle,
            anchor: "doc-" + Self.anchor(document.id),
            summary: document.summary, date: DateView(document.date), revised: document.revised.map(DateView.init),
            reviewBy: document.reviewBy.map(DateView.init),
            overdue: document.reviewBy.map { $0 < today } ?? false,
            onlineURL: content.config.baseURL.map { SitePaths.page(of: document, after: $0, canonical: true) },
            figures: document.figures.map(FigureView.init), discussion: document.discussion,
            body: body.htmlUTF8, references: body.references)
    }

    /// An id (`lessons/x`) as the end of an anchor (`lessons-x`), written in place: mapping its UTF-8
    /// through a generic `map` cost 4,000 instructions a handout.
    static func anchor(_ id: String) -> String {
        var id = id
        return id.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { anchor in
                for (index, byte) in bytes.enumerated() { anchor[index] = byte == UInt8(ascii: "/") ? UInt8(ascii: "-") : byte }
                return bytes.count
            }
        }
    }

    private func packView(_ pack: Document, _ included: [Document], path: String, logo: OutputFile?) -> PackPageView {
        let intro = pack.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : bodies[pack].htmlUTF8
        return PackPageView(layout: layoutView(path: path, title: pack.title, logo: logo), title: pack.title, course: pack.course,
                            date: DateView(pack.lastChanged), summary: pack.summary, intro: intro,
                            documents: included.map(documentView), board: board)
    }

    /// The documents a pack names, in its order; every include that names nothing is an error at its line.
    func resolveIncludes(of pack: Document) -> Swift.Result<[Document], ContentError> {
        let byID = Dictionary(content.documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var included: [Document] = []
        var problems: [Diagnostic] = []
        for (include, id) in zip(pack.include, pack.includedIDs.map(\.value)) {
            guard let document = byID[id] else {
                problems.append(Diagnostic(.error, file: pack.sourcePath, line: include.line,
                    "`\(include.value)` names no document; write the folder and file name without .md, e.g. `lessons/nspcc-cse-case-reviews`. This pack was not made"))
                continue
            }
            guard document.kind != .handout else {
                problems.append(Diagnostic(.error, file: pack.sourcePath, line: include.line,
                    "`\(include.value)` is another trainer pack; a pack can include documents but not packs (that could loop). This pack was not made"))
                continue
            }
            included.append(document)
        }
        if pack.include.isEmpty {
            problems.append(Diagnostic(.error, file: pack.sourcePath, line: nil,
                "this trainer pack has no `include:` list; name the documents it is made of. This pack was not made"))
        }
        return problems.isEmpty ? .success(included) : .failure(ContentError(problems))
    }

    /// The board's logo from site.yml `logo:`; a missing file is reported and the handouts go without it.
    private func logoAsset(_ diagnostics: inout [Diagnostic]) -> OutputFile? {
        guard let logo = content.config.logo else { return nil }
        let path = content.root + "/" + logo
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.append(Diagnostic(.warning, file: content.root + "/site.yml",
                "the logo `\(logo)` was not found in the content folder, so handouts are printed without it; check the path"))
            return nil
        }
        let name = "logo" + (logo.split(separator: ".").last.map { "." + $0.lowercased() } ?? "")
        return OutputFile(path: "assets/\(name)", contents: Array(data))
    }
}
