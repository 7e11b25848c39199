import ArgumentParser
import Foundation
import LearnsiteBuild
import LearnsiteCheck
import LearnsiteContent

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "List everything to fix before publishing, as file:line: level: message.",
        discussion: "Exits with status 1 when there are errors, 0 when there are only warnings and notes. Uses no network.")

    enum Format: String, ExpressibleByArgument { case text, json }

    @Option(help: "The content folder.")
    var content = "Content"

    @Option(help: "Templates overriding the built-in ones (default: Templates/ beside the content folder).")
    var templates: String?

    @Option(help: "text or json.")
    var format: Format = .text

    func run() throws {
        let findings = ContentCheck.run(BuildOptions(content: content, templates: templates))
        switch format {
        case .text:
            for finding in findings { print(finding.description) }
            let count = { (severity: Diagnostic.Severity) in findings.filter { $0.severity == severity }.count }
            print("\(Terminal.count(count(.error), "error")), \(Terminal.count(count(.warning), "warning")), \(Terminal.count(count(.note), "note")).")
        case .json:
            let entries = findings.map { finding -> [String: Any] in
                var entry: [String: Any] = ["file": finding.file, "level": finding.severity.rawValue, "message": finding.message]
                if let line = finding.line { entry["line"] = line }
                return entry
            }
            let data = try JSONSerialization.data(withJSONObject: entries, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            print(String(decoding: data, as: UTF8.self))
        }
        if findings.contains(where: { $0.severity == .error }) { throw ExitCode.failure }
    }
}
