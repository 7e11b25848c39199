import LearnsiteContent
import LearnsiteTestSupport
import Testing
@testable import LearnsiteSite
import LearnsiteTheme

/// Renders in-memory content with the built-in theme.
func renderSite(_ documents: [Document], config: SiteConfig = SiteConfig(name: "Test Partnership", shortName: "TP", baseURL: "https://example.org/"),
                references: [Reference] = [], home: HomeIntro? = nil) throws -> SiteRenderer.Result {
    let content = SiteContent(root: "Content", config: config, documents: documents, references: references, home: home)
    return SiteRenderer(content: content, theme: try Theme(overrides: nil), today: Day(year: 2026, month: 11, day: 21)!).render()
}

func page(_ result: SiteRenderer.Result, _ path: String) -> String? {
    result.files.first { $0.path == path }.map { String(decoding: $0.contents, as: UTF8.self) }
}

func document(_ kind: DocumentKind, _ slug: String, title: String = "A title", date: Day = Day(year: 2024, month: 5, day: 14)!,
              body: String = "Body text.", summary: String? = nil, discussion: [String] = [], figures: [Figure] = [],
              references: [String] = []) -> Document {
    Document(kind: kind, slug: slug, sourcePath: "Content/\(kind.folder)/\(slug).md", title: title, date: date, summary: summary,
             discussion: discussion, figures: figures, references: references.map { SourceValue($0, line: 9) }, body: body)
}

@Suite struct SiteRendererTests {
    @Test(arguments: [DocumentKind.bulletin, .strategy, .references, .lesson, .briefing, .page])
    func eachKindHasItsPageAndIndex(kind: DocumentKind) throws {
        let result = try renderSite([document(kind, "first", title: "First \(kind.rawValue)", body: "## Warning signs\n\nText.")])
        let html = try #require(page(result, "\(kind.folder)/first/index.html"))
        #expect(html.contains("<h1>First \(kind.rawValue)</h1>"))
        #expect(html.contains("<h2 id=\"warning-signs\">"))
        #expect(html.contains("<link rel=\"stylesheet\" href=\"../../assets/style.css\">"))
        #expect(html.contains("<link rel=\"canonical\" href=\"https://example.org/\(kind.folder)/first/\">"))
        let index = try #require(page(result, "\(kind.folder)/index.html"))
        #expect(index.contains("href=\"../\(kind.folder)/first/index.html\""))
        let home = try #require(page(result, "index.html"))
        #expect(kind == .page ? home.contains("href=\"pages/first/index.html\"") : home.contains("href=\"\(kind.folder)/first/index.html\""))
    }

    @Test func escapesEveryFrontMatterValue() throws {
        let evil = "<script>alert(1)</script>"
        let result = try renderSite([document(.bulletin, "x", title: evil, summary: "\"quoted\" & <b>", discussion: [evil],
                                              figures: [Figure(label: evil, value: "<1>", note: evil)])],
                                    config: SiteConfig(name: evil, contacts: [Contact(name: evil, phone: "01908 253169")]))
        for file in result.files where file.path.hasSuffix(".html") {
            let html = String(decoding: file.contents, as: UTF8.self)
            #expect(!html.contains("<script>"), "unescaped script in \(file.path)")
        }
        let html = try #require(page(result, "bulletins/x/index.html"))
        #expect(html.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"))
        #expect(html.contains("&quot;quoted&quot; &amp; &lt;b&gt;"))
    }

