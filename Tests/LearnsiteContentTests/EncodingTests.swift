import Foundation
import Testing
@testable import LearnsiteContent
import LearnsiteTestSupport

@Suite struct EncodingTests {
    private let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    private func crlf(_ text: String) -> [UInt8] {
        Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }

    @Test func byteOrderMarkAndCRLFLoad() throws {
        let folder = TemporaryFolder.content()
        let text = markdownFile("title: A Windows bulletin\ndate: 2024-05-14\nthemes:\n  - cse\nreferences:\n  - jay-2014",
                                body: "## Heading\n\nText.\n")
        folder.write("Content/bulletins/windows.md", bytes: bom + crlf(text))
        let result = try loadContent(folder)
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        let document = try #require(result.content.documents.first)
        #expect(document.title == "A Windows bulletin")
        #expect(!document.title.unicodeScalars.contains("\r"))
        #expect(document.date == Day(year: 2024, month: 5, day: 14))
        #expect(document.themes == ["cse"])
        #expect(document.references == [SourceValue("jay-2014", line: 7)])
        #expect(document.body == "## Heading\n\nText.\n")
        #expect(!document.body.unicodeScalars.contains("\r"))
        #expect(document.bodyStartLine == 9)
    }

    @Test func byteOrderMarkAloneLoads() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/bulletins/bom.md", bytes: bom + Array(markdownFile(minimalFrontMatter).utf8))
        let document = try #require(try loadContent(folder).content.documents.first)
        #expect(document.title == "A learning bulletin")
        #expect(document.bodyStartLine == 5)
    }

    @Test func crlfAloneLoads() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/bulletins/crlf.md", bytes: crlf(markdownFile("title: CRLF only\ndate: 2024-05-14\nsummary: A summary")))
        let document = try #require(try loadContent(folder).content.documents.first)
        #expect(document.title == "CRLF only")
        #expect(document.summary == "A summary")
        #expect(document.body == "Some text.\n")
        #expect(document.bodyStartLine == 6)
    }

    @Test func crlfErrorLinesAreFileLines() {
        let folder = TemporaryFolder.content()
        folder.write("Content/bulletins/windows.md",
                     bytes: bom + crlf(markdownFile("title: A bulletin\nsummary: text\ndate: 2024-02-30")))
        let diagnostics = loadFailure(folder)
        expectSingle(diagnostics, .error, fileEndsWith: "Content/bulletins/windows.md", line: 4,
                     mentions: ["`date: 2024-02-30` is not a date"])
    }

    @Test func crlfYAMLSyntaxErrorLine() {
        let folder = TemporaryFolder.content()
        folder.write("Content/bulletins/windows.md",
                     bytes: bom + crlf(markdownFile("title: A bulletin\ndate: 2024-05-14\nsummary: Risk: high")))
        let diagnostics = loadFailure(folder)
        expectSingle(diagnostics, .error, fileEndsWith: "Content/bulletins/windows.md", line: 4, mentions: ["YAML is not valid"])
    }

    @Test func byteOrderMarkAndCRLFInDataFiles() throws {
        let folder = TemporaryFolder()
        folder.write("Content/site.yml", bytes: bom + crlf("name: Windows Board\nbase_url: https://example.org\n"))
        folder.write("Content/glossary.yml", bytes: bom + crlf("- term: MASH\n  expansion: Multi Agency Safeguarding Hub\n"))
        folder.write("Content/index.md", bytes: bom + crlf("---\ntitle: Welcome\n---\nHello.\n"))
        let result = try loadContent(folder)
        #expect(result.content.config.name == "Windows Board")
        #expect(result.content.config.baseURL == "https://example.org/")
        #expect(result.content.glossary == [GlossaryTerm(term: "MASH", expansion: "Multi Agency Safeguarding Hub")])
        #expect(result.content.home == HomeIntro(title: "Welcome", body: "Hello.\n", sourcePath: folder.url("Content/index.md"), bodyStartLine: 4))
    }

    @Test func crlfDuplicateGlossaryLine() {
        let folder = TemporaryFolder.content()
        folder.write("Content/glossary.yml", bytes: crlf("- term: MASH\n  expansion: A\n- term: mash\n  expansion: B\n"))
        let diagnostics = loadFailure(folder)
        expectSingle(diagnostics, .error, fileEndsWith: "Content/glossary.yml", line: 3, mentions: ["already defined on line 1"])
    }

    @Test func latin1DocumentNamesTheBadLine() {
        let folder = TemporaryFolder.content()
        // "Café" saved as Latin-1: 0xE9 on line 3.
        let bytes = Array("---\ndate: 2024-05-14\ntitle: Caf".utf8) + [0xE9] + Array("\n---\nText.\n".utf8)
        folder.write("Content/bulletins/latin1.md", bytes: bytes)
        let diagnostics = loadFailure(folder)
        expectSingle(diagnostics, .error, fileEndsWith: "Content/bulletins/latin1.md", line: 3,
                     mentions: ["not UTF-8", "Latin-1", "save it again with UTF-8 encoding"])
    }

    @Test func windows1252BodyNamesTheBadLine() {
        let folder = TemporaryFolder.content()
        // A curly apostrophe saved as Windows-1252 (0x92) on line 7, after a BOM-less UTF-8 "é" on line 6.
        let bytes = Array(markdownFile(minimalFrontMatter, body: "\nCafé\nIt").utf8) + [0x92] + Array("s fine.\n".utf8)
        folder.write("Content/bulletins/cp1252.md", bytes: bytes)
        let diagnostics = loadFailure(folder)
        expectSingle(diagnostics, .error, fileEndsWith: "Content/bulletins/cp1252.md", line: 7, mentions: ["not UTF-8"])
    }

    @Test func latin1SiteYAML() {
        let folder = TemporaryFolder()
        folder.write("Content/site.yml", bytes: Array("name: Test Board\ndescription: Caf".utf8) + [0xE9] + [0x0A])
        let diagnostics = loadFailure(folder)
        expectSingle(diagnostics, .error, fileEndsWith: "Content/site.yml", line: 2, mentions: ["not UTF-8"])
    }

    @Test func filesAreReadWholeWhateverTheirSize() {
        let folder = TemporaryFolder()
        let large = (0..<100_000).map { UInt8(truncatingIfNeeded: $0) }
        folder.write("empty", bytes: [])
        folder.write("large", bytes: large)
        #expect(SourceText.bytes(ofFile: folder.url("empty")) == [])
        #expect(SourceText.bytes(ofFile: folder.url("large")) == large)
        #expect(SourceText.bytes(ofFile: folder.url("missing")) == nil)
        #expect(SourceText.bytes(ofFile: folder.path) == nil)
    }

    /// The loader passes the size its stamp saw; a file saved since, longer or shorter, is still read whole.
    @Test func aFileIsReadWholeWhenItsSizeChangedSinceItWasStamped() throws {
        let folder = TemporaryFolder()
        let text = Array(String(repeating: "safeguarding ", count: 10_000).utf8)
        folder.write("bulletins/a.md", bytes: text)
        let open = try #require(OpenFolder(folder.path))
        #expect(SourceText.bytes(ofFile: "bulletins/a.md", in: open.descriptor, size: text.count) == text)
        #expect(SourceText.bytes(ofFile: "bulletins/a.md", in: open.descriptor, size: 10) == text)
        #expect(SourceText.bytes(ofFile: "bulletins/a.md", in: open.descriptor, size: 200_000) == text)
        #expect(SourceText.bytes(ofFile: "bulletins/missing.md", in: open.descriptor, size: 10) == nil)
    }

    @Test func decodeDirectly() throws {
        let text = try SourceText.decode(bom + Array("a\r\nb\r\n".utf8), file: "x.md").get()
        #expect(text == "a\nb\n")
        #expect(Array(text.utf8) == Array("a\nb\n".utf8))
        switch SourceText.decode([0x61, 0x0A, 0x62, 0x0A, 0xC3, 0x28, 0x0A], file: "x.md") {
        case .success(let text): Issue.record("invalid UTF-8 decoded as \(text)")
        case .failure(let diagnostic):
            #expect(diagnostic.severity == .error)
            #expect(diagnostic.file == "x.md")
            #expect(diagnostic.line == 3)
        }
    }
}
