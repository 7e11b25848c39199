import ArgumentParser
import Foundation
import LearnsiteBuild

@main
struct Learnsite: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learnsite",
        abstract: "Builds a safeguarding board's learning website from a folder of Markdown.",
        subcommands: [Build.self])
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

    func run() throws {
        let started = Date()
        let options = BuildOptions(content: content, templates: templates, output: output, includeDrafts: drafts)
        do {
            let report = try SiteBuild.run(options)
            for warning in report.warnings { Terminal.error(warning.description) }
            let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
            print("Built \(report.pages) pages (\(report.files) files) into \(output)/site in \(seconds) s, \(report.warnings.count) warning\(report.warnings.count == 1 ? "" : "s").")
        } catch {
            for diagnostic in error.diagnostics { Terminal.error(diagnostic.description) }
            let count = error.diagnostics.filter { $0.severity == .error }.count
            Terminal.error("Build failed with \(count) error\(count == 1 ? "" : "s"); \(output)/site was left as it was.")
            throw ExitCode.failure
        }
    }
}

enum Terminal {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
