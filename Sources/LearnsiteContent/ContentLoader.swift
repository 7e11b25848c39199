import Foundation
import LearnsiteCSV

/// Reads a content folder into a validated `SiteContent`.
///
/// Every file is checked before giving up, so one run lists every problem. `attendance/` is never
/// opened: registers hold personal data and have no business in the public site's model.
public struct ContentLoader: Sendable {
    /// Folders that hold no site documents; `attendance/` is skipped without being read.
    static let privateFolders: Set<String> = ["attendance"]
    /// Root-level data files and what reads them (`agencies.yml` belongs to attendance reports).
    static let dataFiles: Set<String> = ["site.yml", "glossary.yml", "references.yml", "agencies.yml", "index.md"]

    /// The public training calendar.
    static let sessionsFile = "training/sessions.csv"

    public let root: String
    public let includeDrafts: Bool
    /// Markdown files as an earlier load read them, by path below the root; those whose stamp is
    /// unchanged are taken from here instead of being read again.
    private let earlier: @Sendable () -> [String: ParsedFile]

    /// - Parameter root: the content folder as the user named it, e.g. `Content`.
    public init(root: String, includeDrafts: Bool = false, reusing: [String: ParsedFile] = [:]) {
        self.init(root: root, includeDrafts: includeDrafts) { reusing }
    }

    /// - Parameter earlier: asked for the files an earlier load read once the folder is listed, so a
    ///   caller can fetch them meanwhile (a build reads its cache on another thread).
    public init(root: String, includeDrafts: Bool = false, reusingOnceListed earlier: @escaping @Sendable () -> [String: ParsedFile]) {
        self.root = root
        self.includeDrafts = includeDrafts
        self.earlier = earlier
    }

    public struct Result: Sendable {
        public let content: SiteContent
        public let warnings: [Diagnostic]
        /// Every Markdown file read without errors (drafts too), by path below the root, for the next load to reuse.
        public let parsed: [String: ParsedFile]
        /// The paths of `parsed`, sorted.
        public let parsedOrder: [String]
    }

    public func load() throws(ContentError) -> Result {
        var log = DiagnosticLog()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue else {
            throw ContentError([Diagnostic(.error, file: root, "the content folder was not found; run learnsite from the folder that holds `\(root)`, or name it with --content")])
        }
        guard let folder = OpenFolder(root) else {
            throw ContentError([Diagnostic(.error, file: root, "the content folder could not be opened; check that you have permission to read it")])
        }
        let files = listFiles()
        // The data files are parsed on another thread while the documents load.
        let data = Background { [self] in readDataFiles(files, in: folder) }

        var assets: [String] = []
        var markdown: [String] = []
        var unused = DiagnosticLog()
        for relative in files where !Self.dataFiles.contains(relative) {
            if relative.hasPrefix("assets/") {
                assets.append(String(relative.dropFirst("assets/".count)))
            } else if Self.isMarkdown(relative) {
                markdown.append(relative)
            } else if relative != Self.sessionsFile {
                unused.warning(path(relative), "this file is not used: only Markdown documents, the YAML data files and files under assets/ are published; move images and downloads to assets/")
            }
        }
        // Files are stamped, read and parsed independently, so on all cores; their messages keep the
        // files' order. A file with errors is not kept: its errors stop this load, and the next one reads it again.
        // Stamped before the earlier files are asked for (a rebuild's cache is still being read meanwhile),
        // and before being read: a file saved meanwhile looks changed next time, never the reverse.
        let stamps = concurrentMap(markdown) { stamp($0, in: folder) }
        let reusing = earlier()
        let loaded = concurrentMap(Array(zip(markdown, stamps))) { relative, stamp -> (kept: ParsedFile?, errors: [Diagnostic]) in
            var fileLog = DiagnosticLog()
            guard let stamp else {
                fileLog.error(path(relative), "this file could not be read; check that it exists and you have permission to read it")
                return (nil, fileLog.diagnostics)
            }
            if let earlier = reusing[relative], earlier.stamp == stamp { return (earlier, []) }
            let document = loadDocument(relative, in: folder, size: stamp.size, log: &fileLog)
            guard let document, !fileLog.hasErrors else { return (nil, fileLog.diagnostics) }
            return (ParsedFile(stamp: stamp, document: document, diagnostics: fileLog.diagnostics), [])
        }
        let (config, glossary, references, home, dataLog) = data.value
        log.append(contentsOf: dataLog)
        log.append(contentsOf: unused)
        var documents: [Document] = []
        var parsed: [String: ParsedFile] = [:], parsedOrder: [String] = []
        // Sized once: grown step by step, the table hashed every path again at each step (on one core).
        documents.reserveCapacity(markdown.count)
        parsed.reserveCapacity(markdown.count)
        parsedOrder.reserveCapacity(markdown.count)
        for (relative, result) in zip(markdown, loaded) {
            result.errors.forEach { log.append($0) }
            guard let kept = result.kept else { continue }
            kept.diagnostics.forEach { log.append($0) }
            parsed[relative] = kept
            parsedOrder.append(relative)
            if includeDrafts || !kept.document.draft { documents.append(kept.document) }
        }
        let courses = Set(documents.filter { $0.kind == .course }.map(\.slug))
        let sessions = files.contains(Self.sessionsFile) ? loadSessions(courses: courses, log: &log) : []
        guard !log.hasErrors, let config else { throw ContentError(log.diagnostics) }
        let content = SiteContent(root: root, config: config, documents: documents, glossary: glossary,
                                  references: references, home: home, assets: assets, sessions: sessions)
        return Result(content: content, warnings: log.diagnostics, parsed: parsed, parsedOrder: parsedOrder)
    }

