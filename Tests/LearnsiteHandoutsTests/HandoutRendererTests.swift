import Foundation
import LearnsiteContent
import LearnsiteRendering
import LearnsiteTestSupport
import LearnsiteTheme
import Testing
@testable import LearnsiteHandouts

private func doc(_ kind: DocumentKind, _ slug: String, title: String? = nil, handout: Bool = true, include: [String] = [],
                 discussion: [String] = [], body: String = "Body with a [link](https://example.org/report).") -> Document {
    Document(kind: kind, slug: slug, sourcePath: "Content/\(kind.folder)/\(slug).md", title: title ?? "Title of \(slug)",
             date: Day(year: 2024, month: 5, day: 14)!, revised: Day(year: 2024, month: 6, day: 1), handout: handout,
             discussion: discussion, include: include.enumerated().map { SourceValue($1, line: 6 + $0) },
             course: kind == .handout ? "CSE awareness" : nil, body: body)
}

private func render(_ documents: [Document], config: SiteConfig = SiteConfig(name: "Test Board", shortName: "TB", baseURL: "https://example.org/",
                    contacts: [Contact(name: "MASH", phone: "01908 253169")]), withPDF: Bool = false) throws -> HandoutRenderer.Result {
    let content = SiteContent(root: "Content", config: config, documents: documents)
    let bodies = DocumentBodies(renderer: BodyRenderer(content: content), documents: content.documents)
    return HandoutRenderer(content: content, theme: try Theme(overrides: nil), bodies: bodies,
                           today: Day(year: 2026, month: 11, day: 21)!).render(withPDF: withPDF)
}

private func text(_ result: HandoutRenderer.Result, _ path: String) -> String? {
    result.files.first { $0.path == path }.map { String(decoding: $0.contents, as: UTF8.self) }
}

@Suite struct HandoutRendererTests {
    @Test(arguments: [DocumentKind.bulletin, .strategy, .references, .lesson, .briefing, .page])
    func everyKindHasAnA4Handout(kind: DocumentKind) throws {
        let result = try render([doc(kind, "one", discussion: ["What would you do?"])])
        let html = try #require(text(result, "\(kind.folder)/one.html"))
        #expect(html.contains("<link rel=\"stylesheet\" href=\"../assets/print.css\">"))
        #expect(html.contains("<h1 class=\"document-title\">Title of one</h1>"))
        #expect(html.contains("<span class=\"revised-date\">Revised 1 June 2024</span>"))
        #expect(html.contains("<span class=\"online-url\">https://example.org/\(kind.folder)/one/</span>"))
        #expect(html.contains("<p>What would you do?</p><div class=\"notes\" aria-hidden=\"true\"></div>"))
        // The contact box comes last, after the document.
        let contact = try #require(html.range(of: "Worried about a child?"))
        #expect(html.range(of: "</article>")!.lowerBound < contact.lowerBound)
        #expect(html.contains("01908 253169"))
        #expect(result.handouts.contains("\(kind.folder)/one.html"))
    }

    @Test func theStylesheetIsA4WithRunningHeaderAndFooter() throws {
        let result = try render([doc(.bulletin, "b")])
        let css = try #require(text(result, "assets/print.css"))
        #expect(css.contains("size: A4;"))
        #expect(css.contains("\"Page \" counter(page) \" of \" counter(pages)"))
        #expect(css.contains("string(board)") && css.contains("string(doctitle)") && css.contains("string(revised)") && css.contains("string(online)"))
        #expect(css.contains(".body a[href^=\"http\"]::after { content: \" (\" attr(href) \")\""))
    }

    @Test func handoutFalseIsRespected() throws {
        let result = try render([doc(.bulletin, "yes"), doc(.bulletin, "no", handout: false)])
        #expect(text(result, "bulletins/yes.html") != nil)
        #expect(text(result, "bulletins/no.html") == nil)
        #expect(text(result, "index.html")?.contains("Title of no") == false)
    }

    @Test func aPackHasACoverContentsAndTheDocumentsInItsOrder() throws {
        let pack = doc(.handout, "pack", title: "CSE trainer pack", include: ["lessons/l", "bulletins/b", "references/r.md"], body: "Intro for trainers.")
        let result = try render([doc(.bulletin, "b", title: "Bulletin B"), doc(.lesson, "l", title: "Lesson L"),
                                 doc(.references, "r", title: "Refs R", handout: false), pack])
        #expect(result.diagnostics.isEmpty)
        let html = try #require(text(result, "packs/pack.html"))
        #expect(html.contains("<section class=\"cover\">") && html.contains("Course: CSE awareness"))
        #expect(html.contains("<nav class=\"contents\""))
        let order = ["id=\"introduction\"", "id=\"doc-lessons-l\"", "id=\"doc-bulletins-b\"", "id=\"doc-references-r\""]
            .map { html.range(of: $0)!.lowerBound }
        #expect(order == order.sorted())
        #expect(html.contains("<li><a href=\"#doc-lessons-l\">Lesson L</a></li>"))
        #expect(html.components(separatedBy: "Worried about a child?").count == 2, "one contact box, at the end")
        #expect(text(result, "index.html")?.contains("href=\"packs/pack.html\"") == true)
    }

