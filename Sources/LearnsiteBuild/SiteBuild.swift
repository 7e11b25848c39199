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
    public var files: [(path: String, unchanged: Bool)] {
        trees.flatMap { tree, files in files.map { (tree + "/" + $0.path, $0.unchanged) } }
    }
    /// Each tree's files (named when asked for: 20,000 paths took 8 ms of a rebuild that lists none).
    let trees: [(tree: String, files: [OutputFile])]
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
/// the handouts from them, then publish each output folder: staged and swapped in whole, or updated in
/// place when a rebuild keeps most of it (see `writer`). PDFs and the search index are made in the
/// staged folder before it is swapped in. Content or template errors stop it before anything is written.
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
        let prepared = try prepare(options, previous: nil, saving: false)
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
        let site: Background<SiteSkeleton>
        /// What the last build left in place that this one keeps.
        let reuse: OutputReuse
        /// Makes this build's cache, for `saving` to write.
        let cache: @Sendable () -> BuildCache
        /// Writing the cache, begun as soon as the content was loaded (when the build saves one).
        let saving: CacheWriter?
        let steps: [(step: String, seconds: Double)]

        /// - Parameter store: writes pages as they are rendered (see `OutputTreeWriter`); nil keeps them in memory.
        func renderSite(_ options: BuildOptions, progress: (@Sendable (Int, Int) -> Void)?,
                        store: (@Sendable (OutputFile) -> OutputFile)? = nil) -> SiteRenderer.Result {
            SiteRenderer(content: content, theme: theme, today: options.today, renderer: renderer, bodies: bodies,
                         reuse: reuse, site: site.value)
                .render(progress: progress, store: store)
        }

        func renderHandouts(_ options: BuildOptions, withPDF: Bool, store: (@Sendable (OutputFile) -> OutputFile)? = nil) -> HandoutRenderer.Result {
            HandoutRenderer(content: content, theme: theme, bodies: bodies, today: options.today,
                            reuse: reuse)
                .render(withPDF: withPDF, store: store)
        }
    }

    /// Loads content and templates and renders every body that changed since the last build, whose cache
    /// is read meanwhile (as long, for a large site, as listing the content folder).
    static func prepare(_ options: BuildOptions, previous reading: CacheReading?, saving: Bool) throws(BuildFailure) -> Prepared {
        var clock = StepClock()
        let loaded: ContentLoader.Result
        let theme: Theme
        do {
            // Templates are compiled first, while the cache is still being read; content errors are still
            // the ones reported when both have some.
            let compiled = Result { () throws(ContentError) in try Theme(overrides: options.templateFolder) }
            loaded = try ContentLoader(root: options.content, includeDrafts: options.includeDrafts) {
                let previous = reading?.parsedFiles
                return previous?.root == options.content ? previous?.parsed ?? [:] : [:]
            }.load()
            theme = try compiled.get()
        } catch {
            throw BuildFailure(diagnostics: error.diagnostics)
        }
        let writer = saving ? CacheWriter(root: options.content, parsed: loaded.parsed, order: loaded.parsedOrder, previous: reading) : nil
        let previous = reading?.value ?? nil
        clock.lap("read the cache, load content and templates")
        let content = loaded.content
        let shared = BuildCache.sharedFingerprint(content: content, theme: theme, today: options.today)
        // A document's outputs can be kept only if the last build left them where they belong. While the
        // file list of a tree is known (and its folder is there), they are: that build wrote the outputs of
        // every document it kept an entry for. Otherwise the file system is asked, file by file.
        let siteFolder = options.siteFolder, handoutsFolder = options.handoutsFolder
        func listed(_ tree: String, _ folder: String) -> Bool {
            previous?.trees[tree] != nil && access(folder, F_OK) == 0
        }
        let siteListed = listed("site", siteFolder), handoutsListed = listed("handouts", handoutsFolder)
        let known = previous?.unchanged(content, shared: shared) { document in
            let hasPage = SitePaths.publishedKinds.contains(document.kind)
            let hasHandout = document.handout && HandoutRenderer.printedKinds.contains(document.kind)
            return (!hasPage || siteListed || access(siteFolder + "/" + SitePaths.page(of: document), F_OK) == 0)
                && (!hasHandout || handoutsListed || access(handoutsFolder + "/" + HandoutPaths.handout(document), F_OK) == 0)
        } ?? []
        let renderer = BodyRenderer(content: content)
        let today = options.today
        let site = Background { SiteSkeleton(content: content, today: today) }
        let bodies = DocumentBodies(renderer: renderer, documents: content.documents, known: known)
        let reuse = OutputReuse(keeping: zip(content.documents, known).compactMap { $1 == nil ? nil : $0 },
                                listings: previous?.keepsListings(content, known: known, bodies: bodies, pdf: options.pdf) ?? false)
        let parsed = loaded.parsed, root = options.content, pdf = options.pdf
        let cache = { @Sendable in
            // Entries of kept documents are as last time; only the others are made again.
            var entries = known.isEmpty ? [:] : previous?.documents ?? [:]
            for (place, document) in content.documents.enumerated() where known.isEmpty || known[place] == nil {
                entries[document.id] = BuildCache.Entry(document, body: bodies[document])
            }
            if entries.count != content.documents.count {
                let ids = Set(content.documents.map(\.id))
                entries = entries.filter { ids.contains($0.key) }
            }
            return BuildCache(root: root, shared: shared, pdf: pdf, documents: entries, parsed: parsed)
        }
        clock.lap("render Markdown")
        return Prepared(content: content, warnings: loaded.warnings, theme: theme, renderer: renderer, bodies: bodies, site: site,
                        reuse: reuse, cache: cache, saving: writer, steps: clock.laps)
    }

    /// Renders the site, then the handouts, writing each page as soon as it is made (so a large site is
    /// never in memory whole), and publishes each folder when all of it is written.
    /// - Parameter progress: hears (pages done, pages in all) while pages render, for a progress line.
    public static func run(_ options: BuildOptions, progress: (@Sendable (Int, Int) -> Void)? = nil) throws(BuildFailure) -> BuildReport {
        var diagnostics: [Diagnostic] = []
        let pdf = options.pdf ? PDFRenderer() : nil
        if options.pdf && pdf == nil {
            diagnostics.append(Diagnostic(.error, file: "weasyprint", PDFRenderer.installHint))
        }
        let reading = options.clean ? nil : CacheReading(from: options.output)
        let prepared: Prepared
        do {
            prepared = try prepare(options, previous: reading, saving: true)
        } catch {
            throw BuildFailure(diagnostics: diagnostics + error.diagnostics)
        }
        let previous = reading?.value ?? nil
        diagnostics += prepared.warnings
        var clock = StepClock()
        let search = options.search ? SearchIndexer() : nil
        if options.search && search == nil {
            diagnostics.append(Diagnostic(.warning, file: "pagefind", SearchIndexer.installHint))
        }
        var pdfs: (rendered: Int, reused: Int, diagnostics: [Diagnostic]) = (0, 0, [])
        var written: [(tree: String, files: [OutputFile])] = []
        var trees: [String: [String]] = [:]
        let pages: (count: Int, reused: Int)
        let handoutCount: Int
        // Until this build's cache is saved, the old one would describe the trees wrongly.
        BuildCache.remove(from: options.output)
        let saving = prepared.saving
        do {
            let siteWriter = try writer(options.siteFolder, previous: previous?.trees["site"], prepared, extras: search != nil)
            // The output folder is there now.
            saving?.save(prepared.cache, in: options.output)
            let site = prepared.renderSite(options, progress: progress, store: siteWriter.store)
            clock.lap("render and write site pages")
            diagnostics += site.warnings
            if let staging = siteWriter as? OutputStaging, let search {
                try staging.commit(site.files) { staging, _ throws(OutputError) in try search.index(staging) }
            } else {
                try siteWriter.commit(site.files)
                trees["site"] = site.files.map(\.path)
            }
            clock.lap(search != nil ? "index for search, publish the site" : "publish the site")
            written.append(("site", site.files))
            pages = (site.pageCount, site.reusedCount)
            let handoutWriter = try writer(options.handoutsFolder, previous: previous?.trees["handouts"], prepared, extras: pdf != nil)
            let handouts = prepared.renderHandouts(options, withPDF: pdf != nil, store: handoutWriter.store)
            clock.lap("render and write handouts")
            diagnostics += handouts.diagnostics
            if let staging = handoutWriter as? OutputStaging, let pdf {
                try staging.commit(handouts.files) { staging, current in
                    pdfs = pdf.render(handouts: handouts.handouts, in: staging, previous: current)
                }
            } else {
                try handoutWriter.commit(handouts.files)
                trees["handouts"] = handouts.files.map(\.path)
            }
            clock.lap(pdf != nil ? "make PDFs, publish the handouts" : "publish the handouts")
            written.append(("handouts", handouts.files))
            handoutCount = handouts.handouts.count
        } catch {
            saving?.abandon()
            throw BuildFailure(diagnostics: diagnostics + [Diagnostic(.error, file: error.path, error.reason)])
        }
        saving?.finish(trees: trees)
        clock.lap("save the cache")
        let report = BuildReport(pages: pages.count, pagesReused: pages.reused, handouts: handoutCount,
                                 pdfsRendered: pdfs.rendered, pdfsReused: pdfs.reused, trees: written,
                                 steps: prepared.steps + clock.laps, diagnostics: diagnostics + pdfs.diagnostics)
        releaseInBackground((consume prepared, consume previous))
        return report
    }

    /// Freeing a large site's documents, bodies and cache took 55 ms of a 0.28 s rebuild: it happens on
    /// another thread, and a command-line build exits without waiting for it.
    private static func releaseInBackground<Leftovers: Sendable>(_ leftovers: consuming Leftovers) {
        let box = Box(consume leftovers)
        DispatchQueue.global(qos: .background).async { box.release() }
    }

    private final class Box<Value: Sendable>: @unchecked Sendable {
        private var value: Value?
        init(_ value: Value) { self.value = value }
        func release() { value = nil }
    }
}

extension SiteBuild {
    /// Updates a tree in place when the last build left it with a known file list and most of its pages
    /// are kept; otherwise stages a whole new tree, which readers see all at once. Trees that get a
    /// search index or PDFs are always staged: those are made from the whole tree.
    static func writer(_ folder: String, previous files: [String]?, _ prepared: Prepared, extras: Bool) throws(OutputError) -> any OutputTreeWriter {
        if let files, !extras, prepared.reuse.keepsAny, access(folder, F_OK) == 0 {
            return try OutputUpdate(folder, previous: files)
        }
        return try OutputStaging(folder)
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