    private func readDataFiles(_ files: [String], in folder: OpenFolder) -> (SiteConfig?, [GlossaryTerm], [Reference], HomeIntro?, DiagnosticLog) {
        var log = DiagnosticLog()
        var config: SiteConfig?
        if files.contains("site.yml") {
            config = read("site.yml", in: folder, log: &log).flatMap { merge(DataFiles.siteConfig(yaml: $0, file: path("site.yml")), into: &log) }
        } else {
            log.error(path("site.yml"), "site.yml is missing; create it with at least `name:` (the board's name) and `base_url:`")
        }
        let glossary = read("glossary.yml", ifIn: files, folder: folder, log: &log).map { merge(DataFiles.glossary(yaml: $0, file: path("glossary.yml")), into: &log) } ?? []
        let references = read("references.yml", ifIn: files, folder: folder, log: &log).map { merge(DataFiles.references(yaml: $0, file: path("references.yml")), into: &log) } ?? []
        let home = read("index.md", ifIn: files, folder: folder, log: &log).flatMap { merge(DocumentParser.parseHome(text: $0, file: path("index.md")), into: &log) }
        return (config, glossary, references, home, log)
    }

    /// Identifies the file's current version (see `FileStamp`); nil when it cannot be found.
    private func stamp(_ relative: String, in folder: OpenFolder) -> FileStamp? {
        var info = stat()
        return fstatat(folder.descriptor, relative, &info, 0) == 0 ? FileStamp(info) : nil
    }

    /// - Parameter size: the file's size in its stamp, which was just taken.
    private func loadDocument(_ relative: String, in folder: OpenFolder, size: Int, log: inout DiagnosticLog) -> Document? {
        let file = path(relative)
        guard let kind = DocumentKind.forFile(at: relative) else {
            let folders = DocumentKind.allCases.map { "\($0.folder)/" }.joined(separator: ", ")
            log.error(file, "this Markdown file is outside the known folders, so learnsite does not know what kind of document it is; move it into one of \(folders)")
            return nil
        }
        let fileName = relative.utf8.lastIndex(of: UInt8(ascii: "/")).map { relative[relative.index(after: $0)...] } ?? relative[...]
        let slug = String(fileName.dropLast(3))
        guard DocumentParser.isSlug(slug) else {
            let suggestion = NewDocument.slug(for: slug)
            log.error(file, "the file name becomes the page's web address, so it may hold only lowercase letters, digits and hyphens; rename it, e.g. to `\(suggestion.isEmpty ? "document" : suggestion).md`")
            return nil
        }
        guard let text = read(relative, in: folder, size: size, log: &log) else { return nil }
        return merge(DocumentParser.parse(text: text, kind: kind, slug: slug, file: file), into: &log)
    }