    @Test func bodyRawHTMLAndJavascriptLinksAreRemoved() throws {
        let result = try renderSite([document(.bulletin, "x", body: "<script>alert(1)</script>\n\n[call](javascript:alert(1))\n")])
        let html = try #require(page(result, "bulletins/x/index.html"))
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("javascript:"))
    }

    @Test func contactsAppearOnEveryPageWithTelLinks() throws {
        let config = SiteConfig(name: "MKSCB", contacts: [Contact(name: "MASH", phone: "01908 253169")])
        let result = try renderSite([document(.bulletin, "x"), document(.page, "about")], config: config)
        for path in ["index.html", "bulletins/index.html", "bulletins/x/index.html", "pages/about/index.html"] {
            let html = try #require(page(result, path))
            #expect(html.contains("<a href=\"tel:01908253169\">01908 253169</a>"), "no MASH number on \(path)")
        }
    }

    @Test func listsAreNewestFirstAndHomeLimitsEachSection() throws {
        let bulletins = (1...7).map { document(.bulletin, "b\($0)", title: "Bulletin \($0)", date: Day(year: 2020 + $0, month: 1, day: 1)!) }
        let result = try renderSite(bulletins)
        let index = try #require(page(result, "bulletins/index.html"))
        let positions = (1...7).map { index.range(of: "Bulletin \($0)<")!.lowerBound }
        #expect(positions == positions.sorted(by: >))
        let home = try #require(page(result, "index.html"))
        #expect(home.contains("Bulletin 7<") && !home.contains("Bulletin 2<"))
        #expect(home.contains("All 7 documents"))
    }

    @Test func referenceListsAndUnknownIDs() throws {
        let library = [Reference(id: "jay-2014", title: "Independent Inquiry into CSE in Rotherham", author: "Alexis Jay", date: "2014-08", url: "https://example.org/jay")]
        let result = try renderSite([document(.references, "key", references: ["jay-2014", "nobody-2000"])], references: library)
        let html = try #require(page(result, "references/key/index.html"))
        #expect(html.contains("Alexis Jay (2014-08). <a href=\"https://example.org/jay\"><cite>Independent Inquiry into CSE in Rotherham</cite></a>."))
        let warning = try #require(result.warnings.first)
        #expect(warning.severity == .warning && warning.line == 9 && warning.file.hasSuffix("references/key.md"))
        #expect(warning.message.contains("nobody-2000"))
    }

    @Test func aLevelOneHeadingInTheBodyIsReportedAtItsFileLine() throws {
        var doc = document(.bulletin, "x", body: "Intro.\n\n# Second title\n")
        doc = Document(kind: doc.kind, slug: doc.slug, sourcePath: doc.sourcePath, title: doc.title, date: doc.date,
                       body: doc.body, bodyStartLine: 6)
        let result = try renderSite([doc])
        let warning = try #require(result.warnings.first)
        #expect(warning.line == 8)
        #expect(warning.message.contains("Second title"))
    }

    @Test func oneH1PerPage() throws {
        let result = try renderSite([document(.lesson, "l", discussion: ["What would you do?"], figures: [Figure(label: "cases", value: "3")])])
        for file in result.files where file.path.hasSuffix(".html") {
            let html = String(decoding: file.contents, as: UTF8.self)
            #expect(html.components(separatedBy: "<h1").count == 2, "\(file.path) should have exactly one h1")
        }
    }

    @Test func rendersTheSameBytesEveryTime() throws {
        let documents = (1...40).map { document(.briefing, "d\($0)", body: "| a |\n| - |\n| \($0) |\n") }
        let first = try renderSite(documents)
        let second = try renderSite(documents)
        #expect(first.files == second.files)
    }

    @Test func aFileInTheOverrideFolderReplacesOnlyThatTemplate() throws {
        let folder = TemporaryFolder()
        folder.write("Templates/page.mustache", "{{<layout}}{{$main}}<p class=\"custom\">{{title}}</p>{{/main}}{{/layout}}")
        folder.write("Templates/assets/extra.css", "body{}")
        let theme = try Theme(overrides: folder.url("Templates"))
        let content = SiteContent(root: "Content", config: SiteConfig(name: "P"),
                                  documents: [document(.page, "about", title: "About us"), document(.bulletin, "b", title: "Bulletin")])
        let result = SiteRenderer(content: content, theme: theme, today: Day(year: 2026, month: 11, day: 21)!).render()
        #expect(page(result, "pages/about/index.html")?.contains("<p class=\"custom\">About us</p>") == true)
        #expect(page(result, "bulletins/b/index.html")?.contains("<h1>Bulletin</h1>") == true)
        #expect(result.files.contains { $0.path == "assets/extra.css" })
        #expect(result.files.contains { $0.path == "assets/style.css" })
    }
}
