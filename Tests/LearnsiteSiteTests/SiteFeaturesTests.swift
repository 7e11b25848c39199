import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LearnsiteContent
import LearnsiteTestSupport
import Testing
@testable import LearnsiteSite
import LearnsiteTheme

func renderSite(_ documents: [Document], config: SiteConfig = SiteConfig(name: "Test Partnership", shortName: "TP", baseURL: "https://example.org/"),
                glossary: [GlossaryTerm] = [], references: [Reference] = [], today: Day) throws -> SiteRenderer.Result {
    let content = SiteContent(root: "Content", config: config, documents: documents, glossary: glossary, references: references)
    return SiteRenderer(content: content, theme: try Theme(overrides: nil), today: today).render()
}

func withThemes(_ document: Document, _ themes: [String], reviewBy: Day? = nil) -> Document {
    Document(kind: document.kind, slug: document.slug, sourcePath: document.sourcePath, title: document.title, date: document.date,
             summary: document.summary, themes: themes, reviewBy: reviewBy, references: document.references,
             body: document.body, bodyStartLine: 5)
}

@Suite struct SiteFeaturesTests {
    let may2024 = Day(year: 2024, month: 5, day: 14)!
    let glossary = [GlossaryTerm(term: "MASH", expansion: "Multi Agency Safeguarding Hub"),
                    GlossaryTerm(term: "CSE", expansion: "Child Sexual Exploitation", definition: "A form of child sexual abuse."),
                    GlossaryTerm(term: "TVP", expansion: "Thames Valley Police")]

    @Test func overdueNoticeDependsOnTheInjectedDate() throws {
        let doc = withThemes(document(.strategy, "s"), [], reviewBy: Day(year: 2024, month: 6, day: 1)!)
        let before = try renderSite([doc], today: may2024)
        #expect(page(before, "strategies/s/index.html")?.contains("past its review date") == false)
        #expect(page(before, "strategies/index.html")?.contains("Review overdue") == false)
        let after = try renderSite([doc], today: Day(year: 2024, month: 6, day: 2)!)
        #expect(page(after, "strategies/s/index.html")?.contains("This document is past its review date (1 June 2024).") == true)
        #expect(page(after, "strategies/index.html")?.contains("Review overdue") == true)
        #expect(page(after, "index.html")?.contains("Review overdue") == true)
        // The review date itself is the last day the document is in date.
        let onTheDay = try renderSite([doc], today: Day(year: 2024, month: 6, day: 1)!)
        #expect(page(onTheDay, "strategies/s/index.html")?.contains("past its review date") == false)
    }

    @Test func abbreviationsAreExplainedOncePerPageAndListedInTheGlossary() throws {
        let a = document(.bulletin, "a", title: "Bulletin A", body: "Ring the MASH. The MASH answers.\n")
        let b = document(.lesson, "b", title: "Lesson B", body: "## About MASH\n\nCSE and the MASH.\n")
        let result = try renderSite([a, b], glossary: glossary, today: may2024)
        let pageA = try #require(page(result, "bulletins/a/index.html"))
        #expect(pageA.components(separatedBy: "<abbr title=\"Multi Agency Safeguarding Hub\" data-pagefind-index-attrs=\"title\">MASH</abbr>").count == 2)
        let pageB = try #require(page(result, "lessons/b/index.html"))
        #expect(pageB.contains("About MASH\n</h2>"))
        #expect(pageB.contains("<abbr title=\"Child Sexual Exploitation\" data-pagefind-index-attrs=\"title\">CSE</abbr> and the <abbr title=\"Multi Agency Safeguarding Hub\" data-pagefind-index-attrs=\"title\">MASH</abbr>."))
        let glossaryPage = try #require(page(result, "glossary/index.html"))
        // A to Z, each with its definition and the pages that use it.
        let order = ["id=\"term-cse\"", "id=\"term-mash\"", "id=\"term-tvp\""].map { glossaryPage.range(of: $0)!.lowerBound }
        #expect(order == order.sorted())
        #expect(glossaryPage.contains("<strong>Child Sexual Exploitation</strong>: A form of child sexual abuse."))
        #expect(glossaryPage.contains("Used in: <a href=\"../bulletins/a/index.html\">Bulletin A</a>; <a href=\"../lessons/b/index.html\">Lesson B</a>"))
        #expect(!glossaryPage.contains("Used in: <a href=\"../lessons/b/index.html\">Lesson B</a></p>\n    </dd>\n    \n    <dt id=\"term-tvp\""))
    }

