import Synchronization
import Testing
@testable import LearnsiteTheme

private struct Item: MustacheView {
    let name: String
    let date: String?
    nonisolated(unsafe) static let keys: TemplateKeys<Self> = ["name": .init { $0.name }, "date": .init { $0.date }]
}

private struct Page: MustacheView {
    var title = "A <b>&</b> 'page'"
    var date: String? = "14 May 2024"
    var draft = false
    var count = 3
    var items: [Item] = [Item(name: "one", date: nil), Item(name: "two", date: "2020")]
    var notes: [String] = ["x", "y"]
    var nothing: [String] = []
    var child: Item? = Item(name: "inner", date: nil)
    nonisolated(unsafe) static let keys: TemplateKeys<Self> = [
        "title": .init { $0.title }, "date": .init { $0.date }, "draft": .init { $0.draft }, "count": .init { $0.count },
        "items": .init { $0.items }, "notes": .init { $0.notes }, "nothing": .init { $0.nothing }, "child": .init { $0.child },
    ]
}

/// A view many pages share, counting how often a template reads its name.
private final class Board: SharedMustacheView {
    let name = "Board"
    let links = [Item(name: "a", date: nil), Item(name: "b", date: nil)]
    let reads = Mutex(0)
    nonisolated(unsafe) static let keys: TemplateKeys<Board> = [
        "name": .init { (board: Board) -> String in board.reads.withLock { $0 += 1 }; return board.name }, "links": .init { $0.links },
    ]
}

/// An entry of a list many pages share (a library reference), counting how often its name is read.
private final class Entry: SharedMustacheView {
    let name: String
    let reads = Mutex(0)
    init(_ name: String) { self.name = name }
    nonisolated(unsafe) static let keys: TemplateKeys<Entry> = [
        "name": .init { (entry: Entry) -> String in entry.reads.withLock { $0 += 1 }; return entry.name },
    ]
}

private struct EntryPage: MustacheView {
    let title: String
    let entries: [Entry]
    nonisolated(unsafe) static let keys: TemplateKeys<Self> = ["title": .init { $0.title }, "entries": .init { $0.entries }]
}

private struct BoardPage: MustacheView {
    let title: String
    let board: Board
    var items = [Item(name: "one", date: nil), Item(name: "two", date: nil)]
    nonisolated(unsafe) static let keys: TemplateKeys<Self> = ["title": .init { $0.title }, "board": .init { $0.board }, "items": .init { $0.items }]
}