    private func loadSessions(courses: Set<String>, log: inout DiagnosticLog) -> [TrainingSession] {
        let file = path(Self.sessionsFile)
        let reader: CSVReader
        do {
            reader = try CSVReader(path: file)
        } catch {
            log.error(file, "the training calendar could not be read: \(error.reason)")
            return []
        }
        var rows: [(line: Int, fields: [String])] = []
        while reader.next() {
            switch reader.problem {
            case .unclosedQuote?:
                log.error(file, line: reader.line, "a quoted value that starts here is never closed; add the closing `\"`")
            case .tooLong?:
                log.error(file, line: reader.line, "this row is too long to be a training session; check for a missing quote")
            case nil:
                rows.append((reader.line, (0..<reader.fieldCount).map(reader.string)))
            }
        }
        return SessionsFile.sessions(from: rows, file: file, courses: courses, log: &log)
    }

    /// Every regular file below the root, relative and sorted, skipping hidden and private folders.
    /// Read with `readdir`, whose entries carry their type:
    /// Foundation's enumerator looked each file's type up separately, a fifth of loading a large archive.
    private func listFiles() -> [String] {
        var files: [String] = []
        func walk(_ relative: String) {
            guard let directory = opendir(relative.isEmpty ? root : path(relative)) else { return }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                guard !name.hasPrefix(".") else { continue }
                let child = relative.isEmpty ? name : relative + "/" + name
                var type = Int32(entry.pointee.d_type)
                if type == Int32(DT_UNKNOWN) || type == Int32(DT_LNK) {
                    var info = stat()
                    // Relative to the open folder, so the kernel does not walk the whole path again.
                    guard fstatat(dirfd(directory), name, &info, 0) == 0 else { continue }
                    // A linked folder is not followed (it could lead back up); a linked file is read.
                    let isFolder = (info.st_mode & S_IFMT) == S_IFDIR
                    type = isFolder && type == Int32(DT_UNKNOWN) ? Int32(DT_DIR) : (info.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : 0
                }
                if type == Int32(DT_DIR) {
                    if !(relative.isEmpty && Self.privateFolders.contains(name)) { walk(child) }
                } else if type == Int32(DT_REG) {
                    files.append(child)
                }
            }
        }
        walk("")
        return files.sorted()
    }

    static func isMarkdown(_ name: String) -> Bool {
        name.lowercased().hasSuffix(".md")
    }

    private func path(_ relative: String) -> String {
        root.hasSuffix("/") ? root + relative : root + "/" + relative
    }

    private func read(_ relative: String, ifIn files: [String], folder: OpenFolder, log: inout DiagnosticLog) -> String? {
        files.contains(relative) ? read(relative, in: folder, log: &log) : nil
    }

    private func read(_ relative: String, in folder: OpenFolder, size: Int? = nil, log: inout DiagnosticLog) -> String? {
        let file = path(relative)
        guard let data = SourceText.bytes(ofFile: relative, in: folder.descriptor, size: size) else {
            log.error(file, "this file could not be read; check that it exists and you have permission to read it")
            return nil
        }
        switch SourceText.decode(data, file: file) {
        case .success(let text): return text
        case .failure(let diagnostic):
            log.append(diagnostic)
            return nil
        }
    }

    private func merge<T>(_ result: (T, DiagnosticLog), into log: inout DiagnosticLog) -> T {
        log.append(contentsOf: result.1)
        return result.0
    }
}

/// A folder held open while its files are read, so each is looked up and opened relative to it: the
/// kernel then walks only the path below the folder, not the whole path again for every file.
final class OpenFolder: Sendable {
    let descriptor: Int32

    init?(_ path: String) {
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
    }

    deinit {
        close(descriptor)
    }
}
