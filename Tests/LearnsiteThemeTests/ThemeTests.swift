import LearnsiteContent
import LearnsiteTestSupport
import Testing
@testable import LearnsiteTheme

@Suite struct ThemeTests {
    @Test func builtInThemeHasATemplatePerKindAndTheStylesheet() throws {
        let theme = try Theme(overrides: nil)
        for name in ["layout", "home", "list", "document", "bulletin", "strategy", "references", "lesson", "briefing", "page"] {
            #expect(theme.hasTemplate(name), "missing \(name)")
        }
        #expect(theme.files(in: "assets").contains { $0.path == "style.css" })
    }

    @Test func aTemplateSyntaxErrorNamesTheTemplateAndLine() throws {
        let folder = TemporaryFolder()
        folder.write("Templates/bulletin.mustache", "line one\n{{#figures}}\n<p>{{label}}</p>\n{{/figurez}}\n")
        let error = try #require(throws: ContentError.self) { try Theme(overrides: folder.url("Templates")) }
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.file.hasSuffix("Templates/bulletin.mustache"))
        #expect(diagnostic.line == 4)
        #expect(diagnostic.message.contains("does not match"))
    }

    @Test func aMissingPartialIsReported() throws {
        let folder = TemporaryFolder()
        folder.write("Templates/page.mustache", "{{> partials/nowhere}}")
        let error = try #require(throws: ContentError.self) { try Theme(overrides: folder.url("Templates")) }
        #expect(error.diagnostics.contains { $0.file.hasSuffix("page.mustache") && $0.message.contains("partials/nowhere") })
    }

    /// Rendering it would never end (the renderer this replaced overflowed its stack).
    @Test func aTemplateThatIncludesItselfIsReported() throws {
        let folder = TemporaryFolder()
        // `page` only leads into the loop: the message names where the loop is, not the first template compiled.
        folder.write("Templates/page.mustache", "<main>\n{{> partials/a}}\n</main>")
        folder.write("Templates/partials/a.mustache", "<ul>\n{{#themes}}{{> partials/b}}{{/themes}}\n</ul>")
        folder.write("Templates/partials/b.mustache", "<li>{{> partials/a}}</li>")
        let error = try #require(throws: ContentError.self) { try Theme(overrides: folder.url("Templates")) }
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.file.hasSuffix("Templates/partials/a.mustache"))
        #expect(diagnostic.line == 2)
        #expect(diagnostic.message.contains("`partials/a` uses `partials/b` uses `partials/a`"))
    }

    @Test func anUnreadableTemplateIsReported() throws {
        let folder = TemporaryFolder()
        folder.write("Templates/list.mustache", bytes: [0x7B, 0x7B, 0xFF, 0xFE, 0x7D, 0x7D])
        let error = try #require(throws: ContentError.self) { try Theme(overrides: folder.url("Templates")) }
        #expect(error.diagnostics.contains { $0.file.hasSuffix("list.mustache") && $0.message.contains("UTF-8") })
    }
}