/// learnsite's Mustache renderer: the spec's rules for the tags the themes use.
@Suite struct TemplateTests {
    private func render(_ templates: [String: String], _ name: String = "main", _ view: any MustacheView = Page()) throws -> String {
        let library = try TemplateLibrary(templates.mapValues { try TemplateParser.parse($0) })
        return String(decoding: try #require(library.render(name, view)), as: UTF8.self)
    }

    private func render(_ text: String, _ view: any MustacheView = Page()) throws -> String {
        try render(["main": text], "main", view)
    }

    @Test func escapesVariablesButNotTripleOnes() throws {
        #expect(try render("{{title}}|{{{title}}}|{{&title}}") == "A &lt;b&gt;&amp;&lt;/b&gt; &#39;page&#39;|A <b>&</b> 'page'|A <b>&</b> 'page'")
        #expect(try render("{{ count }} {{missing}}.") == "3 .")
    }

    /// Text is tested eight bytes at a time: a special byte at any position of a word, in the last short
    /// word, or next to multi-byte characters is still escaped, and nothing else changes.
    @Test func escapesSpecialBytesWhereverTheyFall() throws {
        func expected(_ text: String) -> String {
            text.map { ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"][$0] ?? String($0) }.joined()
        }
        for special in ["&", "<", ">", "\"", "'"] {
            for length in [1, 7, 8, 9, 16, 23] {
                for position in 0..<length {
                    var characters = Array(repeating: position % 2 == 0 ? "a" : "é", count: length)
                    characters[position] = special
                    let title = characters.joined() + (length > 8 ? special + "z%&" : "")
                    #expect(try render("{{title}}", Page(title: title)) == expected(title))
                }
            }
        }
        #expect(try render("{{title}}", Page(title: "")) == "")
        #expect(try render("{{title}}", Page(title: "a plain title without anything to escape")) == "a plain title without anything to escape")
    }

    @Test func sectionsRepeatListsAndSkipWhatIsMissingOrFalse() throws {
        #expect(try render("{{#items}}[{{name}}]{{/items}}") == "[one][two]")
        #expect(try render("{{#notes}}<{{.}}>{{/notes}}") == "<x><y>")
        #expect(try render("{{#draft}}draft{{/draft}}{{^draft}}live{{/draft}}") == "live")
        #expect(try render("{{#nothing}}no{{/nothing}}{{^nothing}}empty{{/nothing}}") == "empty")
        #expect(try render("{{#child}}{{name}} in {{title}}{{/child}}") == "inner in A &lt;b&gt;&amp;&lt;/b&gt; &#39;page&#39;")
        #expect(try render("{{#date}}on {{date}}{{/date}}") == "on 14 May 2024")
        #expect(try render("{{child.name}}") == "inner")
    }

    /// A field the item has but leaves empty must not show the page's value of the same name (swift-mustache
    /// climbed to the page, so a reference without a date printed its document's date).
    @Test func anEmptyFieldDoesNotFallThroughToTheEnclosingView() throws {
        #expect(try render("{{#items}}{{name}}:{{date}}{{#date}}!{{/date}};{{/items}}") == "one:;two:2020!;")
    }

    /// Text a view holds as UTF-8 bytes (a body's HTML) reads as text does: raw in `{{{ }}}`, escaped in
    /// `{{ }}`, true in a section even when empty, and empty to `empty()`.
    @Test func bytesReadAsText() throws {
        struct Body: MustacheView {
            let html: [UInt8]
            let missing: [UInt8]?
            nonisolated(unsafe) static let keys: TemplateKeys<Self> = ["html": .init { $0.html }, "missing": .init { $0.missing }]
        }
        let body = Body(html: Array("<p>Café & 'tea'</p>".utf8), missing: nil)
        #expect(try render("{{{html}}}|{{html}}", body) == "<p>Café & 'tea'</p>|&lt;p&gt;Café &amp; &#39;tea&#39;&lt;/p&gt;")
        #expect(try render("{{#html}}[{{{.}}}]{{/html}}{{#missing}}no{{/missing}}{{^missing}}none{{/missing}}", body)
            == "[<p>Café & 'tea'</p>]none")
        #expect(try render("{{#empty(html)}}empty{{/empty(html)}}{{#html}}shown{{/html}}", Body(html: [], missing: nil)) == "emptyshown")
    }

    @Test func testsForEmptyListsAndListEnds() throws {
        #expect(try render("{{^empty(items)}}has items{{/empty(items)}}{{#empty(nothing)}}, none{{/empty(nothing)}}") == "has items, none")
        #expect(try render("{{#items}}{{name}}{{^last()}}, {{/last()}}{{/items}}") == "one, two")
        #expect(try render("{{#notes}}{{#first()}}first {{/first()}}{{.}} {{/notes}}") == "first x y ")
    }

    private func renderTwice(_ text: String) throws -> (first: String, second: String, reads: Int) {
        let library = try TemplateLibrary(["main": try TemplateParser.parse(text)])
        let board = Board()
        let first = try #require(library.render("main", BoardPage(title: "1", board: board)))
        let second = try #require(library.render("main", BoardPage(title: "2", board: board)))
        return (String(decoding: first, as: UTF8.self), String(decoding: second, as: UTF8.self), board.reads.withLock { $0 })
    }

    @Test func aSectionOverASharedViewIsRenderedOnceThenCopied() throws {
        let pages = try renderTwice("{{title}}:{{#board}}<h>{{name}}</h>{{#links}}[{{name}}{{^last()}},{{/last()}}]{{/links}}{{/board}}")
        #expect(pages.first == "1:<h>Board</h>[a,][b]")
        #expect(pages.second == "2:<h>Board</h>[a,][b]")
        #expect(pages.reads == 1)
    }

    /// Kept output would be wrong for a section that reads the page around it, or a name found nowhere
    /// (another page might have it), or a list position outside it.
    @Test(arguments: [
        ("{{#board}}{{name}} on {{title}}{{/board}}", "Board on 1", "Board on 2", 2),
        ("{{#board}}{{name}}{{nowhere}}{{/board}}", "Board", "Board", 2),
        ("{{#board}}{{name}}{{#board.name}}{{.}}{{/board.name}}{{/board}}", "BoardBoard", "BoardBoard", 4),
    ])
    func aSharedSectionThatLooksOutsideItsViewIsRenderedEachTime(_ text: String, _ first: String, _ second: String, _ reads: Int) throws {
        let pages = try renderTwice(text)
        #expect(pages.first == first)
        #expect(pages.second == second)
        #expect(pages.reads == reads)
    }

    @Test func aSharedSectionInsideAListIsKeptOnlyWhenItIgnoresThePosition() throws {
        let pages = try renderTwice("{{#items}}{{#board}}{{#first()}}^{{/first()}}{{name}}{{/board}} {{/items}}")
        #expect(pages.first == "^Board Board ")
        #expect(pages.reads == 4)
    }

    /// Two pages list the same shared entries in opposite orders: an item's section is kept only when it
    /// reads nothing but the item, not the page around it nor the item's place in the list.
    @Test(arguments: [
        ("{{#entries}}<{{name}}>{{/entries}}", "<a><b>", "<b><a>", 1),
        ("{{#entries}}{{name}}{{^last()}},{{/last()}}{{/entries}}", "a,b", "b,a", 2),
        ("{{#entries}}{{name}} in {{title}};{{/entries}}", "a in 1;b in 1;", "b in 2;a in 2;", 2),
    ])
    func anItemOfASharedListIsKeptOnlyWhenItReadsNothingElse(_ text: String, _ first: String, _ second: String, _ reads: Int) throws {
        let library = try TemplateLibrary(["main": try TemplateParser.parse(text)])
        let (a, b) = (Entry("a"), Entry("b"))
        let pages = try [EntryPage(title: "1", entries: [a, b]), EntryPage(title: "2", entries: [b, a])].map {
            String(decoding: try #require(library.render("main", $0)), as: UTF8.self)
        }
        #expect(pages == [first, second])
        #expect(a.reads.withLock { $0 } == reads)
        #expect(b.reads.withLock { $0 } == reads)
    }

    @Test func standaloneTagLinesLeaveNoBlankLines() throws {
        let text = "<ul>\n  {{#items}}\n  <li>{{name}}</li>\n  {{/items}}\n  {{! a comment }}\n</ul>\n"
        #expect(try render(text) == "<ul>\n  <li>one</li>\n  <li>two</li>\n</ul>\n")
        #expect(try render("{{#items}}{{name}}{{/items}}\n") == "onetwo\n")
        #expect(try render("{{%CONTENT_TYPE:HTML}}<p>{{title}}</p>") == "<p>A &lt;b&gt;&amp;&lt;/b&gt; &#39;page&#39;</p>")
    }

    @Test func partialsAndInheritance() throws {
        let templates = [
            "layout": "<title>{{$title}}Default{{/title}}</title>\n{{$main}}{{/main}}\n{{> footer}}\n",
            "footer": "<footer>{{count}}</footer>",
            "document": "{{<layout}}{{$title}}{{title}}{{/title}}{{$main}}<main>{{$body}}body{{/body}}</main>{{/main}}{{/layout}}",
            "bulletin": "{{<document}}{{$body}}bulletin body{{/body}}{{/document}}",
        ]
        let document = try render(templates, "document")
        #expect(document == "<title>A &lt;b&gt;&amp;&lt;/b&gt; &#39;page&#39;</title>\n<main>body</main>\n<footer>3</footer>")
        // The most specific template's block wins, however deep the chain.
        #expect(try render(templates, "bulletin").contains("<main>bulletin body</main>"))
    }

    /// Compiled templates join text across partials, but never past the end of a section.
    @Test func textAfterASectionIsNotPartOfIt() throws {
        #expect(try render("{{#nothing}}a{{/nothing}}b{{^draft}}c{{/draft}}d") == "bcd")
        #expect(try render(["main": "{{#items}}{{> item}}{{/items}}!", "item": "<{{name}}>"]) == "<one><two>!")
        #expect(try render(["main": "x{{> part}}y{{#draft}}z{{/draft}}", "part": "-"]) == "x-y")
    }

    @Test(arguments: [
        ("a\n{{#items}}\nb\n{{/itemz}}\n", 4, "does not match"),
        ("{{#items}}\nno end\n", 1, "never closed"),
        ("one\ntwo {{title\n", 2, "not closed"),
        ("{{/items}}", 1, "no section to close"),
        ("{{=<% %>=}}", 1, "delimiters"),
        ("{{#upper(title)}}{{/upper(title)}}", 1, "not a test"),
        ("{{a..b}}", 1, "not a name"),
    ])
    func syntaxErrorsGiveTheLineAndWhatIsWrong(_ text: String, _ line: Int, _ message: String) {
        #expect {
            _ = try TemplateParser.parse(text)
        } throws: { error in
            guard let error = error as? TemplateSyntaxError else { return false }
            return error.line == line && error.message.contains(message)
        }
    }
}