    @Test func anIncludeThatNamesNoDocumentIsAnErrorAndOtherHandoutsStillBuild() throws {
        let pack = doc(.handout, "broken", include: ["lessons/missing", "bulletins/b"])
        let result = try render([doc(.bulletin, "b"), pack])
        let error = try #require(result.diagnostics.first)
        #expect(error.severity == .error && error.file == "Content/handouts/broken.md" && error.line == 6)
        #expect(error.message.contains("`lessons/missing` names no document"))
        #expect(text(result, "packs/broken.html") == nil)
        #expect(text(result, "bulletins/b.html") != nil)
    }

    @Test func aPackCannotIncludeAPack() throws {
        let inner = doc(.handout, "inner", include: ["bulletins/b"])
        let outer = doc(.handout, "outer", include: ["handouts/inner"])
        let result = try render([doc(.bulletin, "b"), inner, outer])
        #expect(result.diagnostics.map(\.file) == ["Content/handouts/outer.md"])
        #expect(result.diagnostics.first?.message.contains("another trainer pack") == true)
        #expect(text(result, "packs/inner.html") != nil)
    }

    @Test func aMissingLogoIsReportedAndHandoutsBuildWithoutIt() throws {
        let config = SiteConfig(name: "Board", logo: "assets/nowhere.png")
        let result = try render([doc(.bulletin, "b")], config: config)
        #expect(result.diagnostics.contains { $0.severity == .warning && $0.message.contains("assets/nowhere.png") })
        #expect(text(result, "bulletins/b.html")?.contains("<img") == false)
    }

    @Test func aLogoThatExistsIsCopiedAndShown() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/assets/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        let content = SiteContent(root: folder.url("Content"), config: SiteConfig(name: "Board", logo: "assets/logo.svg"), documents: [doc(.bulletin, "b")])
        let bodies = DocumentBodies(renderer: BodyRenderer(content: content), documents: content.documents)
        let result = HandoutRenderer(content: content, theme: try Theme(overrides: nil), bodies: bodies, today: Day(year: 2026, month: 1, day: 1)!).render(withPDF: false)
        #expect(result.files.contains { $0.path == "assets/logo.svg" })
        #expect(text(result, "bulletins/b.html")?.contains("<img class=\"logo\" src=\"../assets/logo.svg\" alt=\"\">") == true)
    }

    @Test func theIndexLinksPDFsOnlyWhenTheyAreMade() throws {
        #expect(try text(render([doc(.bulletin, "b")]), "index.html")?.contains(".pdf") == false)
        #expect(try text(render([doc(.bulletin, "b")], withPDF: true), "index.html")?.contains("href=\"bulletins/b.pdf\"") == true)
    }

    @Test func aVeryWideTableStaysInsideThePage() throws {
        let wide = "| " + (1...30).map { "Column \($0)" }.joined(separator: " | ") + " |\n|" + String(repeating: " --- |", count: 30) + "\n| " + (1...30).map { "value-\($0)-without-spaces-at-all" }.joined(separator: " | ") + " |\n"
        let result = try render([doc(.briefing, "wide", body: wide)])
        #expect(text(result, "briefings/wide.html")?.contains("<table>") == true)
        #expect(text(result, "assets/print.css")?.contains("table-layout: fixed") == true)
    }
}

@Suite struct PDFManifestTests {
    @Test func theFingerprintNoticesAnyChange() {
        #expect(Fingerprint(Array("a".utf8)) != Fingerprint(Array("b".utf8)))
        #expect(Fingerprint(Array("same".utf8)) == Fingerprint(Array("same".utf8)))
        var split = Fingerprint(), joined = Fingerprint()
        split.add("ab"); split.add("c")
        joined.add("a"); joined.add("bc")
        #expect(split != joined)
    }

    @Test func theManifestRoundTrips() throws {
        let folder = TemporaryFolder()
        folder.write(".pdf-inputs", "ff00 bulletins/b.html\n1a packs/p.html\nnot a line\n")
        #expect(PDFRenderer.readManifest(URL(fileURLWithPath: folder.url(".pdf-inputs"))) == ["bulletins/b.html": 0xff00, "packs/p.html": 0x1a])
    }
}

@Suite struct HandoutViewKeysTests {
    func expectKeysCoverFields<View: MustacheView>(_ view: View, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(Set(View.keys.allNames) == Set(Mirror(reflecting: view).children.compactMap(\.label)), "\(View.self)", sourceLocation: sourceLocation)
    }

    @Test func everyHandoutViewListsAllItsFields() {
        let day = DateView(Day(year: 2024, month: 5, day: 14)!)
        let layout = HandoutLayoutView(boardName: "b", root: "", pageTitle: "p", logo: nil)
        let board = HandoutBoardView(contacts: [])
        let document = HandoutDocumentView(title: "t", kind: "k", anchor: "a", summary: nil, date: day, revised: nil, reviewBy: nil,
                                           overdue: false, onlineURL: nil, figures: [], discussion: [], body: [], references: [])
        expectKeysCoverFields(layout)
        expectKeysCoverFields(document)
        expectKeysCoverFields(HandoutPageView(layout: layout, document: document, board: board))
        expectKeysCoverFields(board)
        expectKeysCoverFields(PackPageView(layout: layout, title: "t", course: nil, date: day, summary: nil, intro: nil, documents: [], board: board))
        let link = HandoutLink(title: "t", html: "h", pdf: nil)
        expectKeysCoverFields(link)
        expectKeysCoverFields(HandoutGroup(title: "t", handouts: [link]))
        expectKeysCoverFields(HandoutIndexView(layout: layout, groups: []))
    }
}
