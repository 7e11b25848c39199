import Foundation
import LearnsiteBuild
import LearnsiteTestSupport
import Testing
@testable import LearnsitePreview

@Suite struct PreviewServerTests {
    @Test func servesRebuildsReloadsShowsErrorsAndRefusesTraversal() async throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/bulletins/b.md", markdownFile("title: First title\ndate: 2024-05-14"))
        let options = BuildOptions(content: folder.url("Content"), output: folder.url("Output"), search: false)
        let (ports, announce) = AsyncStream<Int>.makeStream()
        let server = Task { try await PreviewServer(options: options, port: 0).run(ready: { announce.yield($0) }) }
        defer { server.cancel() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())

        let page = try LoopbackHTTP.get(port: port, "/bulletins/b/")
        #expect(page.status == 200)
        #expect(page.head.lowercased().contains("content-type: text/html; charset=utf-8"))
        #expect(page.body.contains("First title") && page.body.contains("<script src=\"/__learnsite/reload.js\" defer></script>"))
        #expect(try LoopbackHTTP.get(port: port, "/assets/style.css").head.lowercased().contains("content-type: text/css"))
        #expect(try LoopbackHTTP.get(port: port, "/bulletins/b").status == 301)
        let missing = try LoopbackHTTP.get(port: port, "/nowhere/")
        #expect(missing.status == 404 && missing.body.contains("Page not found"))
        #expect(!folder.read("Output/site/bulletins/b/index.html")!.contains("__learnsite"), "the published file has no preview script")

        for attack in ["/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/assets/..%2f..%2f..%2fContent/site.yml", "/.staging/x", "/..%5c..%5cetc%5cpasswd"] {
            let reply = try LoopbackHTTP.get(port: port, attack)
            #expect(reply.status == 404 || reply.status == 400, "\(attack) gave \(reply.status)")
            #expect(!reply.body.contains("root:") && !reply.body.contains("name: Test"), "\(attack) escaped the site folder")
        }

        let events = try LoopbackHTTP(port: port)
        events.send(get: "/__learnsite/events")
        #expect(events.read(until: ": connected").contains("text/event-stream"))
        folder.write("Content/bulletins/b.md", markdownFile("title: Second title\ndate: 2024-05-14"))
        #expect(events.read(until: "event: reload").contains("event: reload"))
        #expect(try LoopbackHTTP.get(port: port, "/bulletins/b/").body.contains("Second title"))

        folder.write("Content/bulletins/b.md", markdownFile("title: Broken\ndate: someday"))
        let failure = events.read(until: "someday")
        #expect(failure.contains("event: failed") && failure.contains("\"line\":\"3\"") && failure.contains("b.md"))
        #expect(try LoopbackHTTP.get(port: port, "/bulletins/b/").body.contains("Second title"), "the last good site is still served")
    }

    @Test func pathsOutsideTheSiteAreNeverFound() throws {
        let folder = TemporaryFolder()
        folder.write("site/index.html", "home")
        folder.write("secret.txt", "secret")
        let files = SiteFiles(root: URL(fileURLWithPath: folder.url("site")).standardizedFileURL.resolvingSymlinksInPath())
        #expect(files.lookup("/") == .file(files.root.appendingPathComponent("index.html")))
        for path in ["/../secret.txt", "/%2E%2E/secret.txt", "/a/../../secret.txt", "/.hidden"] {
            #expect(files.lookup(path) == .notFound, "\(path)")
        }
        try FileManager.default.createSymbolicLink(atPath: folder.url("site/link"), withDestinationPath: folder.url("secret.txt"))
        #expect(files.lookup("/link") == .notFound, "a symlink out of the site is refused")
    }
}
