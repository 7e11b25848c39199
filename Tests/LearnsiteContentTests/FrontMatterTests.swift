import Foundation
import Testing
@testable import LearnsiteContent
import LearnsiteTestSupport

@Suite struct FrontMatterTests {
    @Test func readsEveryCommonField() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/bulletins/cse-bulletin.md", markdownFile("""
            title: "Safeguarding is Everybody's Business: CSE"
            date: 2015-10-01
            summary: >
              A bulletin about
              child sexual exploitation.
            themes: [cse, county-lines]
            revised: 2016-01-15
            review_by: 2018-10-01
            author: MKSCB
            audience: Practitioners and team leaders
            draft: false
            handout: false
            discussion:
              - Who do we know?
              - What stops us referring?
            figures:
              - label: Typical age of young people at risk
                value: "13-17"
                note: Local concerns rest on an age gap.
              - label: Average age of girls
                value: 15
            references:
              - jay-2014
              - nspcc-2013-cse
            """, body: "## Why we publish\n\nText.\n"))
        let result = try loadContent(folder)
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        let document = try #require(result.content.documents.first)
        #expect(result.content.documents.count == 1)

        #expect(document.kind == .bulletin)
        #expect(document.slug == "cse-bulletin")
        #expect(document.id == "bulletins/cse-bulletin")
        #expect(document.sourcePath.hasSuffix("Content/bulletins/cse-bulletin.md"))
        #expect(document.title == "Safeguarding is Everybody's Business: CSE")
        #expect(document.date == Day(year: 2015, month: 10, day: 1))
        #expect(document.summary == "A bulletin about child sexual exploitation.")
        #expect(document.themes == ["cse", "county-lines"])
        #expect(document.revised == Day(year: 2016, month: 1, day: 15))
        #expect(document.reviewBy == Day(year: 2018, month: 10, day: 1))
        #expect(document.lastChanged == Day(year: 2016, month: 1, day: 15))
        #expect(document.author == "MKSCB")
        #expect(document.audience == "Practitioners and team leaders")
        #expect(document.draft == false)
        #expect(document.handout == false)
        #expect(document.discussion == ["Who do we know?", "What stops us referring?"])
        #expect(document.figures == [
            Figure(label: "Typical age of young people at risk", value: "13-17", note: "Local concerns rest on an age gap."),
            Figure(label: "Average age of girls", value: "15", note: nil),
        ])
        // File lines: `---` is line 1, so `references:` is line 23 and its items lines 24 and 25.
        #expect(document.references == [SourceValue("jay-2014", line: 24), SourceValue("nspcc-2013-cse", line: 25)])
        #expect(document.include.isEmpty)
        #expect(document.course == nil)
        #expect(document.courseDetails == nil)
        // The closing `---` is line 26.
        #expect(document.body == "## Why we publish\n\nText.\n")
        #expect(document.bodyStartLine == 27)
    }

    @Test func optionalFieldsDefault() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/lessons/short.md", markdownFile(minimalFrontMatter))
        let document = try #require(try loadContent(folder).content.documents.first)
        #expect(document.kind == .lesson)
        #expect(document.summary == nil)
        #expect(document.themes.isEmpty)
        #expect(document.revised == nil)
        #expect(document.reviewBy == nil)
        #expect(document.lastChanged == Day(year: 2024, month: 5, day: 14))
        #expect(document.author == nil)
        #expect(document.audience == nil)
        #expect(document.draft == false)
        #expect(document.handout == true, "handout defaults to true")
        #expect(document.discussion.isEmpty)
        #expect(document.figures.isEmpty)
        #expect(document.references.isEmpty)
        #expect(document.body == "Some text.\n")
        #expect(document.bodyStartLine == 5)
    }

    @Test func singleValuesAreListsOfOneAndFlowListsKeepTheirLine() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/briefings/seven-minute.md", markdownFile("""
            title: Seven minute briefing
            date: 2024-05-14
            themes: cse
            references: [jay-2014, coffey-2014]
            discussion: What would we do differently?
            """))
        let document = try #require(try loadContent(folder).content.documents.first)
        #expect(document.themes == ["cse"])
        #expect(document.discussion == ["What would we do differently?"])
        #expect(document.references == [SourceValue("jay-2014", line: 5), SourceValue("coffey-2014", line: 5)])
    }

    @Test func matchingKindIsAccepted() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/strategies/cse-strategy.md", markdownFile("kind: strategy\n" + minimalFrontMatter))
        let result = try loadContent(folder)
        #expect(result.warnings.isEmpty)
        #expect(result.content.documents.map(\.kind) == [.strategy])
    }

    @Test func readsHandoutIncludeAndCourse() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/handouts/cse-pack.md", markdownFile("""
            title: "Trainer pack: CSE awareness"
            date: 2026-11-01
            course: Child sexual exploitation awareness
            include:
              - bulletins/cse-learning-bulletin
              - lessons/nspcc-cse-case-reviews
            """, body: "For trainers.\n"))
        let result = try loadContent(folder)
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        let document = try #require(result.content.documents.first)
        #expect(document.kind == .handout)
        #expect(document.course == "Child sexual exploitation awareness")
        #expect(document.include == [
            SourceValue("bulletins/cse-learning-bulletin", line: 6),
            SourceValue("lessons/nspcc-cse-case-reviews", line: 7),
        ])
        #expect(document.courseDetails == nil)
        #expect(document.bodyStartLine == 9)
        #expect(document.body == "For trainers.\n")
    }

    @Test func readsCourseFields() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/training/courses/cse-awareness.md", markdownFile("""
            title: Child sexual exploitation awareness
            date: 2026-09-01
            level: 2
            duration: half day
            audience: Practitioners who work with children aged 10 and over
            outcomes:
              - Describe what child sexual exploitation is.
              - Recognise the warning signs.
            refresh_years: 3
            required_for: [Social worker, Teacher]
            """))
        let result = try loadContent(folder)
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        let document = try #require(result.content.documents.first)
        #expect(document.kind == .course)
        #expect(document.id == "training/courses/cse-awareness")
        #expect(document.audience == "Practitioners who work with children aged 10 and over")
        #expect(document.courseDetails == CourseDetails(
            level: 2, duration: "half day",
            outcomes: ["Describe what child sexual exploitation is.", "Recognise the warning signs."],
            refreshYears: 3, requiredFor: ["Social worker", "Teacher"]))
    }

    @Test func courseWithoutCatalogueFieldsHasEmptyDetails() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/training/courses/basic.md", markdownFile(minimalFrontMatter))
        let document = try #require(try loadContent(folder).content.documents.first)
        #expect(document.courseDetails == CourseDetails(level: nil, duration: nil, outcomes: [], refreshYears: nil))
    }

    @Test func handoutFieldsOutsideHandoutsAreWarnedAboutAndIgnored() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/bulletins/b.md", markdownFile(minimalFrontMatter + "\ninclude: [lessons/x]\nlevel: 2"))
        let result = try loadContent(folder)
        let document = try #require(result.content.documents.first)
        #expect(document.include.isEmpty)
        #expect(document.courseDetails == nil)
        #expect(result.warnings.count == 2, "\(result.warnings)")
        let include = try #require(result.warnings.first { $0.message.contains("`include`") })
        expectDiagnostic(include, .warning, fileEndsWith: "Content/bulletins/b.md", line: 4, mentions: ["ignored"])
        let level = try #require(result.warnings.first { $0.message.contains("`level`") })
        expectDiagnostic(level, .warning, fileEndsWith: "Content/bulletins/b.md", line: 5, mentions: ["ignored"])
    }

    @Test func frontMatterMayCloseWithDotsAndTrailingSpaces() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/pages/about.md", "---  \n\(minimalFrontMatter)\n...\nAbout us.\n")
        folder.write("Content/pages/contact.md", "---\n\(minimalFrontMatter)\n--- \t\nContact us.\n")
        let documents = try loadContent(folder).content.documents
        #expect(documents.map(\.slug) == ["about", "contact"])
        #expect(documents.map(\.body) == ["About us.\n", "Contact us.\n"])
        #expect(documents.map(\.bodyStartLine) == [5, 5])
    }

    @Test func bodyMayBeEmptyAndKeepsLaterThematicBreaks() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/pages/empty.md", "---\n\(minimalFrontMatter)\n---")
        folder.write("Content/pages/rules.md", markdownFile(minimalFrontMatter, body: "Before\n\n---\n\nAfter\n"))
        let documents = try loadContent(folder).content.documents
        let empty = try #require(documents.first { $0.slug == "empty" })
        #expect(empty.body == "")
        let rules = try #require(documents.first { $0.slug == "rules" })
        #expect(rules.body == "Before\n\n---\n\nAfter\n")
        #expect(rules.bodyStartLine == 5)
    }

    @Test func draftAndHandoutAcceptYesAndNo() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/bulletins/b.md", markdownFile(minimalFrontMatter + "\ndraft: no\nhandout: yes"))
        let document = try #require(try loadContent(folder).content.documents.first)
        #expect(document.draft == false)
        #expect(document.handout == true)
    }

    @Test func themeSlugsAreLowercaseWordsJoinedBySingleHyphens() {
        for slug in ["cse", "county-lines", "2024-review", "a1-b2"] { #expect(DocumentParser.isSlug(slug), "\(slug)") }
        for text in ["", "-", "-cse", "cse-", "county--lines", "County-lines", "county lines", "caf\u{E9}", "cse_2"] {
            #expect(!DocumentParser.isSlug(text), "\(text)")
        }
    }
}
