import Foundation
import LearnsiteContent
import LearnsiteOutput
import LearnsiteSite
import LearnsiteRendering
import LearnsiteTheme
import LearnsiteHandouts

/// What `learnsite build` is asked to do.
public struct BuildOptions: Sendable {
    public var content: String
    /// Template overrides; nil means `Templates/` beside the content folder, when there is one.
    public var templates: String?
    public var output: String
    public var includeDrafts: Bool
    /// Also make a PDF of each handout with WeasyPrint.
    public var pdf: Bool
    /// Index the site for search with Pagefind, when it is installed.
    public var search: Bool
    /// Ignore the last build's cache and make every page afresh.
    public var clean: Bool
    /// The date review deadlines are judged against; the build's own date unless a test fixes it.
    public var today: Day

    public init(content: String = "Content", templates: String? = nil, output: String = "Output", includeDrafts: Bool = false,
                pdf: Bool = false, search: Bool = true, clean: Bool = false, today: Day = .today()) {
        self.content = content
        self.templates = templates
        self.output = output
        self.includeDrafts = includeDrafts
        self.pdf = pdf
        self.search = search
        self.clean = clean
        self.today = today
    }

    /// The override folder actually used: `--templates`, else `Templates/` beside the content folder.
    public var templateFolder: String? {
        if let templates { return templates }
        let beside = URL(fileURLWithPath: content).standardizedFileURL.deletingLastPathComponent()
            .appendingPathComponent("Templates").path
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: beside, isDirectory: &isFolder) && isFolder.boolValue ? beside : nil
    }

    public var siteFolder: String { URL(fileURLWithPath: output).appendingPathComponent("site").path }

    var handoutsFolder: String { URL(fileURLWithPath: output).appendingPathComponent("handouts").path }
}

/// How a build went. Errors here (a broken trainer pack, a PDF that failed) did not stop the rest.
public struct BuildReport: Sendable {
    public let pages: Int
    /// Pages carried over from the last build because nothing they show changed.
    public let pagesReused: Int
    public let handouts: Int
    public let pdfsRendered: Int
    public let pdfsReused: Int
    /// Every file written, under the output folder, and whether it was carried over unchanged.
    public let files: [(path: String, unchanged: Bool)]
    /// Seconds each step took, in order.
    public let steps: [(step: String, seconds: Double)]
    public let diagnostics: [Diagnostic]

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}

/// A failed build: every problem, in `file:line: level: message` form. Nothing was written.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// The build as a pipeline: load the content and theme, render every body once, render the site and
/// the handouts from them, then write each output folder atomically (PDFs are made in the staged
/// handouts folder before it is swapped in). Content or template errors stop it before anything is written.
public enum SiteBuild {
    /// Everything a build makes, still in memory.
    public struct Rendered: Sendable {
        public let content: SiteContent
        public let site: SiteRenderer.Result
        public let handouts: HandoutRenderer.Result
        /// The content's warnings and every rendering problem.
        public let diagnostics: [Diagnostic]
    }

    /// Loads and renders without writing anything (what `check` inspects).
    public static func render(_ options: BuildOptions) throws(BuildFailure) -> Rendered {
        let prepared = try prepare(options, previous: nil)
        let site = prepared.renderSite(options, progress: nil)
        let handouts = prepared.renderHandouts(options, withPDF: false)
        return Rendered(content: prepared.content, site: site, handouts: handouts,
                        diagnostics: prepared.warnings + site.warnings + handouts.diagnostics)
    }

    /// The content, the theme and every document's body: what the site and the handouts are made from.
    struct Prepared {
        let content: SiteContent
        let warnings: [Diagnostic]
        let theme: Theme
        let renderer: BodyRenderer
        let bodies: DocumentBodies
        /// Documents whose outputs the last build left in place, unchanged.
        let unchanged: Set<String>
        let cache: BuildCache
        let steps: [(step: String, seconds: Double)]

        /// - Parameter staging: where to write pages as they are rendered; nil keeps them in memory.
        func renderSite(_ options: BuildOptions, progress: (@Sendable (Int, Int) -> Void)?,
                        staging: OutputStaging? = nil) -> SiteRenderer.Result {
            SiteRenderer(content: content, theme: theme, today: options.today, renderer: renderer, bodies: bodies,
                         reuse: OutputReuse(documents: unchanged, previous: URL(fileURLWithPath: options.siteFolder)))
                .render(progress: progress, store: staging?.store)
        }

        func renderHandouts(_ options: BuildOptions, withPDF: Bool, staging: OutputStaging? = nil) -> HandoutRenderer.Result {
            HandoutRenderer(content: content, theme: theme, bodies: bodies, today: options.today,
                            reuse: OutputReuse(documents: unchanged, previous: URL(fileURLWithPath: options.handoutsFolder)))
                .render(withPDF: withPDF, store: staging?.store)
        }
    }