    @Test func citationsAreNumberedAndListedWithUnknownIdsWarned() throws {
        let library = [Reference(id: "jay-2014", title: "Rotherham inquiry", author: "Alexis Jay", date: "2014"),
                       Reference(id: "ofsted-2014", title: "The sexual exploitation of children: it couldn't happen here, could it?", publisher: "Ofsted", url: "https://www.gov.uk/ofsted"),
                       Reference(id: "further", title: "Further reading")]
        var doc = document(.bulletin, "c", body: "Ofsted [@ofsted-2014].\n\nJay [@jay-2014] and [@missing-1].\n", references: ["further", "jay-2014", "gone"])
        doc = withThemes(doc, [])
        let result = try renderSite([doc], references: library, today: may2024)
        let html = try #require(page(result, "bulletins/c/index.html"))
        #expect(html.contains("Ofsted <sup class=\"citation\">[<a href=\"#ref-ofsted-2014\">1</a>]</sup>"))
        let list = try #require(html.range(of: "<ol class=\"reference-list\">"))
        let ids = ["ref-ofsted-2014", "ref-jay-2014", "ref-further"].map { html.range(of: "id=\"\($0)\"", range: list.upperBound..<html.endIndex)!.lowerBound }
        #expect(ids == ids.sorted(), "cited references come first, in citation order, then the front matter's")
        #expect(html.contains("<a href=\"https://www.gov.uk/ofsted\"><cite>The sexual exploitation of children: it couldn&#39;t happen here, could it?</cite></a>. Ofsted."))
        let warnings = result.warnings.filter { $0.file.hasSuffix("bulletins/c.md") }
        #expect(warnings.map(\.line) == [7, 9])
        #expect(warnings[0].message.contains("[@missing-1]") && warnings[1].message.contains("`gone`"))
        let library_ = try #require(page(result, "reference-library/index.html"))
        #expect(library_.contains("Alexis Jay (2014)."))
    }

    @Test func themePagesListEveryDocumentOfTheTheme() throws {
        let config = SiteConfig(name: "P", baseURL: "https://example.org/", themeTitles: ["county-lines": "County lines"])
        let docs = [withThemes(document(.bulletin, "one", title: "One"), ["cse", "county-lines"]),
                    withThemes(document(.lesson, "two", title: "Two"), ["cse"]),
                    withThemes(document(.page, "about", title: "About"), ["cse"])]
        let result = try renderSite(docs, config: config, glossary: glossary, today: may2024)
        let cse = try #require(page(result, "themes/cse/index.html"))
        #expect(cse.contains("<h1>Child Sexual Exploitation (CSE)</h1>"))
        #expect(cse.contains("../../bulletins/one/index.html") && cse.contains("../../lessons/two/index.html"))
        #expect(!cse.contains("<p class=\"document-title\"><a href=\"../../pages/about/index.html\">"), "plain pages are not themed documents")
        #expect(page(result, "themes/county-lines/index.html")?.contains("<h1>County lines</h1>") == true)
        let index = try #require(page(result, "themes/index.html"))
        #expect(index.contains("2 documents") && index.contains("1 document<"))
        #expect(page(result, "bulletins/one/index.html")?.contains("<a class=\"theme\" href=\"../../themes/county-lines/index.html\" data-pagefind-filter=\"theme\">County lines</a>") == true)
    }

