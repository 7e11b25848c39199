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

    @Test func testsForEmptyListsAndListEnds() throws {
        #expect(try render("{{^empty(items)}}has items{{/empty(items)}}{{#empty(nothing)}}, none{{/empty(nothing)}}") == "has items, none")
        #expect(try render("{{#items}}{{name}}{{^last()}}, {{/last()}}{{/items}}") == "one, two")
        #expect(try render("{{#notes}}{{#first()}}first {{/first()}}{{.}} {{/notes}}") == "first x y ")
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
