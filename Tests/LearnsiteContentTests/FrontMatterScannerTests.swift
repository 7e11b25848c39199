import Foundation
import Testing
@testable import LearnsiteContent
import LearnsiteTestSupport
import Yams

/// The fast front-matter reader must read every shape it accepts exactly as Yams does (values, kinds
/// and lines), and leave every other shape to Yams.
@Suite struct FrontMatterScannerTests {
    private func yams(_ yaml: String) throws -> YAMLNode? {
        try Yams.compose(yaml: yaml).map(YAMLNode.init)
    }

    @Test(arguments: [
        "title: A bulletin\ndate: 2024-05-14\n",
        "title: \"Learning bulletin 93: Adolescent neglect\"\ndate: 2018-06-08\nthemes: [substance-misuse, online-safety]\n",
        "title: 'It''s everybody''s business'\nhandout: false\nsummary: ''\n",
        "# a comment line\n\ntitle: A\n\ndate: 2020-01-01   \nurl: https://example.org/a#b\nnote: 10:30 at C#\n",
        "discussion:\n  - \"How do we know?\"\n  - What stops us?\n  - Note: a field, as YAML reads it\nreferences: []\n",
        "discussion:\n- at the key's indent\n- second\ntitle: After\n",
        "figures:\n  - label: Typical age\n    value: \"13-17\"\n    note: An age gap.\n  - label: Girls\n    value: 15\n",
        "figures:\n  - label: Only one field\nreview_by:\ndraft: null\nauthor: ~\n",
        "title: Ünïcödé – “quotes” and 'apostrophes' inside\n",
        "references: [a-1, b_2, c.3]\n",
        "title: '''quoted'' at both ends'\n",
        "- a list\n- at the top\n",
        "# the library\n- id: a\n  title: \"A: report\"\n  date: \"2016-10\"\n- id: b\n  url: https://example.org/b\n",
    ])
    func readsCommonShapesAsYamsDoes(_ yaml: String) throws {
        let fast = FrontMatterScanner.parse(yaml)
        #expect(fast != nil, "this common shape should not need Yams")
        #expect(fast == (try yams(yaml)))
    }

    @Test(arguments: [
        "title: A # a comment after the value\n",
        "summary: >\n  folded\n  text\n",
        "summary: |\n  literal\n",
        "summary: one line\n  continues here\n",
        "title: \"with \\\"escapes\\\"\"\n",
        "base: &anchor x\nother: *anchor\n",
        "title: A\ntitle: B\n",
        "\ttitle: tab\n",
        "exit_this_page:\n  enabled: false\n",
        "themes: [a, [b]]\n",
        "- a list\n  - nested under it\n",
        "- id: a\ntitle: a key after a list\n",
        "title: ends with a colon:\n",
        "title: 'a'b'\n",
        "key with spaces: x\n",
        "figures:\n  - label: A\n      value: too deep\n",
        "discussion:\n  - - nested\n",
        "title: [unclosed\n",
        "title: @reserved\n",
    ])
    func leavesOtherShapesToYams(_ yaml: String) {
        #expect(FrontMatterScanner.parse(yaml) == nil)
    }

    /// Random front matter and lists from tricky pieces: whenever the scanner accepts one, Yams must agree.
    @Test func agreesWithYamsOnRandomFrontMatter() throws {
        let keys = ["title", "date", "summary", "themes", "note", "on", "x-y", "a_b"]
        let values = ["plain text", "\"quoted: text\"", "'single ''q'''", "[a, b, c]", "[]", "2024-05-14", "null", "~",
                      "true", "a:b", "a: b", "a #b", "a#b", "\"\"", "-1", "?x", "x,y", "ü – “q”", "''", "'a'b'", "[a: b]", "[a,, b]"]
        var generator = SplitMix64(state: 20261121)
        var accepted = 0
        for _ in 0..<3_000 {
            var lines: [String] = []
            var used: Set<String> = []
            if Int.random(in: 0..<4, using: &generator) == 0 {
                // A list as the whole text, as the glossary and the library are.
                for _ in 0..<Int.random(in: 1...4, using: &generator) {
                    if Bool.random(using: &generator) {
                        lines.append("- \(values.randomElement(using: &generator)!)")
                    } else {
                        lines.append("- \(keys.randomElement(using: &generator)!): \(values.randomElement(using: &generator)!)")
                        lines.append("  \(keys.randomElement(using: &generator)!): \(values.randomElement(using: &generator)!)")
                    }
                }
            } else {
                for _ in 0..<Int.random(in: 1...5, using: &generator) {
                    var key = keys.randomElement(using: &generator)!
                    if used.contains(key) && Bool.random(using: &generator) { key += "2" }
                    used.insert(key)
                    switch Int.random(in: 0..<4, using: &generator) {
                    case 0:
                        lines.append("\(key): \(values.randomElement(using: &generator)!)")
                    case 1:
                        lines.append("\(key):")
                        let indent = ["", "  ", "    "].randomElement(using: &generator)!
                        for _ in 0..<Int.random(in: 0...3, using: &generator) {
                            lines.append("\(indent)- \(values.randomElement(using: &generator)!)")
                        }
                    case 2:
                        lines.append("\(key):")
                        for _ in 0..<Int.random(in: 1...2, using: &generator) {
                            lines.append("  - \(keys.randomElement(using: &generator)!): \(values.randomElement(using: &generator)!)")
                            lines.append("    \(keys.randomElement(using: &generator)!): \(values.randomElement(using: &generator)!)")
                        }
                    default:
                        lines.append(Bool.random(using: &generator) ? "" : "# comment")
                    }
                }
            }
            let yaml = lines.joined(separator: "\n") + "\n"
            guard let fast = FrontMatterScanner.parse(yaml) else { continue }
            accepted += 1
            let slow: YAMLNode?
            do { slow = try yams(yaml) } catch {
                Issue.record("the scanner accepted YAML that Yams rejects:\n\(yaml)\n\(error)")
                continue
            }
            #expect(fast == slow, "scanner and Yams differ on:\n\(yaml)")
        }
        #expect(accepted > 300, "the scanner should accept a good share of these; it took \(accepted)")
    }
}