    @Test func feedSitemapRobotsAndCanonicalAddresses() throws {
        let docs = [withThemes(document(.bulletin, "b", title: "Bulletin & news", date: may2024), ["cse"]),
                    document(.lesson, "l", date: Day(year: 2023, month: 1, day: 2)!), document(.strategy, "s")]
        let result = try renderSite(docs, today: may2024)
        let feed = try #require(page(result, "feed.xml"))
        #expect(try XMLDocument(xmlString: feed).rootElement()?.name == "feed")
        #expect(feed.contains("<title>Bulletin &amp; news</title>"))
        #expect(feed.contains("<id>https://example.org/bulletins/b/</id>"))
        #expect(feed.contains("<updated>2024-05-14T00:00:00Z</updated>"))
        #expect(!feed.contains("strategies/s"), "the feed carries bulletins and lessons only")
        let archive = (1...DiscoveryFiles.feedLength + 5).map { document(.bulletin, "b\($0)", date: Day(year: 2000 + $0, month: 1, day: 1)!) }
        let long = try #require(page(try renderSite(archive, today: may2024), "feed.xml"))
        #expect(long.components(separatedBy: "<entry>").count - 1 == DiscoveryFiles.feedLength, "the newest only")
        #expect(long.contains("bulletins/b55/") && !long.contains("bulletins/b5/"))
        let sitemap = try #require(page(result, "sitemap.xml"))
        #expect(try XMLDocument(xmlString: sitemap).rootElement()?.name == "urlset")
        #expect(sitemap.contains("<loc>https://example.org/strategies/s/</loc><lastmod>2024-05-14</lastmod>"))
        #expect(sitemap.contains("<loc>https://example.org/themes/cse/</loc>"))
        #expect(page(result, "robots.txt") == "User-agent: *\nAllow: /\nSitemap: https://example.org/sitemap.xml\n")
        #expect(page(result, "index.html")?.contains("<link rel=\"alternate\" type=\"application/atom+xml\"") == true)
    }

    @Test func withoutBaseURLThereIsNoFeedOrSitemapAndAWarning() throws {
        let result = try renderSite([document(.bulletin, "b")], config: SiteConfig(name: "P"), today: may2024)
        #expect(page(result, "feed.xml") == nil && page(result, "sitemap.xml") == nil)
        #expect(page(result, "robots.txt") == "User-agent: *\nAllow: /\n")
        #expect(result.warnings.contains { $0.file.hasSuffix("site.yml") && $0.message.contains("base_url") })
        #expect(page(result, "bulletins/b/index.html")?.contains("rel=\"canonical\"") == false)
    }

    @Test func notFoundPageLinksFromTheSiteRoot() throws {
        let result = try renderSite([document(.bulletin, "b")], config: SiteConfig(name: "P", baseURL: "https://example.org/safeguarding/"), today: may2024)
        let html = try #require(page(result, "404.html"))
        #expect(html.contains("<link rel=\"stylesheet\" href=\"/safeguarding/assets/style.css\">"))
        #expect(html.contains("href=\"/safeguarding/index.html\""))
    }

    @Test func exitThisPageIsOnEveryPageUnlessTurnedOff() throws {
        let on = try renderSite([document(.bulletin, "b")], config: SiteConfig(name: "P", exitURL: "https://www.bbc.co.uk/weather"), today: may2024)
        for file in on.files where file.path.hasSuffix(".html") {
            let html = String(decoding: file.contents, as: UTF8.self)
            #expect(html.contains("class=\"exit-this-page__button\" role=\"button\" rel=\"nofollow noreferrer\""), "no exit button on \(file.path)")
            #expect(html.contains("assets/exit-this-page.js\" defer"))
        }
        #expect(on.files.contains { $0.path == "assets/exit-this-page.js" })
        let off = try renderSite([document(.bulletin, "b")], config: SiteConfig(name: "P", exitURL: nil), today: may2024)
        #expect(page(off, "bulletins/b/index.html")?.contains("exit-this-page") == false)
    }

