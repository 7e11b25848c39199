import Foundation
import Testing
@testable import LearnsiteContent
import LearnsiteTestSupport

@Suite struct LoaderTests {
    // MARK: attendance/

    @Test func attendanceIsNeverRead() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/bulletins/b.md", markdownFile(minimalFrontMatter))
        folder.write("Content/attendance/notes.md", "no front matter, and Not A Slug\n")
        folder.write("Content/attendance/Bad Name.md", "---\ntitle: [unclosed\n")
        folder.write("Content/attendance/2024-25.csv", "date,course,name,agency,status\n2024-05-14,CSE,Jane Smith,TVP,attended\n")
        folder.write("Content/attendance/latin1.csv", bytes: Array("date,name\n2024-05-14,Ren".utf8) + [0xE9] + [0x0A])
        folder.write("Content/attendance/2023/old.csv", "date,name\n")
        let result = try loadContent(folder)
        #expect(result.content.documents.map(\.id) == ["bulletins/b"])
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        #expect(!result.warnings.contains { $0.file.contains("attendance") || $0.message.contains("attendance") })
        #expect(!result.content.assets.contains { $0.contains("attendance") || $0.hasSuffix(".csv") })
    }

    @Test func attendanceIsNotReadEvenWhenOtherFilesFail() {
        let folder = TemporaryFolder.content()
        folder.write("Content/bulletins/b.md", markdownFile("date: 2024-05-14"))
        folder.write("Content/attendance/notes.md", "no front matter\n")
        folder.write("Content/attendance/register.csv", "date,name\n")
        let diagnostics = loadFailure(folder)
        #expect(diagnostics.count == 1, "\(diagnostics)")
        #expect(!diagnostics.contains { $0.file.contains("attendance") }, "\(diagnostics)")
    }

    @Test func hiddenFilesAndFoldersAreSkipped() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/.DS_Store", bytes: [0x00, 0x01])
        folder.write("Content/bulletins/.draft.md", "nothing valid\n")
        folder.write("Content/.git/config", "[core]\n")
        let result = try loadContent(folder)
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        #expect(result.content.documents.isEmpty)
    }

    // MARK: drafts

    @Test func draftsAreLeftOutByDefault() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/bulletins/published.md", markdownFile(minimalFrontMatter))
        folder.write("Content/bulletins/unfinished.md", markdownFile(minimalFrontMatter + "\ndraft: true"))
        let result = try loadContent(folder)
        #expect(result.content.documents.map(\.slug) == ["published"])
        #expect(result.warnings.isEmpty)
    }

    @Test func draftsAreIncludedWhenAskedFor() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/bulletins/published.md", markdownFile(minimalFrontMatter))
        folder.write("Content/bulletins/unfinished.md", markdownFile(minimalFrontMatter + "\ndraft: true"))
        let documents = try loadContent(folder, includeDrafts: true).content.documents
        #expect(documents.map(\.slug) == ["published", "unfinished"])
        #expect(documents.map(\.draft) == [false, true])
    }

    @Test func draftsAreStillChecked() {
        let folder = TemporaryFolder.content()
        folder.write("Content/bulletins/unfinished.md", markdownFile("title: Unfinished\ndate: soon\ndraft: true"))
        let diagnostics = loadFailure(folder)
        expectSingle(diagnostics, .error, fileEndsWith: "Content/bulletins/unfinished.md", line: 3, mentions: ["not a date"])
    }

    // MARK: index.md

    @Test func homeIntroWithFrontMatter() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/index.md", "---\ntitle: Welcome\ndate: 2026-11-01\n---\nWelcome to the learning site.\n")
        let result = try loadContent(folder)
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        #expect(result.content.documents.isEmpty, "index.md is not a document")
        let home = try #require(result.content.home)
        #expect(home.title == "Welcome")
        #expect(home.body == "Welcome to the learning site.\n")
        #expect(home.bodyStartLine == 5)
        #expect(home.sourcePath.hasSuffix("Content/index.md"))
    }

    @Test func homeIntroWithoutFrontMatter() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/index.md", "Welcome to the learning site.\n\nRead our bulletins.\n")
        let home = try #require(try loadContent(folder).content.home)
        #expect(home.title == nil)
        #expect(home.body == "Welcome to the learning site.\n\nRead our bulletins.\n")
        #expect(home.bodyStartLine == 1)
    }

    @Test func homeIntroFrontMatterWithoutTitle() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/index.md", "---\ndate: 2026-11-01\n---\nHello.\n")
        let home = try #require(try loadContent(folder).content.home)
        #expect(home.title == nil)
        #expect(home.body == "Hello.\n")
    }

    @Test func homeIntroBadDateAndUnknownField() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/index.md", "---\ntitle: Welcome\ndate: 01/11/2026\nsummary: not used\n---\nHello.\n")
        let diagnostics = loadFailure(folder)
        #expect(diagnostics.count == 2, "\(diagnostics)")
        let error = try #require(diagnostics.first { $0.severity == .error })
        expectDiagnostic(error, .error, fileEndsWith: "Content/index.md", line: 3, mentions: ["`date: 01/11/2026` is not a date"])
        let warning = try #require(diagnostics.first { $0.severity == .warning })
        expectDiagnostic(warning, .warning, fileEndsWith: "Content/index.md", line: 4, mentions: ["`summary` is not a field"])
    }

    @Test func noHomeIntro() throws {
        let folder = TemporaryFolder.content()
        #expect(try loadContent(folder).content.home == nil)
    }

    // MARK: assets and stray files

    @Test func assetsAreListedRelativeToAssets() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/assets/logo.png", bytes: [0x89, 0x50, 0x4E, 0x47])
        folder.write("Content/assets/downloads/screening-tool.pdf", bytes: [0x25, 0x50, 0x44, 0x46])
        folder.write("Content/assets/readme.md", "Not a document.\n")
        let result = try loadContent(folder)
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        #expect(result.content.assets.sorted() == ["downloads/screening-tool.pdf", "logo.png", "readme.md"])
        #expect(result.content.documents.isEmpty)
    }

    @Test func strayFileInADocumentFolderIsAWarning() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/bulletins/b.md", markdownFile(minimalFrontMatter))
        folder.write("Content/bulletins/photo.jpg", bytes: [0xFF, 0xD8, 0xFF, 0xE0])
        let result = try loadContent(folder)
        #expect(result.content.documents.map(\.slug) == ["b"])
        #expect(result.content.assets.isEmpty)
        expectSingle(result.warnings, .warning, fileEndsWith: "Content/bulletins/photo.jpg", line: nil,
                     mentions: ["this file is not used", "move images and downloads to assets/"])
    }

    @Test func sessionsCSVIsExpected() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/training/sessions.csv", "course,date,start,end,venue,places,booking_url\n")
        folder.write("Content/training/notes.txt", "scribbles\n")
        let result = try loadContent(folder)
        expectSingle(result.warnings, .warning, fileEndsWith: "Content/training/notes.txt", line: nil, mentions: ["not used"])
    }

    @Test func rootWithTrailingSlash() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/bulletins/b.md", markdownFile(minimalFrontMatter))
        let result = try withExtendedLifetime(folder) {
            try ContentLoader(root: folder.url("Content") + "/").load()
        }
        let document = try #require(result.content.documents.first)
        #expect(document.id == "bulletins/b")
        #expect(document.sourcePath == folder.url("Content/bulletins/b.md"))
    }

    // MARK: order

    @Test func documentsAreOrderedByKindThenNewestFirstThenSlug() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/pages/about.md", markdownFile("title: About\ndate: 2030-01-01"))
        folder.write("Content/lessons/lesson.md", markdownFile("title: L\ndate: 2024-01-01"))
        folder.write("Content/bulletins/older.md", markdownFile("title: O\ndate: 2015-10-01"))
        folder.write("Content/bulletins/zeta.md", markdownFile("title: Z\ndate: 2024-05-14"))
        folder.write("Content/bulletins/alpha.md", markdownFile("title: A\ndate: 2024-05-14"))
        folder.write("Content/bulletins/newest.md", markdownFile("title: N\ndate: 2025-01-01"))
        folder.write("Content/training/courses/course.md", markdownFile("title: C\ndate: 2031-01-01"))
        folder.write("Content/strategies/strategy.md", markdownFile("title: S\ndate: 2010-01-01"))
        let documents = try loadContent(folder).content.documents
        #expect(documents.map(\.id) == [
            "bulletins/newest", "bulletins/alpha", "bulletins/zeta", "bulletins/older",
            "strategies/strategy", "lessons/lesson", "pages/about", "training/courses/course",
        ])
    }

    @Test func siteContentSortsWhatItIsGiven() throws {
        func doc(_ kind: DocumentKind, _ slug: String, _ date: String) throws -> Document {
            Document(kind: kind, slug: slug, sourcePath: "\(kind.folder)/\(slug).md", title: slug, date: try #require(Day(iso: date)))
        }
        let content = SiteContent(root: "Content", config: SiteConfig(name: "Board"), documents: [
            try doc(.course, "a", "2030-01-01"),
            try doc(.page, "privacy", "2020-01-01"),
            try doc(.references, "refs", "2015-01-01"),
            try doc(.bulletin, "b", "2015-01-01"),
            try doc(.handout, "pack", "2026-01-01"),
            try doc(.bulletin, "a", "2015-01-01"),
            try doc(.briefing, "brief", "2019-01-01"),
            try doc(.bulletin, "c", "2016-02-29"),
            try doc(.strategy, "s", "2015-06-01"),
            try doc(.lesson, "l", "2013-01-01"),
            try doc(.page, "about", "2020-01-01"),
        ])
        #expect(content.documents.map(\.id) == [
            "bulletins/c", "bulletins/a", "bulletins/b", "strategies/s", "references/refs", "lessons/l",
            "briefings/brief", "handouts/pack", "pages/about", "pages/privacy", "training/courses/a",
        ])
        #expect(content.documents(of: .page).map(\.slug) == ["about", "privacy"])
        #expect(content.documents(of: .bulletin).map(\.slug) == ["c", "a", "b"])
    }

    @Test func kindsComeFromTheirFolders() {
        #expect(DocumentKind.forFile(at: "bulletins/x.md") == .bulletin)
        #expect(DocumentKind.forFile(at: "strategies/x.md") == .strategy)
        #expect(DocumentKind.forFile(at: "references/x.md") == .references)
        #expect(DocumentKind.forFile(at: "lessons/x.md") == .lesson)
        #expect(DocumentKind.forFile(at: "briefings/x.md") == .briefing)
        #expect(DocumentKind.forFile(at: "handouts/x.md") == .handout)
        #expect(DocumentKind.forFile(at: "pages/x.md") == .page)
        #expect(DocumentKind.forFile(at: "training/courses/x.md") == .course)
        #expect(DocumentKind.forFile(at: "training/x.md") == nil)
        #expect(DocumentKind.forFile(at: "bulletins/2024/x.md") == nil)
        #expect(DocumentKind.forFile(at: "bulletinsx/x.md") == nil)
        #expect(DocumentKind.forFile(at: "x.md") == nil)
    }
}

