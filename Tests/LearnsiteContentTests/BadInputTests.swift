import Foundation
import Testing
@testable import LearnsiteContent
import LearnsiteTestSupport

/// Each kind of mistake a web editor makes in a document: the load fails with one diagnostic that says
/// where the problem is and what to do about it.
@Suite struct BadInputTests {
    private func failure(_ relative: String, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [Diagnostic] {
        let folder = TemporaryFolder.content()
        folder.write("Content/" + relative, text)
        return loadFailure(folder, sourceLocation: sourceLocation)
    }

    @Test func missingTitle() {
        let diagnostics = failure("bulletins/b.md", markdownFile("date: 2024-05-14\nsummary: No title here"))
        // Reported at the front matter, whose first field is on line 2.
        expectSingle(diagnostics, .error, fileEndsWith: "Content/bulletins/b.md", line: 2,
                     mentions: ["`title` is missing", "add a line `title: ...`"])
    }

    @Test func quotedEmptyTitle() {
        let diagnostics = failure("bulletins/b.md", markdownFile("date: 2024-05-14\ntitle: \"\""))
        expectSingle(diagnostics, .error, fileEndsWith: "Content/bulletins/b.md", line: 3,
                     mentions: ["`title`", "empty", "title:"])
    }

    @Test func blankTitle() {
        let diagnostics = failure("bulletins/b.md", markdownFile("date: 2024-05-14\ntitle:\nsummary: A summary"))
        expectSingle(diagnostics, .error, fileEndsWith: "Content/bulletins/b.md", line: 3,
                     mentions: ["`title`", "empty", "title: ..."])
    }

    @Test func blankTitleAsTheLastField() {
        let diagnostics = failure("bulletins/b.md", markdownFile("date: 2024-05-14\ntitle:"))
        expectSingle(diagnostics, .error, fileEndsWith: "Content/bulletins/b.md", line: 3,
                     mentions: ["`title`", "empty"])
    }

    @Test func missingDate() {
        let diagnostics = failure("bulletins/b.md", markdownFile("title: A bulletin"))
        expectSingle(diagnostics, .error, fileEndsWith: "Content/bulletins/b.md", line: 2,
                     mentions: ["`date` is missing", "add a line `date: ...`"])
    }

    @Test(arguments: ["14/05/2024", "2024-02-30", "2024-5-14", "May 2024"])
    func unparseableDate(_ written: String) {
        let diagnostics = failure("bulletins/b.md", markdownFile("title: A bulletin\ndate: \(written)"))
        expectSingle(diagnostics, .error, fileEndsWith: "Content/bulletins/b.md", line: 3,
                     mentions: ["`date: \(written)` is not a date", "year-month-day", "date: 2015-06-01"])
    }

    @Test func unparseableRevisedAndReviewBy() {
        let diagnostics = failure("bulletins/b.md", markdownFile(minimalFrontMatter + "\nrevised: 2023-02-29\nreview_by: soon"))
        #expect(diagnostics.count == 2, "\(diagnostics)")
        expectDiagnostic(diagnostics[0], .error, fileEndsWith: "Content/bulletins/b.md", line: 4,
                         mentions: ["`revised: 2023-02-29` is not a date", "year-month-day"])
        expectDiagnostic(diagnostics[1], .error, fileEndsWith: "Content/bulletins/b.md", line: 5,
                         mentions: ["`review_by: soon` is not a date"])
    }

    @Test func unterminatedFrontMatter() {
        let diagnostics = failure("bulletins/b.md", "---\ntitle: A bulletin\ndate: 2024-05-14\n\n## Heading\n\nText.\n")
        expectSingle(diagnostics, .error, fileEndsWith: "Content/bulletins/b.md", line: 1,
                     mentions: ["never closed", "add a line `---`"])
    }

    @Test func noFrontMatter() {
        let diagnostics = failure("bulletins/b.md", "# A bulletin\n\nText.\n")
        expectSingle(diagnostics, .error, fileEndsWith: "Content/bulletins/b.md", line: 1,
                     mentions: ["no front matter", "start the file with a line `---`"])
    }

    @Test func frontMatterMustStartOnLineOne() {
        let diagnostics = failure("bulletins/b.md", "\n" + markdownFile(minimalFrontMatter))
        expectSingle(diagnostics, .error, fileEndsWith: "Content/bulletins/b.md", line: 1, mentions: ["no front matter"])
    }

    @Test func emptyFrontMatter() {
        let diagnostics = failure("bulletins/b.md", "---\n---\nText.\n")
        expectSingle(diagnostics, .error, fileEndsWith: "Content/bulletins/b.md", line: 1,
                     mentions: ["front matter is empty", "`title:`", "`date:`"])
    }

    @Test func frontMatterThatIsNotFields() {
        let diagnostics = failure("bulletins/b.md", markdownFile("- title\n- date"))
        expectSingle(diagnostics, .error, fileEndsWith: "Content/bulletins/b.md", line: 2,
                     mentions: ["`field: value` lines"])
    }

    @Test func yamlSyntaxErrorNamesTheFileLine() {
        // `summary:` is YAML line 3, so file line 4.
        let diagnostics = failure("bulletins/b.md", markdownFile("title: A bulletin\ndate: 2024-05-14\nsummary: Risk: high\nauthor: MKSCB"))
        expectSingle(diagnostics, .error, fileEndsWith: "Content/bulletins/b.md", line: 4,
                     mentions: ["YAML is not valid", "check indentation, colons and quotes"])
    }

    @Test func yamlIndentationErrorNamesTheFileLine() {
        // The over-indented `date:` is YAML line 2, so file line 3.
        let diagnostics = failure("bulletins/b.md", markdownFile("title: A bulletin\n  date: 2024-05-14"))
        expectSingle(diagnostics, .error, fileEndsWith: "Content/bulletins/b.md", line: 3,
                     mentions: ["YAML is not valid"])
    }

    @Test func duplicatedField() throws {
        let diagnostics = failure("bulletins/b.md", markdownFile("title: A bulletin\ndate: 2024-05-14\ntitle: Another"))
        #expect(diagnostics.count == 1, "\(diagnostics)")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.file.hasSuffix("Content/bulletins/b.md"))
        #expect(diagnostic.message.contains("`title` is given twice"), "\(diagnostic)")
        #expect(diagnostic.message.contains("keep one"))
        // The line must be inside the front matter (file lines 2-4).
        let line = try #require(diagnostic.line)
        #expect((2...4).contains(line), "\(diagnostic)")
    }

    @Test func kindContradictingTheFolder() {
        let diagnostics = failure("bulletins/b.md", markdownFile(minimalFrontMatter + "\nkind: lesson"))
        expectSingle(diagnostics, .error, fileEndsWith: "Content/bulletins/b.md", line: 4,
                     mentions: ["`kind: lesson` contradicts the folder `bulletins/`", "move the file or remove the `kind:` line"])
    }

    @Test(arguments: ["news/x.md", "notes.md", "training/notes.md", "bulletins/2024/x.md"])
    func markdownOutsideTheKnownFolders(_ relative: String) {
        let diagnostics = failure(relative, markdownFile(minimalFrontMatter))
        expectSingle(diagnostics, .error, fileEndsWith: "Content/" + relative, line: nil,
                     mentions: ["outside the known folders", "move it into one of", "bulletins/", "training/courses/"])
    }

    @Test func missingContentFolder() {
        let folder = TemporaryFolder()
        let diagnostics = loadFailure(folder, root: "Content")
        let diagnostic = expectSingle(diagnostics, .error, fileEndsWith: "/Content", line: nil,
                                      mentions: ["content folder was not found", "--content"])
        #expect(diagnostic?.file == folder.url("Content"))
    }

    @Test func contentFolderThatIsAFile() {
        let folder = TemporaryFolder()
        folder.write("Content", "not a folder")
        let diagnostics = loadFailure(folder, root: "Content")
        expectSingle(diagnostics, .error, fileEndsWith: "/Content", line: nil, mentions: ["was not found"])
    }

    @Test(arguments: ["My Bulletin.md", "CSE.md", "cse_bulletin.md", "-cse.md", "cse--bulletin.md"])
    func badFileName(_ name: String) {
        let diagnostics = failure("bulletins/" + name, markdownFile(minimalFrontMatter))
        expectSingle(diagnostics, .error, fileEndsWith: "Content/bulletins/" + name, line: nil,
                     mentions: ["only lowercase letters, digits and hyphens", "rename it"])
    }

    @Test func badFileNameSuggestsASlug() {
        let diagnostics = failure("bulletins/My Bulletin.md", markdownFile(minimalFrontMatter))
        expectSingle(diagnostics, .error, fileEndsWith: "Content/bulletins/My Bulletin.md", line: nil,
                     mentions: ["rename it, e.g. to `my-bulletin.md`"])
    }

    @Test func themeSlugWithSpaces() {
        let diagnostics = failure("bulletins/b.md", markdownFile(minimalFrontMatter + "\nthemes:\n  - cse\n  - county lines"))
        expectSingle(diagnostics, .error, fileEndsWith: "Content/bulletins/b.md", line: 6,
                     mentions: ["the theme `county lines`", "lowercase letters, digits and hyphens", "`county-lines`"])
    }

    @Test func themeSlugWithCapitals() {
        let diagnostics = failure("bulletins/b.md", markdownFile(minimalFrontMatter + "\nthemes: [cse, CCE]"))
        expectSingle(diagnostics, .error, fileEndsWith: "Content/bulletins/b.md", line: 4, mentions: ["the theme `CCE`"])
    }

    @Test func figureWithoutValue() {
        let diagnostics = failure("bulletins/b.md", markdownFile(minimalFrontMatter + """

            figures:
              - label: Typical age
                value: "13-17"
              - label: Average age of girls
                note: no value given
            """))
        expectSingle(diagnostics, .error, fileEndsWith: "Content/bulletins/b.md", line: 7,
                     mentions: ["`value` is missing", "add a line `value: ...`"])
    }

    @Test func figuresThatAreNotAList() {
        let diagnostics = failure("bulletins/b.md", markdownFile(minimalFrontMatter + "\nfigures: 15"))
        expectSingle(diagnostics, .error, fileEndsWith: "Content/bulletins/b.md", line: 4,
                     mentions: ["`figures` should be a list", "`- `"])
    }

    @Test func courseLevelOutOfRange() {
        let diagnostics = failure("training/courses/c.md", markdownFile(minimalFrontMatter + "\nlevel: 7"))
        expectSingle(diagnostics, .error, fileEndsWith: "Content/training/courses/c.md", line: 4,
                     mentions: ["`level: 7`", "whole number from 1 to 3"])
    }

    @Test func courseRefreshYearsNotANumber() {
        let diagnostics = failure("training/courses/c.md", markdownFile(minimalFrontMatter + "\nrefresh_years: three"))
        expectSingle(diagnostics, .error, fileEndsWith: "Content/training/courses/c.md", line: 4,
                     mentions: ["`refresh_years: three`", "whole number"])
    }

    @Test func draftThatIsNotABool() {
        let diagnostics = failure("bulletins/b.md", markdownFile(minimalFrontMatter + "\ndraft: maybe"))
        expectSingle(diagnostics, .error, fileEndsWith: "Content/bulletins/b.md", line: 4,
                     mentions: ["`draft: maybe`", "`true` or `false`"])
    }

    @Test func titleThatIsAList() {
        let diagnostics = failure("bulletins/b.md", markdownFile("title: [a, b]\ndate: 2024-05-14"))
        expectSingle(diagnostics, .error, fileEndsWith: "Content/bulletins/b.md", line: 2,
                     mentions: ["`title` should be a single line of text"])
    }

    @Test func unknownFieldIsAWarningNotAnError() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/bulletins/b.md", markdownFile(minimalFrontMatter + "\nreviewby: 2025-01-01"))
        let result = try loadContent(folder)
        #expect(result.content.documents.map(\.slug) == ["b"])
        #expect(result.content.documents.first?.reviewBy == nil)
        expectSingle(result.warnings, .warning, fileEndsWith: "Content/bulletins/b.md", line: 4,
                     mentions: ["`reviewby` is not a field learnsite knows", "ignored", "review_by"])
    }