    @Test func everyPageCarriesTheContentSecurityPolicyAndNoThirdPartyAssets() throws {
        let result = try renderSite([document(.bulletin, "b"), document(.page, "p")], glossary: glossary, today: may2024)
        for file in result.files where file.path.hasSuffix(".html") {
            let html = String(decoding: file.contents, as: UTF8.self)
            #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self'"))
            #expect(!html.contains("src=\"http"), "\(file.path) loads something from elsewhere")
            #expect(!html.contains("stylesheet\" href=\"http"))
        }
    }
}

@Suite struct TrainingCalendarTests {
    let today = Day(year: 2026, month: 11, day: 21)!

    func course(_ slug: String, title: String) -> Document {
        Document(kind: .course, slug: slug, sourcePath: "Content/training/courses/\(slug).md", title: title, date: today,
                 courseDetails: CourseDetails(level: 2, duration: "half day", outcomes: ["Spot the signs"], refreshYears: 3),
                 body: "About the course.")
    }

    func render(_ sessions: [TrainingSession]) throws -> SiteRenderer.Result {
        let content = SiteContent(root: "Content", config: SiteConfig(name: "Board"),
                                  documents: [course("cse-awareness", title: "CSE awareness"), document(.bulletin, "b")],
                                  sessions: sessions)
        return SiteRenderer(content: content, theme: try Theme(overrides: nil), today: today).render()
    }

    @Test func upcomingTrainingListsFutureSessionsByDateAndHidesPastOnes() throws {
        let sessions = [
            TrainingSession(course: "cse-awareness", date: Day(year: 2027, month: 2, day: 9)!, start: "13:30", end: "17:00", venue: "Bletchley", places: 20, bookingURL: "https://example.org/book/2"),
            TrainingSession(course: "cse-awareness", date: Day(year: 2026, month: 6, day: 18)!, venue: "Past venue"),
            TrainingSession(course: "cse-awareness", date: today, venue: "Today venue"),
            TrainingSession(course: "unknown-course", date: Day(year: 2027, month: 1, day: 5)!, venue: "Elsewhere"),
        ]
        let result = try render(sessions)
        let html = try #require(page(result, "training/index.html"))
        #expect(!html.contains("Past venue"))
        let order = ["Today venue", "Elsewhere", "Bletchley"].map { html.range(of: $0)!.lowerBound }
        #expect(order == order.sorted())
        #expect(html.contains("<a href=\"../training/courses/cse-awareness/index.html\">CSE awareness</a>"))
        #expect(html.contains("13:30 to 17:00"))
        #expect(html.contains("<a href=\"https://example.org/book/2\">Book<span class=\"visually-hidden\"> CSE awareness on 9 February 2027</span></a>"))
        #expect(page(result, "index.html")?.contains("<a href=\"training/index.html\">Upcoming training</a>: 3 multi-agency sessions") == true)
    }

    @Test func aCoursePageShowsItsFactsOutcomesAndSessions() throws {
        let result = try render([TrainingSession(course: "cse-awareness", date: Day(year: 2027, month: 5, day: 13)!, venue: "MKUH")])
        let html = try #require(page(result, "training/courses/cse-awareness/index.html"))
        #expect(html.contains("<dt>Level</dt><dd>2</dd>") && html.contains("<dt>Refresh</dt><dd>every 3 years</dd>"))
        #expect(html.contains("<li>Spot the signs</li>"))
        #expect(html.contains("MKUH"))
        #expect(html.contains("<a href=\"../../../training/index.html\">All upcoming training</a>"))
        #expect(page(result, "training/courses/index.html")?.contains("CSE awareness") == true)
    }

    @Test func aCourseWithoutSessionsSaysSo() throws {
        let html = try #require(page(try render([]), "training/courses/cse-awareness/index.html"))
        #expect(html.contains("No sessions of this course are scheduled at the moment."))
    }
}