@Suite struct LoaderEdgeCaseTests {
    @Test func aHomeIntroMayStartWithAHorizontalRule() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/index.md", "-----\n\nWelcome.\n")
        let result = try ContentLoader(root: folder.url("Content")).load()
        #expect(result.content.home?.body == "-----\n\nWelcome.\n")
    }

    @Test func aTypoInSiteYmlIsAWarning() throws {
        let folder = TemporaryFolder.content(siteYAML: "name: Board\nbaseurl: https://example.org/\n")
        let result = try ContentLoader(root: folder.url("Content")).load()
        #expect(result.warnings.contains { $0.line == 2 && $0.message.contains("`baseurl`") })
    }

    @Test func anUppercaseExtensionIsStillADocument() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/bulletins/shout.MD", markdownFile("title: Loud\ndate: 2024-05-14"))
        let result = try ContentLoader(root: folder.url("Content")).load()
        #expect(result.content.documents.map(\.slug) == ["shout"])
    }
}

@Suite struct TrainingSessionsTests {
    @Test func readsTheCalendarAndReportsBadRowsAtTheirLines() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/training/courses/cse-awareness.md", markdownFile("title: CSE awareness\ndate: 2026-09-01"))
        folder.write("Content/training/sessions.csv", """
            course,date,start,end,venue,places,booking_url
            cse-awareness,2027-02-09,13:30,17:00,"Bletchley Park, Milton Keynes",20,https://example.org/book
            unknown-course,2027-03-01,,,,,

            """)
        let result = try ContentLoader(root: folder.url("Content")).load()
        #expect(result.content.sessions.map(\.course) == ["cse-awareness", "unknown-course"])
        #expect(result.content.sessions.first == TrainingSession(course: "cse-awareness", date: Day(year: 2027, month: 2, day: 9)!, start: "13:30",
                                                                 end: "17:00", venue: "Bletchley Park, Milton Keynes", places: 20, bookingURL: "https://example.org/book"))
        #expect(result.warnings.contains { $0.line == 3 && $0.message.contains("`unknown-course`") })
    }

    @Test func anOptionalTrainerColumnIsRead() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/training/courses/cse-awareness.md", markdownFile("title: CSE awareness\ndate: 2026-09-01"))
        folder.write("Content/training/sessions.csv", "course,date,venue,trainer\ncse-awareness,2027-02-09,Hall,Trainer Example\ncse-awareness,2027-03-09,Hall,\n")
        let sessions = try ContentLoader(root: folder.url("Content")).load().content.sessions
        #expect(sessions.map(\.trainer) == ["Trainer Example", nil])
    }

    @Test func aSessionWithABadDateOrAnOpenQuoteIsAnError() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/training/sessions.csv", "course,date,venue\nx,21/01/2027,Hall\ny,2027-01-22,\"Open quote\n")
        let error = try #require(throws: ContentError.self) { try ContentLoader(root: folder.url("Content")).load() }
        #expect(error.diagnostics.contains { $0.line == 2 && $0.message.contains("year-month-day") })
        #expect(error.diagnostics.contains { $0.line == 3 && $0.message.contains("never closed") })
    }
}
