import LearnsiteBuild
import LearnsiteContent
import LearnsiteTestSupport
import Testing
@testable import LearnsiteCheck

/// A content folder with one good bulletin and one lesson, to which each test adds a problem.
func checkFolder(glossary: String = "- term: MASH\n  expansion: Multi Agency Safeguarding Hub\n") -> TemporaryFolder {
    let folder = TemporaryFolder.content()
    folder.write("Content/glossary.yml", glossary)
    folder.write("Content/references.yml", "- id: jay-2014\n  title: Rotherham inquiry\n")
    folder.write("Content/lessons/known.md", markdownFile("title: Known lesson\ndate: 2024-01-01\nsummary: A lesson.", body: "## Risk factors\n\nText.\n"))
    return folder
}

func findings(_ folder: TemporaryFolder, today: Day = Day(year: 2026, month: 11, day: 21)!) -> [Diagnostic] {
    ContentCheck.run(BuildOptions(content: folder.url("Content"), today: today))
}

func bulletin(_ body: String, front: String = "summary: Fine.") -> String {
    markdownFile("title: Bulletin\ndate: 2024-05-14\n\(front)", body: body)
}

@Suite struct ContentCheckTests {
    @Test func aCleanFolderHasNoFindings() {
        let folder = checkFolder()
        folder.write("Content/bulletins/b.md", bulletin("## Warning signs\n\nCall the MASH. See [the lesson](../../lessons/known/#risk-factors) [@jay-2014].\n"))
        #expect(findings(folder).isEmpty, "\(findings(folder))")
    }

    @Test func brokenPageLinksAndAnchorsAreErrorsAtTheirLine() {
        let folder = checkFolder()
        folder.write("Content/bulletins/b.md", bulletin("Intro.\n\n[gone](../../lessons/missing/) and [anchor](../../lessons/known/#nowhere)\n\n[md](../lessons/known.md)\n"))
        let errors = findings(folder).filter { $0.severity == .error }
        #expect(errors.map(\.line) == [8, 8, 10])
        #expect(errors[0].message.contains("`../../lessons/missing/` leads to no page"))
        #expect(errors[1].message.contains("`#nowhere`"))
        #expect(errors[2].message.contains("not its Markdown file"))
    }

    @Test func linksToHandoutsAndSectionsOfThisPageAreFine() {
        let folder = checkFolder()
        folder.write("Content/bulletins/b.md", bulletin("## Signs\n\n[print](../../../handouts/bulletins/b.pdf) [up](#signs) [refs](#ref-jay-2014) [@jay-2014]\n"))
        #expect(findings(folder).filter { $0.severity == .error }.isEmpty)
    }

    @Test func unknownCitationsAreErrorsInCheck() {
        let folder = checkFolder()
        folder.write("Content/bulletins/b.md", bulletin("Text [@nobody-1999].\n"))
        let error = findings(folder).first { $0.severity == .error }
        #expect(error?.line == 6 && error?.message.contains("nobody-1999") == true)
    }

    @Test func imagesNeedAltText() {
        let folder = checkFolder()
        folder.write("Content/assets/chart.png", bytes: [0x89, 0x50])
        folder.write("Content/bulletins/b.md", bulletin("![](../../assets/chart.png)\n\n![A bar chart of referrals](../../assets/chart.png)\n"))
        let errors = findings(folder).filter { $0.severity == .error }
        #expect(errors.map(\.line) == [6])
        #expect(errors.first?.message.contains("no text alternative") == true)
    }

    @Test func skippedHeadingLevelsAreWarned() {
        let folder = checkFolder()
        folder.write("Content/bulletins/b.md", bulletin("## Two\n\n#### Four\n\n## Two again\n\n### Three\n"))
        let warnings = findings(folder).filter { $0.message.contains("jumps from level") }
        #expect(warnings.map(\.line) == [8])
    }

    @Test func pastReviewDatesAndEmptySummariesAreWarned() {
        let folder = checkFolder()
        folder.write("Content/bulletins/old.md", markdownFile("title: Old\ndate: 2020-01-01\nreview_by: 2021-01-01"))
        folder.write("Content/bulletins/current.md", bulletin("Text.\n", front: "summary: Fine.\nreview_by: 2027-01-01"))
        let all = findings(folder)
        #expect(all.filter { $0.message.contains("review date") }.map(\.file) == [folder.url("Content/bulletins/old.md")])
        #expect(all.filter { $0.message.contains("`summary` is empty") }.map(\.file) == [folder.url("Content/bulletins/old.md")])
    }

    @Test func capitalWordsMissingFromTheGlossaryAreWarnedOncePerFile() {
        let folder = checkFolder()
        folder.write("Content/bulletins/b.md", bulletin("The MASH and the YOT.\n\nThe YOT again, in section IV, and `CODE` too.\n"))
        let warnings = findings(folder).filter { $0.message.contains("glossary.yml does not explain") }
        #expect(warnings.map(\.message).map { $0.prefix(5) } == ["`YOT`"])
        #expect(warnings.first?.line == 6)
    }

    @Test func duplicateFileNamesAcrossKindsAreWarned() {
        let folder = checkFolder()
        folder.write("Content/bulletins/known.md", bulletin("Text.\n"))
        #expect(findings(folder).contains { $0.message.contains("same file name") })
    }

    @Test func externalLinksAreListedAsNotes() {
        let folder = checkFolder()
        folder.write("Content/bulletins/b.md", bulletin("See <https://www.gov.uk/report> and [mail](mailto:a@example.org).\n"))
        let notes = findings(folder).filter { $0.severity == .note }
        #expect(notes.map(\.message) == ["external link to review now and then: https://www.gov.uk/report"])
    }

    @Test func loadErrorsAreFindingsToo() {
        let folder = checkFolder()
        folder.write("Content/bulletins/b.md", markdownFile("title: B\ndate: soon"))
        let all = findings(folder)
        #expect(all.count == 1 && all[0].severity == .error && all[0].line == 3)
    }
}

@Suite struct NewDocumentTests {
    @Test(arguments: DocumentKind.allCases)
    func aNewDocumentOfEveryKindLoads(kind: DocumentKind) throws {
        let folder = TemporaryFolder.content()
        let path = try NewDocument.create(kind: kind, title: "Neglect: \"learning\" from reviews", content: folder.url("Content"), today: Day(year: 2026, month: 11, day: 21)!)
        #expect(path.hasSuffix("\(kind.folder)/neglect-learning-from-reviews.md"))
        let loaded = try ContentLoader(root: folder.url("Content")).load()
        let document = try #require(loaded.content.documents.first)
        #expect(document.title == "Neglect: \"learning\" from reviews")
        #expect(document.date == Day(year: 2026, month: 11, day: 21))
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
    }

    @Test func itNeverOverwrites() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/bulletins/my-title.md", "keep me")
        #expect(throws: NewDocument.Failure.self) {
            try NewDocument.create(kind: .bulletin, title: "My title", content: folder.url("Content"), today: Day(year: 2026, month: 1, day: 1)!)
        }
        #expect(folder.read("Content/bulletins/my-title.md") == "keep me")
    }

    @Test func kindsAreNamedSingularOrByFolder() {
        #expect(DocumentKind(argument: "bulletin") == .bulletin)
        #expect(DocumentKind(argument: "lessons") == .lesson)
        #expect(DocumentKind(argument: "courses") == .course)
        #expect(DocumentKind(argument: "memo") == nil)
    }
}
