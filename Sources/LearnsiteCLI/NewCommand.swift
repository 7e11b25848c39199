import ArgumentParser
import LearnsiteContent

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new document with its front matter filled in.",
        discussion: "KIND is one of: \(DocumentKind.allCases.map(\.rawValue).joined(separator: ", ")). The file is named after the title and never overwrites another.")

    @Argument(help: "The kind of document, e.g. bulletin.")
    var kind: String

    @Argument(help: "Its title, in quotes.")
    var title: String

    @Option(help: "The content folder.")
    var content = "Content"

    func run() throws {
        guard let documentKind = DocumentKind(argument: kind) else {
            Terminal.error("`\(kind)` is not a kind of document; use one of: \(DocumentKind.allCases.map(\.rawValue).joined(separator: ", "))")
            throw ExitCode.failure
        }
        do {
            let path = try NewDocument.create(kind: documentKind, title: title, content: content, today: .today())
            print("Created \(path). Fill in its summary and themes, then run learnsite build.")
        } catch {
            Terminal.error("error: \(error.message)")
            throw ExitCode.failure
        }
    }
}
