import Foundation
import Hummingbird
import LearnsiteBuild
import LearnsiteContent

/// `learnsite serve`: builds the site, serves `OUTPUT/site` on loopback, rebuilds when the content or
/// templates change and tells open pages to reload. A failed rebuild leaves the last good site being
/// served (the build never replaced it) and shows the errors over the page instead.
public struct PreviewServer: Sendable {
    public let options: BuildOptions
    public let host: String
    public let port: Int

    public init(options: BuildOptions, host: String = "127.0.0.1", port: Int = 8000) {
        self.options = options
        self.host = host
        self.port = port
    }

    /// Runs until cancelled. `ready` gets the port actually bound (useful with port 0); `report`
    /// gets a line per build.
    public func run(ready: @escaping @Sendable (Int) -> Void = { _ in },
                    report: @escaping @Sendable (String) -> Void = { _ in }) async throws {
        let state = PreviewState()
        await build(state, report: report)
        let files = SiteFiles(root: URL(fileURLWithPath: options.siteFolder).standardizedFileURL.resolvingSymlinksInPath())
        let router = Router()
        router.get("__learnsite/reload.js") { _, _ in
            Self.text(PreviewAssets.reloadScript, type: "text/javascript; charset=utf-8")
        }
        router.get("__learnsite/preview.css") { _, _ in
            Self.text(PreviewAssets.overlayStyle, type: "text/css; charset=utf-8")
        }
        router.get("__learnsite/events") { _, _ in
            let events = await state.subscribe()
            return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
                            body: ResponseBody { writer in
                                try await writer.write(ByteBuffer(string: ": connected\n\n"))
                                for await event in events {
                                    try await writer.write(ByteBuffer(string: PreviewAssets.serverSentEvent(event)))
                                }
                                try await writer.finish(nil)
                            })
        }
        router.get("/") { request, _ in Self.serve(request.uri.path, from: files) }
        router.get("**") { request, _ in Self.serve(request.uri.path, from: files) }

        let app = Application(router: router, configuration: .init(address: .hostname(host, port: port), serverName: "learnsite"),
                              onServerRunning: { channel in ready(channel.localAddress?.port ?? port) })
        let watcher = ChangeWatcher(folders: watchedFolders(), interval: .milliseconds(300))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint]) }
            group.addTask { await watcher.watch { await build(state, report: report) } }
            try await group.next()
            group.cancelAll()
        }
    }

    /// The content folder and the template overrides, if any.
    func watchedFolders() -> [String] {
        [options.content] + (options.templateFolder.map { [$0] } ?? [])
    }

    private func build(_ state: PreviewState, report: @Sendable (String) -> Void) async {
        let started = Date()
        do {
            let result = try SiteBuild.run(options)
            let errors = result.errors
            report("Built \(result.pages) pages in \(String(format: "%.2f", Date().timeIntervalSince(started))) s"
                   + (errors.isEmpty ? "" : " with \(errors.count) error(s)") + ".")
            for problem in result.diagnostics where problem.severity != .note { report(problem.description) }
            await state.built(errors.isEmpty ? nil : errors)
        } catch {
            for problem in error.diagnostics { report(problem.description) }
            report("The build failed; still serving the last good site.")
            await state.built(error.diagnostics.filter { $0.severity == .error })
        }
    }

    static func serve(_ path: String, from files: SiteFiles) -> Response {
        switch files.lookup(path) {
        case .redirect(let location):
            return Response(status: .movedPermanently, headers: [.location: location])
        case .file(let url):
            return file(url, status: .ok)
        case .notFound:
            let page = files.root.appendingPathComponent("404.html")
            return FileManager.default.fileExists(atPath: page.path) ? file(page, status: .notFound)
                : text("Not found", type: "text/plain; charset=utf-8", status: .notFound)
        }
    }

    private static func file(_ url: URL, status: HTTPResponse.Status) -> Response {
        guard var data = FileManager.default.contents(atPath: url.path) else {
            return text("Not found", type: "text/plain; charset=utf-8", status: .notFound)
        }
        let type = SiteFiles.contentType(of: url)
        if type.hasPrefix("text/html") { data = PreviewAssets.injectReload(into: data) }
        return Response(status: status, headers: [.contentType: type, .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    private static func text(_ body: String, type: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
