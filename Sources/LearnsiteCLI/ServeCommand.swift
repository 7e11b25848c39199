import ArgumentParser
import Foundation
import LearnsiteBuild
import LearnsitePreview

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site: build it, serve it on this computer, rebuild and reload pages on every change.")

    @Option(help: "The port to serve on.")
    var port = 8000

    @Option(help: "The address to listen on. Keep 127.0.0.1 unless others must see the preview.")
    var host = "127.0.0.1"

    @Option(help: "The content folder.")
    var content = "Content"

    @Option(help: "Templates overriding the built-in ones (default: Templates/ beside the content folder).")
    var templates: String?

    @Option(help: "The output folder; the preview serves OUTPUT/site.")
    var output = "Output"

    func run() async throws {
        let options = BuildOptions(content: content, templates: templates, output: output)
        let server = PreviewServer(options: options, host: host, port: port)
        let host = self.host
        // Line by line even when the output goes to a file or a pipe, so each build is seen as it happens.
        let say: @Sendable (String) -> Void = { line in
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
        try await server.run(ready: { port in
            say("Previewing at http://\(host):\(port)/ - edit \(options.content) and open pages reload. Press Ctrl-C to stop.")
        }, report: say)
    }
}
