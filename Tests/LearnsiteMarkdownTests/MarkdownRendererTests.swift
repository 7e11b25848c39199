import Dispatch
import Synchronization
import Testing
@testable import LearnsiteMarkdown

@Suite struct MarkdownRendererTests {
    let safe = MarkdownRenderer()

    @Test func rendersTables() {
        let html = safe.render("| Age | Count |\n| --- | --- |\n| 15 | 4 |\n").html
        #expect(html.contains("<table>"))
        #expect(html.contains("<th>Age</th>"))
        #expect(html.contains("<td>15</td>"))
    }

    @Test func rendersFootnotes() {
        let html = safe.render("The MARMM[^1] meets monthly.\n\n[^1]: Multi Agency Risk Management Meeting.\n").html
        #expect(html.contains("class=\"footnote-ref\""))
        #expect(html.contains("<section class=\"footnotes\""))
        #expect(html.contains("Multi Agency Risk Management Meeting."))
    }

    @Test func rendersTaskListsStrikethroughAndAutolinks() {
        let html = safe.render("- [ ] check the chronology\n- [x] share the plan\n\n~~old~~ see https://www.mkscb.org\n").html
        #expect(html.contains("<input type=\"checkbox\" disabled=\"\" aria-label=\"To do\" /> check the chronology"))
        #expect(html.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Done\" /> share the plan"))
        #expect(html.contains("<del>old</del>"))
        #expect(html.contains("<a href=\"https://www.mkscb.org\">https://www.mkscb.org</a>"))
    }

    @Test func stripsRawHTMLByDefault() {
        let html = safe.render("Hello <script>alert(1)</script> world\n\n<div onclick=\"x()\">block</div>\n").html
        #expect(!html.contains("<script"))
        #expect(!html.contains("<div"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test func neutralisesJavascriptLinks() {
        let html = safe.render("[click](javascript:alert(1))\n").html
        #expect(!html.contains("javascript:"))
    }

    @Test func passesRawHTMLWhenAllowedButTagfilterStillApplies() {
        let unsafe = MarkdownRenderer(allowRawHTML: true)
        let html = unsafe.render("<span class=\"x\">kept</span>\n\n<script>alert(1)</script>\n").html
        #expect(html.contains("<span class=\"x\">kept</span>"))
        // tagfilter escapes the dangerous tags even in unsafe mode, proving the extension list reaches the renderer.
        #expect(html.contains("&lt;script>"))
    }

    @Test func givesHeadingsUniqueAnchors() {
        let rendered = safe.render("## Warning signs\n\ntext\n\n## Warning signs\n\n### What *you* can do\n")
        #expect(rendered.headings.map(\.id) == ["warning-signs", "warning-signs-1", "what-you-can-do"])
        #expect(rendered.headings.map(\.line) == [1, 5, 7])
        #expect(rendered.html.contains("<h2 id=\"warning-signs\">"))
        #expect(rendered.html.contains("<h3 id=\"what-you-can-do\">"))
        #expect(rendered.html.contains("<em>you</em>"))
    }

    /// ASCII headings get their anchor from a pass over bytes: the same anchor as the Unicode rules give.
    @Test func anASCIIHeadingsAnchorIsTheOneUnicodeRulesGive() {
        let headings = ["Warning signs", "  What YOU can do!  ", "Section 11 (Children Act 1989)", "A&E, MASH & CSE: 24/7",
                        "---", "", "x", "Z9-z0_a", "Tabs\tand\u{7F}controls", "[@ref] `code`"]
        for heading in headings {
            #expect(HeadingAnchors.asciiSlug(of: heading) == HeadingAnchors.slug(of: heading), "\(heading)")
        }
        #expect(HeadingAnchors.asciiSlug(of: "Café à la carte") == nil)
        #expect(HeadingAnchors.slug(of: "Café à la carte") == "café-à-la-carte")
    }

    @Test func headingTextIsStillEscaped() {
        let html = safe.render("## Tom & <Jerry>\n").html
        #expect(html.contains("Tom &amp;"))
        #expect(!html.contains("<Jerry>"))
    }

    /// cmark-gfm shares its table of inline special characters between parsers; without pinning it,
    /// concurrent parses lose strikethrough and autolinks at random.
    @Test func rendersConcurrentlyWithEveryExtension() {
        let renderer = MarkdownRenderer()
        let failures = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 2000) { index in
            let html = renderer.render("| a | b |\n| - | - |\n| \(index) | x |\n\n~~gone~~ www.mkscb.org\n").html
            if !(html.contains("<td>\(index)</td>") && html.contains("<del>gone</del>") && html.contains("<a href=\"http://www.mkscb.org\">")) {
                failures.withLock { $0 += 1 }
            }
        }
        #expect(failures.withLock { $0 } == 0)
    }

    /// Documents open at once on one thread share its arena: none is given back while another is open,
    /// whatever order they are closed in, and a large one takes more than the arena's first block.
    @Test func documentsOpenAtOnceOnOneThreadKeepTheirMemory() {
        let table = "| Term | Meaning |\n| --- | --- |\n" + String(repeating: "| MASH | Multi Agency Safeguarding Hub |\n", count: 5_000)
        var first: CmarkDocument? = CmarkDocument(markdown: "# First\n\n" + table, allowRawHTML: false)
        let second = CmarkDocument(markdown: "Second, ~~struck~~ and www.example.org", allowRawHTML: false)
        let third = CmarkDocument(markdown: "Third\n\n- [ ] to do", allowRawHTML: false)
        func html(_ document: CmarkDocument) -> String { String(decoding: document.renderHTML { Array($0) }, as: UTF8.self) }
        let firstHTML = html(first!)
        first = nil
        let fourth = CmarkDocument(markdown: "Fourth: " + String(repeating: "word ", count: 10_000), allowRawHTML: false)
        #expect(firstHTML.hasPrefix("<h1>First</h1>") && firstHTML.components(separatedBy: "<tr>").count == 5_002)
        #expect(html(second) == "<p>Second, <del>struck</del> and <a href=\"http://www.example.org\">www.example.org</a></p>\n")
        #expect(html(third).contains("type=\"checkbox\""))
        #expect(html(fourth).count > 50_000)
    }
}
