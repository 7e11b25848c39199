import LearnsiteTestSupport
import Testing
@testable import LearnsiteMarkdown

/// A body is parsed without cmark-gfm's autolink extension when it cannot need it (see
/// `CmarkDocument.parse`): the tree must be the one the extension makes, whatever the body.
@Suite struct AutolinkParseTests {
    private func html(_ document: CmarkDocument) -> String {
        String(decoding: document.renderHTML { Array($0) }, as: UTF8.self)
    }

    private func withExtension(_ markdown: String) -> String {
        html(CmarkDocument(markdown: markdown, allowRawHTML: false, autolinks: true))
    }

    @Test func bodiesWithoutSignsOfAnAutolinkAreParsedWithoutTheExtension() {
        for markdown in ["Plain prose, with a [link](https://www.mkscb.org/) and <https://www.gov.uk/>.",
                         "A citation [@nspcc-2013; @ofsted-2020] and A&E.", "Footnotes[^1] and *emphasis*.\n\n[^1]: See the [guide](https://www.gov.uk/guide)."] {
            #expect(!CmarkDocument.parse(markdown, allowRawHTML: false).document.autolinks, "\(markdown)")
        }
        for markdown in ["See www.mkscb.org.", "Write to board@mkscb.org", "(https://www.mkscb.org)", "[x] (http://a.org)"] {
            let parsed = CmarkDocument.parse(markdown, allowRawHTML: false).document
            #expect(parsed.autolinks, "\(markdown)")
            #expect(html(parsed) == withExtension(markdown), "\(markdown)")
        }
    }

    @Test func trickyBodiesParseAsTheExtensionWouldHaveThem() {
        let bodies = [
            "see www.mkscb.org/help.", "*www.mkscb.org*", "_www.a.org_", "~~www.a.org~~", "(www.a.org)", ">www.a.org",
            "| a |\n| - |\n|www.a.org|", "[^1]:www.a.org\n\nx[^1]", "awww.a.org", "/www.a.org", "&amp;www.a.org",
            "\\*www.a.org", "[www.a.org]", "[see www.a.org", "![www.a.org](x.png) www.b.org", "`www.a.org` www.b.org",
            "HTTP://a.org", "xhttp://a.org", "(http://a.org)", "[a](http://a.org) http://b.org", "<http://a.org b>",
            "foo](http://a.org)", "a [b] (http://c.org)", "ftp://files.a.org", "mailto:a@b.org", "a@b.org.",
            "&#64;b.org x&#64;b.org", "a&#64;b.org", "[@cite] and [@a; @b]", "x\\@b.org", "[a@b.org](x)",
            "![a@b.org](x)", "# www.a.org\n\ntext", "a\nwww.a.org", "line  \nwww.a.org", "- [ ] www.a.org",
            "> quote http://a.org/path_(x)", "http://a.org/*b*c", "www.a.org/a\\_b", "www.a.org/?x=1&amp;y=2",
        ]
        for body in bodies {
            #expect(html(CmarkDocument.parse(body, allowRawHTML: false).document) == withExtension(body), "\(body)")
        }
    }

    /// Random bodies made of the pieces autolinks and the inlines around them are made of.
    @Test func randomBodiesParseAsTheExtensionWouldHaveThem() {
        let pieces = ["www.", "www", ".", "a.org", "http", "https", "ftp", "HTTPS", "://", ":", "/", "@", "b", "x_y", "-",
                      "mailto:", " ", " ", "\n", "\n\n", "[", "]", "(", ")", "<", ">", "*", "_", "~", "`", "\\", "&amp;",
                      "&#64;", "|", "![", "](", "> ", "- ", "# ", "[^1]", "[^1]: ", "1. ", "w", "ww", "  \n", "&", ";"]
        var generator = SplitMix64(state: 0x1ea2_5173)
        var differences: [String] = []
        for _ in 0..<5_000 {
            let count = Int(generator.next() % 24) + 1
            let body = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            if html(CmarkDocument.parse(body, allowRawHTML: false).document) != withExtension(body) { differences.append(body) }
        }
        #expect(differences.isEmpty, "\(differences.prefix(5))")
    }
}
