import ArgumentParser
import Foundation
import LearnsiteBuild

/// Every command names itself: a name derived from the type is made by describing the type through the
/// runtime, a tenth of the instructions of starting up.
@main
struct Learnsite: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learnsite",
        abstract: "Builds a safeguarding board's learning website from a folder of Markdown.",
        subcommands: [Build.self, Serve.self, Check.self, New.self, Attendance.self])
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
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

    @Flag(help: "Make every page afresh instead of keeping those whose inputs did not change.")
    var clean = false

    @Flag(inversion: .prefixedNo, help: "Index the site for search with Pagefind, when it is installed.")
    var search = true

    @Flag(help: "List every file written.")
    var verbose = false

    func run() throws {
        let started = Date()
        let options = BuildOptions(content: content, templates: templates, output: output, includeDrafts: drafts, pdf: pdf, search: search, clean: clean)
        do {
            let report = try SiteBuild.run(options, progress: Terminal.progressLine("Rendering pages"))
            if verbose {
                for file in report.files { print("\(file.unchanged ? "unchanged" : "written  ") \(output)/\(file.path)") }
                print("Time: " + report.steps.map { "\($0.step) \(String(format: "%.2f", $0.seconds)) s" }.joined(separator: ", "))
            }
            for diagnostic in report.diagnostics { Terminal.error(diagnostic.description) }
            let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
            let pdfs = pdf ? ", \(report.pdfsRendered) PDFs made and \(report.pdfsReused) unchanged" : ""
            let unchanged = report.pagesReused > 0 ? " (\(report.pagesReused) unchanged)" : ""
            print("Built \(report.pages) pages\(unchanged) into \(output)/site and \(report.handouts) handouts into \(output)/handouts\(pdfs) in \(seconds) s, "
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
    static func error(_ line: String, newline: Bool = true) {
        FileHandle.standardError.write(Data((line + (newline ? "\n" : "")).utf8))
    }

    /// On a terminal, a line that counts up while pages render (`Rendering pages 1200/10000`); nothing
    /// when the output goes to a file or a pipe.
    static func progressLine(_ label: String) -> (@Sendable (Int, Int) -> Void)? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        return { done, total in
            guard total >= 200, done % 100 == 0 || done == total else { return }
            error("\u{1B}[2K\r\(label) \(done)/\(total)", newline: done == total)
        }
    }

    /// "1 error", "3 warnings".
    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
