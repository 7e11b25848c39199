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
        /// Documents rendered afresh (the rest were unchanged since the last build).
        public let documentsRendered: Int
        /// Seconds each step took, in order, for `--verbose` and profiling.
        public let steps: [(step: String, seconds: Double)]
        let cache: BuildCache
    }

    /// Loads and renders without writing anything (what `check` inspects).
    /// - Parameter previous: the last build's cache; documents unchanged since then are carried over.
    public static func render(_ options: BuildOptions, withPDF: Bool = false) throws(BuildFailure) -> Rendered {
        try render(options, withPDF: withPDF, previous: nil)
    }

    static func render(_ options: BuildOptions, withPDF: Bool, previous: BuildCache?,
                       progress: (@Sendable (Int, Int) -> Void)? = nil) throws(BuildFailure) -> Rendered {
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
        let unchanged = Set(known.keys)
        let site = SiteRenderer(content: content, theme: theme, today: options.today, renderer: renderer, bodies: bodies,
                                reuse: OutputReuse(documents: unchanged, previous: URL(fileURLWithPath: options.siteFolder)))
            .render(progress: progress)
        clock.lap("render site pages")
        let handouts = HandoutRenderer(content: content, theme: theme, bodies: bodies, today: options.today,
                                       reuse: OutputReuse(documents: unchanged, previous: URL(fileURLWithPath: options.handoutsFolder)))
            .render(withPDF: withPDF)
        clock.lap("render handouts")
        let cache = BuildCache(shared: shared, documents: Dictionary(uniqueKeysWithValues: content.documents.map { document in
            (document.id, BuildCache.Entry(source: document.sourceFingerprint, body: bodies[document]))
        }))
        return Rendered(content: content, site: site, handouts: handouts,
                        diagnostics: loaded.warnings + site.warnings + handouts.diagnostics,
                        documentsRendered: content.documents.count - unchanged.count, steps: clock.laps, cache: cache)
    }

    /// - Parameter progress: hears (pages done, pages in all) while pages render, for a progress line.
    public static func run(_ options: BuildOptions, progress: (@Sendable (Int, Int) -> Void)? = nil) throws(BuildFailure) -> BuildReport {
        var diagnostics: [Diagnostic] = []
        let pdf = options.pdf ? PDFRenderer() : nil
        if options.pdf && pdf == nil {
            diagnostics.append(Diagnostic(.error, file: "weasyprint", PDFRenderer.installHint))
        }
        let rendered: Rendered
        do {
            rendered = try render(options, withPDF: pdf != nil, previous: options.clean ? nil : BuildCache.load(from: options.output),
                                  progress: progress)
        } catch {
            throw BuildFailure(diagnostics: diagnostics + error.diagnostics)
        }
        diagnostics += rendered.diagnostics
        let (site, handouts) = (rendered.site, rendered.handouts)

        var clock = StepClock()
        let search = options.search ? SearchIndexer() : nil
        if options.search && search == nil {
            diagnostics.append(Diagnostic(.warning, file: "pagefind", SearchIndexer.installHint))
        }
        var pdfs: (rendered: Int, reused: Int, diagnostics: [Diagnostic]) = (0, 0, [])
        do {
            try OutputTree.replace(options.siteFolder, with: site.files) { staging, _ throws(OutputError) in
                clock.lap("write the site")
                try search?.index(staging)
                if search != nil { clock.lap("index for search") }
            }
            try OutputTree.replace(options.handoutsFolder, with: handouts.files) { staging, current in
                clock.lap("write handouts")
                if let pdf {
                    pdfs = pdf.render(handouts: handouts.handouts, in: staging, previous: current)
                    clock.lap("make PDFs")
                }
            }
        } catch {
            throw BuildFailure(diagnostics: diagnostics + [Diagnostic(.error, file: error.path, error.reason)])
        }
        rendered.cache.save(to: options.output)
        clock.lap("save the cache")
        let files = site.files.map { ("site/" + $0.path, $0.reusing != nil) } + handouts.files.map { ("handouts/" + $0.path, $0.reusing != nil) }
        return BuildReport(pages: site.pageCount, pagesReused: site.reusedCount, handouts: handouts.handouts.count,
                           pdfsRendered: pdfs.rendered, pdfsReused: pdfs.reused, files: files, steps: rendered.steps + clock.laps,
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