    @Test func allErrorsOfOneFileAreReported() {
        let diagnostics = failure("bulletins/b.md", markdownFile("date: 14/05/2024\nkind: lesson\nthemes: [Bad Theme]\nlevel: 2"))
        #expect(diagnostics.filter { $0.severity == .error }.count == 4, "\(diagnostics)")
        #expect(diagnostics.filter { $0.severity == .warning }.count == 1, "\(diagnostics)")
        #expect(diagnostics.contains { $0.message.contains("`title` is missing") })
        #expect(diagnostics.contains { $0.line == 2 && $0.message.contains("not a date") })
        #expect(diagnostics.contains { $0.line == 3 && $0.message.contains("contradicts") })
        #expect(diagnostics.contains { $0.line == 4 && $0.message.contains("`Bad Theme`") })
        #expect(diagnostics.contains { $0.line == 5 && $0.severity == .warning && $0.message.contains("`level`") })
    }

    @Test func errorsInDifferentFilesAreAllReportedInOneRun() {
        let folder = TemporaryFolder.content()
        folder.write("Content/bulletins/no-title.md", markdownFile("date: 2024-05-14"))
        folder.write("Content/lessons/bad-date.md", markdownFile("title: A lesson\ndate: 2024-02-30"))
        folder.write("Content/briefings/no-front-matter.md", "# A briefing\n")
        folder.write("Content/news/stray.md", markdownFile(minimalFrontMatter))
        folder.write("Content/pages/Bad Name.md", markdownFile(minimalFrontMatter))
        folder.write("Content/pages/fine.md", markdownFile(minimalFrontMatter))
        folder.write("Content/glossary.yml", "- term: MASH\n  expansion: Multi Agency Safeguarding Hub\n- term: Mash\n  expansion: Again\n")
        folder.write("Content/bulletins/photo.jpg", bytes: [0xFF, 0xD8, 0xFF])
        let diagnostics = loadFailure(folder)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 6, "\(diagnostics)")
        for (suffix, line) in [("Content/bulletins/no-title.md", 2), ("Content/lessons/bad-date.md", 3),
                               ("Content/briefings/no-front-matter.md", 1), ("Content/glossary.yml", 3)] as [(String, Int?)] {
            #expect(errors.contains { $0.file.hasSuffix(suffix) && $0.line == line }, "no error for \(suffix):\(line.map(String.init) ?? "-") in \(diagnostics)")
        }
        #expect(errors.contains { $0.file.hasSuffix("Content/news/stray.md") })
        #expect(errors.contains { $0.file.hasSuffix("Content/pages/Bad Name.md") })
        #expect(!diagnostics.contains { $0.file.hasSuffix("fine.md") })
        // Warnings are kept alongside the errors.
        #expect(diagnostics.contains { $0.severity == .warning && $0.file.hasSuffix("Content/bulletins/photo.jpg") })
    }
}
