import ArgumentParser
import Foundation
import LearnsiteBuild

@main
struct Learnsite: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learnsite",
        abstract: "Builds a safeguarding board's learning website from a folder of Markdown.",
        subcommands: [Build.self, Serve.self, Check.self, New.self, Attendance.self])
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the public site into OUTPUT/site from the content folder.")

    @Option(help: "The content folder.")
    var content = "Content"

    @Option(help: "A folder of templates overriding the built-in ones (default: Templates/ beside the content folder).")
    var templates: String?

    @Option(help: "The output folder; the site is written to OUTPUT/site.")
    var output = "Output"

    @Flag(help: "Include documents marked `draft: true`.")
    var drafts = false

    @Flag(help: "Also make a PDF of each handout in OUTPUT/handouts (needs WeasyPrint).")
    var pdf = false

    func run() throws {
        let started = Date()
        let options = BuildOptions(content: content, templates: templates, output: output, includeDrafts: drafts, pdf: pdf)
        do {
            let report = try SiteBuild.run(options)
            for diagnostic in report.diagnostics { Terminal.error(diagnostic.description) }
            let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
            let pdfs = pdf ? ", \(report.pdfsRendered) PDFs made and \(report.pdfsReused) unchanged" : ""
            print("Built \(report.pages) pages into \(output)/site and \(report.handouts) handouts into \(output)/handouts\(pdfs) in \(seconds) s, "
                + "\(Terminal.count(report.errors.count, "error")), \(Terminal.count(report.warnings.count, "warning")).")
            if !report.errors.isEmpty { throw ExitCode.failure }
        } catch let error as BuildFailure {
            for diagnostic in error.diagnostics { Terminal.error(diagnostic.description) }
            let count = error.diagnostics.filter { $0.severity == .error }.count
            Terminal.error("Build failed with \(Terminal.count(count, "error")); \(output)/site and \(output)/handouts were left as they were.")
            throw ExitCode.failure
        }
    }
}

enum Terminal {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// "1 error", "3 warnings".
    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
