import Foundation
import LearnsiteContent
import LearnsiteOutput
import LearnsiteSite

/// What `learnsite build` is asked to do.
public struct BuildOptions: Sendable {
    public var content: String
    /// Template overrides; nil means `Templates/` beside the content folder, when there is one.
    public var templates: String?
    public var output: String
    public var includeDrafts: Bool
    /// The date review deadlines are judged against; the build's own date unless a test fixes it.
    public var today: Day

    public init(content: String = "Content", templates: String? = nil, output: String = "Output", includeDrafts: Bool = false,
                today: Day = .today()) {
        self.content = content
        self.templates = templates
        self.output = output
        self.includeDrafts = includeDrafts
        self.today = today
    }

    /// The override folder actually used: `--templates`, else `Templates/` beside the content folder.
    var templateFolder: String? {
        if let templates { return templates }
        let beside = URL(fileURLWithPath: content).standardizedFileURL.deletingLastPathComponent()
            .appendingPathComponent("Templates").path
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: beside, isDirectory: &isFolder) && isFolder.boolValue ? beside : nil
    }

    var siteFolder: String { URL(fileURLWithPath: output).appendingPathComponent("site").path }
}

/// How a successful build went.
public struct BuildReport: Sendable {
    public let pages: Int
    public let files: Int
    public let warnings: [Diagnostic]
}

/// A failed build: every problem, in `file:line: level: message` form. Nothing was written.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// The build as a pipeline: load the content, load the theme, render the pages, write the site.
/// Each step either hands a complete value to the next or stops the build before anything is written.
public enum SiteBuild {
    public static func run(_ options: BuildOptions) throws(BuildFailure) -> BuildReport {
        let loaded: ContentLoader.Result
        let theme: Theme
        do {
            loaded = try ContentLoader(root: options.content, includeDrafts: options.includeDrafts).load()
            theme = try Theme(overrides: options.templateFolder)
        } catch {
            throw BuildFailure(diagnostics: error.diagnostics)
        }
        let site = SiteRenderer(content: loaded.content, theme: theme, today: options.today).render()
        do {
            try OutputTree.replace(options.siteFolder, with: site.files)
        } catch {
            throw BuildFailure(diagnostics: [Diagnostic(.error, file: error.path, error.reason)])
        }
        return BuildReport(pages: site.pageCount, files: site.files.count, warnings: loaded.warnings + site.warnings)
    }
}