    /// Loads content and templates and renders every body that changed since `previous`.
    static func prepare(_ options: BuildOptions, previous: BuildCache?) throws(BuildFailure) -> Prepared {
        var clock = StepClock()
        let loaded: ContentLoader.Result
        let theme: Theme
        do {
            loaded = try ContentLoader(root: options.content, includeDrafts: options.includeDrafts).load()
            theme = try Theme(overrides: options.templateFolder)
        } catch {
            throw BuildFailure(diagnostics: error.diagnostics)
        }
        clock.lap("load content and templates")
        let content = loaded.content
        let shared = BuildCache.sharedFingerprint(content: content, theme: theme, today: options.today)
        // A document's outputs can be carried over only if the last build left them where they belong.
        let known = previous?.unchanged(content, shared: shared) { document in
            let site = URL(fileURLWithPath: options.siteFolder).appendingPathComponent(SitePaths.page(of: document)).path
            let handout = URL(fileURLWithPath: options.handoutsFolder).appendingPathComponent(HandoutPaths.handout(document)).path
            let hasPage = SitePaths.publishedKinds.contains(document.kind)
            let hasHandout = document.handout && HandoutRenderer.printedKinds.contains(document.kind)
            return (!hasPage || FileManager.default.fileExists(atPath: site)) && (!hasHandout || FileManager.default.fileExists(atPath: handout))
        } ?? [:]
        let renderer = BodyRenderer(content: content)
        let bodies = DocumentBodies(renderer: renderer, documents: content.documents, known: known)
        clock.lap("render Markdown")
        let cache = BuildCache(shared: shared, documents: Dictionary(uniqueKeysWithValues: content.documents.map { document in
            (document.id, BuildCache.Entry(source: document.sourceFingerprint, body: bodies[document]))
        }))
        return Prepared(content: content, warnings: loaded.warnings, theme: theme, renderer: renderer, bodies: bodies,
                        unchanged: Set(known.keys), cache: cache, steps: clock.laps)
    }

    /// Renders the site, then the handouts, writing each page into its output's staging folder as soon
    /// as it is made (so a large site is never in memory whole), and swaps each folder into place.
    /// - Parameter progress: hears (pages done, pages in all) while pages render, for a progress line.
    public static func run(_ options: BuildOptions, progress: (@Sendable (Int, Int) -> Void)? = nil) throws(BuildFailure) -> BuildReport {
        var diagnostics: [Diagnostic] = []
        let pdf = options.pdf ? PDFRenderer() : nil
        if options.pdf && pdf == nil {
            diagnostics.append(Diagnostic(.error, file: "weasyprint", PDFRenderer.installHint))
        }
        let prepared: Prepared
        do {
            prepared = try prepare(options, previous: options.clean ? nil : BuildCache.load(from: options.output))
        } catch {
            throw BuildFailure(diagnostics: diagnostics + error.diagnostics)
        }
        diagnostics += prepared.warnings
        var clock = StepClock()
        let search = options.search ? SearchIndexer() : nil
        if options.search && search == nil {
            diagnostics.append(Diagnostic(.warning, file: "pagefind", SearchIndexer.installHint))
        }
        var pdfs: (rendered: Int, reused: Int, diagnostics: [Diagnostic]) = (0, 0, [])
        var files: [(path: String, unchanged: Bool)] = []
        let pages: (count: Int, reused: Int)
        let handoutCount: Int
        do {
            let siteStaging = try OutputStaging(options.siteFolder)
            let site = prepared.renderSite(options, progress: progress, staging: siteStaging)
            clock.lap("render and write site pages")
            diagnostics += site.warnings
            try siteStaging.commit(site.files) { staging, _ throws(OutputError) in try search?.index(staging) }
            clock.lap(search != nil ? "index for search, swap the site in" : "swap the site in")
            files += site.files.map { ("site/" + $0.path, $0.reusing != nil) }
            pages = (site.pageCount, site.reusedCount)
            let handoutStaging = try OutputStaging(options.handoutsFolder)
            let handouts = prepared.renderHandouts(options, withPDF: pdf != nil, staging: handoutStaging)
            clock.lap("render and write handouts")
            diagnostics += handouts.diagnostics
            try handoutStaging.commit(handouts.files) { staging, current in
                if let pdf { pdfs = pdf.render(handouts: handouts.handouts, in: staging, previous: current) }
            }
            clock.lap(pdf != nil ? "make PDFs, swap the handouts in" : "swap the handouts in")
            files += handouts.files.map { ("handouts/" + $0.path, $0.reusing != nil) }
            handoutCount = handouts.handouts.count
        } catch {
            throw BuildFailure(diagnostics: diagnostics + [Diagnostic(.error, file: error.path, error.reason)])
        }
        prepared.cache.save(to: options.output)
        clock.lap("save the cache")
        return BuildReport(pages: pages.count, pagesReused: pages.reused, handouts: handoutCount,
                           pdfsRendered: pdfs.rendered, pdfsReused: pdfs.reused, files: files, steps: prepared.steps + clock.laps,
                           diagnostics: diagnostics + pdfs.diagnostics)
    }
}

/// Times the steps of a build.
struct StepClock {
    private var last = DispatchTime.now()
    private(set) var laps: [(step: String, seconds: Double)] = []

    mutating func lap(_ step: String) {
        let now = DispatchTime.now()
        laps.append((step, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9))
        last = now
    }
}
