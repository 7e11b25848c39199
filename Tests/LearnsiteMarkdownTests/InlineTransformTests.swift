import Testing
@testable import LearnsiteMarkdown

@Suite struct AbbreviationTests {
    let renderer = MarkdownRenderer()
    let glossary = Abbreviations([("MASH", "Multi Agency Safeguarding Hub"), ("CSE", "Child Sexual Exploitation"),
                                  ("MARMM", "Multi Agency Risk Management Meeting"), ("A&E", "Accident & Emergency")])

    @Test func wrapsOnlyTheFirstUse() {
        let rendered = renderer.render("Call the MASH. The MASH will listen.\n", abbreviations: glossary)
        #expect(rendered.html == "<p>Call the <abbr title=\"Multi Agency Safeguarding Hub\">MASH</abbr>. The MASH will listen.</p>\n")
        #expect(rendered.abbreviations == ["MASH"])
    }

    @Test func skipsHeadingsLinksCodeAndPartWords() {
        let markdown = "## CSE in MK\n\n[the MASH](https://example.org) and `MASH` and MASHED and CSEs.\n\nThen MASH and CSE.\n"
        let html = renderer.render(markdown, abbreviations: glossary).html
        #expect(html.hasPrefix("<h2 id=\"cse-in-mk\">\nCSE in MK\n</h2>"))
        #expect(html.contains("<a href=\"https://example.org\">the MASH</a>"))
        #expect(html.contains("<code>MASH</code>"))
        #expect(html.contains("MASHED and CSEs."))
        #expect(html.contains("Then <abbr title=\"Multi Agency Safeguarding Hub\">MASH</abbr> and <abbr title=\"Child Sexual Exploitation\">CSE</abbr>."))
    }

    /// Text nested inside a link stays as written; the text after the link, back up the tree, does not.
    @Test func aLinkProtectsEverythingInsideItAndNothingAfter() {
        let html = renderer.render("> **[the *MASH* desk](https://example.org)** or the MASH.\n", abbreviations: glossary).html
        #expect(html.contains("<a href=\"https://example.org\">the <em>MASH</em> desk</a></strong> or the <abbr title=\"Multi Agency Safeguarding Hub\">MASH</abbr>."))
    }

    @Test func escapesExpansionsAndMatchesTermsWithSymbols() {
        let html = renderer.render("Go to A&E now.\n", abbreviations: glossary).html
        #expect(html.contains("<abbr title=\"Accident &amp; Emergency\">A&amp;E</abbr>"))
    }

    @Test func prefersTheLongestTermAndExplainsARepeatedTermOnceAsFirstWritten() {
        let terms = Abbreviations([("MASH", "Multi Agency Safeguarding Hub"), ("MASH team", "the hub's duty team"),
                                   ("MASH", "written twice"), ("LADO", "Local Authority Designated Officer")])
        let rendered = renderer.render("Ask the MASH team, then the MASH, the MASH again and the LADO.\n", abbreviations: terms)
        #expect(rendered.html == "<p>Ask the <abbr title=\"the hub&#39;s duty team\">MASH team</abbr>, then the "
            + "<abbr title=\"Multi Agency Safeguarding Hub\">MASH</abbr>, the MASH again and the "
            + "<abbr title=\"Local Authority Designated Officer\">LADO</abbr>.</p>\n")
        #expect(rendered.abbreviations == ["MASH team", "MASH", "LADO"])
        #expect(rendered.abbreviationPlaces == [1, 0, 3], "each term at its first place in the list")
    }

    /// Prose is passed over eight bytes at a time when every term starts with an ASCII byte: a term is
    /// found at any offset in a word of eight, after multi-byte characters and at the end of the text, as
    /// it is with a glossary whose terms start anywhere.
    @Test(arguments: [[("MASH", "hub"), ("CSE", "exploitation")], [("MASH", "hub"), ("CSE", "exploitation"), ("été", "summer")]])
    func findsATermWhereverItFalls(_ terms: [(String, String)]) {
        let glossary = Abbreviations(terms)
        for filler in ["x", "é", "Z", "D", "Dé"] {
            for offset in 0..<20 {
                let before = String(repeating: filler, count: offset)
                let html = renderer.render("\(before). Ask CSE, xMASH then MASH\n", abbreviations: glossary).html
                #expect(html == "<p>\(before). Ask <abbr title=\"exploitation\">CSE</abbr>, xMASH then <abbr title=\"hub\">MASH</abbr></p>\n")
            }
        }
    }

    @Test func leavesAnAuthorsOwnAbbrAlone() {
        let unsafe = MarkdownRenderer(allowRawHTML: true)
        let html = unsafe.render("<abbr title=\"mine\">MASH</abbr> then MASH.\n", abbreviations: glossary).html
        #expect(html.contains("<abbr title=\"mine\">MASH</abbr> then <abbr title=\"Multi Agency Safeguarding Hub\">MASH</abbr>."))
    }
}

@Suite struct CitationTests {
    let renderer = MarkdownRenderer()

    @Test func numbersCitationsInOrderOfFirstUse() {
        let markdown = "Ofsted found gaps [@ofsted-2014].\n\nJay agreed [@jay-2014; @ofsted-2014], see also [@jay-2014].\n"
        let rendered = renderer.render(markdown, citable: ["jay-2014", "ofsted-2014"])
        #expect(rendered.citations.map(\.number) == [1, 2, 1, 2])
        #expect(rendered.citations.map(\.line) == [1, 3, 3, 3])
        #expect(rendered.html.contains("gaps <sup class=\"citation\">[<a href=\"#ref-ofsted-2014\">1</a>]</sup>."))
        #expect(rendered.html.contains("agreed <sup class=\"citation\">[<a href=\"#ref-jay-2014\">2</a>, <a href=\"#ref-ofsted-2014\">1</a>]</sup>"))
    }

    @Test func reportsUnknownIdsWithTheirLineAndLeavesTheTextAlone() {
        let rendered = renderer.render("First line.\nSecond line cites [@nobody-2000].\n", citable: ["jay-2014"])
        #expect(rendered.citations == [Citation(id: "nobody-2000", number: nil, line: 2)])
        #expect(rendered.html.contains("[@nobody-2000]"))
    }

    @Test func ignoresCodeAndThingsThatAreNotCitations() {
        let rendered = renderer.render("`[@jay-2014]` and [@ not one] and [email me](mailto:a@b.org)\n", citable: ["jay-2014"])
        #expect(rendered.citations.isEmpty)
        #expect(rendered.html.contains("<code>[@jay-2014]</code>"))
    }
}
