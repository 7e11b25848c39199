import LearnsiteContent
import LearnsiteRendering
import LearnsiteTheme
import Testing
@testable import LearnsiteHandouts

private let today = Day(year: 2026, month: 11, day: 21)!

private func render(_ sessions: [TrainingSession], withPDF: Bool = false) throws -> HandoutRenderer.Result {
    let course = Document(kind: .course, slug: "cse-awareness", sourcePath: "Content/training/courses/cse-awareness.md",
                          title: "Child sexual exploitation awareness", date: Day(year: 2026, month: 9, day: 1)!)
    let content = SiteContent(root: "Content", config: SiteConfig(name: "Test Board", shortName: "TB"), documents: [course], sessions: sessions)
    let bodies = DocumentBodies(renderer: BodyRenderer(content: content), documents: content.documents)
    return HandoutRenderer(content: content, theme: try Theme(overrides: nil), bodies: bodies, today: today).render(withPDF: withPDF)
}

private func text(_ result: HandoutRenderer.Result, _ path: String) -> String? {
    result.files.first { $0.path == path }.map { String(decoding: $0.contents, as: UTF8.self) }
}

/// Blank A4 sign-in sheets for the calendar's upcoming sessions, made with the other handouts.
@Suite struct SignInSheetTests {
    let upcoming = TrainingSession(course: "cse-awareness", date: Day(year: 2027, month: 2, day: 9)!, start: "13:30", end: "17:00",
                                   venue: "Fictional Hall, Testtown", places: 12, trainer: "Trainer Example")

    @Test func aSheetPerUpcomingSessionOnly() throws {
        let result = try render([upcoming, TrainingSession(course: "cse-awareness", date: Day(year: 2026, month: 6, day: 18)!),
                                 TrainingSession(course: "cse-awareness", date: today)])
        let sheets = result.files.map(\.path).filter { $0.hasPrefix("sign-in/") }
        // Today's session is still upcoming; June's has gone.
        #expect(sheets == ["sign-in/2026-11-21-cse-awareness.html", "sign-in/2027-02-09-cse-awareness.html"])
        #expect(result.handouts.contains("sign-in/2027-02-09-cse-awareness.html"), "so --pdf makes its PDF")
    }

    @Test func theSheetHasTheSessionAndARuledRowPerPlace() throws {
        let html = try #require(text(try render([upcoming]), "sign-in/2027-02-09-cse-awareness.html"))
        #expect(html.contains("<link rel=\"stylesheet\" href=\"../assets/print.css\">"))
        #expect(html.contains("<h1 class=\"document-title\">Child sexual exploitation awareness</h1>"))
        #expect(html.contains("<span class=\"revised-date\">9 February 2027</span>, 13:30 to 17:00"))
        #expect(html.contains("<dd>Fictional Hall, Testtown</dd>") && html.contains("<dd>Trainer Example</dd>"))
        #expect(html.contains("<th scope=\"col\">Name</th><th scope=\"col\">Agency</th><th scope=\"col\">Signature</th>"))
        #expect(html.components(separatedBy: "<tr><td class=\"number\">").count - 1 == 12)
        #expect(html.contains("<td class=\"number\">12</td>") && !html.contains("<td class=\"number\">13</td>"))
    }

    @Test func twentyRowsAndABlankTrainerWhenTheCalendarDoesNotSay() throws {
        let html = try #require(text(try render([TrainingSession(course: "unlisted-course", date: Day(year: 2027, month: 1, day: 5)!)]),
                                     "sign-in/2027-01-05-unlisted-course.html"))
        #expect(html.components(separatedBy: "<tr><td class=\"number\">").count - 1 == SignInSheets.defaultPlaces)
        #expect(html.contains("<dt>Trainer</dt><dd><span class=\"write-in\"></span></dd>"))
        #expect(html.contains("<h1 class=\"document-title\">unlisted-course</h1>"))
    }

    @Test func twoSessionsOfACourseOnOneDayGetTheirStartTimes() throws {
        let day = Day(year: 2027, month: 3, day: 1)!
        let result = try render([TrainingSession(course: "cse-awareness", date: day, start: "09:30"),
                                 TrainingSession(course: "cse-awareness", date: day, start: "13:30")])
        #expect(text(result, "sign-in/2027-03-01-cse-awareness-0930.html") != nil)
        #expect(text(result, "sign-in/2027-03-01-cse-awareness-1330.html") != nil)
    }

    @Test func theIndexListsThemAndTheStylesheetPrintsThemOnA4() throws {
        let result = try render([upcoming], withPDF: true)
        let index = try #require(text(result, "index.html"))
        #expect(index.contains("<h2>Sign-in sheets</h2>"))
        #expect(index.contains("<a href=\"sign-in/2027-02-09-cse-awareness.html\">Child sexual exploitation awareness, 9 February 2027</a> · <a href=\"sign-in/2027-02-09-cse-awareness.pdf\">PDF</a>"))
        let css = try #require(text(result, "assets/print.css"))
        #expect(css.contains("size: A4;") && css.contains(".register td { height: 10mm;"))
    }

    @Test func noSessionsNoSheets() throws {
        let result = try render([])
        #expect(!result.files.contains { $0.path.hasPrefix("sign-in/") })
        #expect(text(result, "index.html")?.contains("Sign-in sheets") == false)
    }
}
