import Testing
@testable import LearnsiteAttendance

/// The named no-show list for follow-up, and the same without names for publication.
@Suite struct NoShowReportTests {
    @Test func namesEachNoShowByAgencyLeavingOutThoseCovered() throws {
        let report = NoShowReport(try records(unusedPlaces))
        #expect(report.agencies.map(\.name) == ["Children's Social Care", "Thames Valley Police"])
        #expect(report.agencies.map { $0.noShows.map(\.details.name) } == [["Fay Absent"], ["Bob Absent"]])
        #expect(report.agencies.map(\.covered) == [0, 1])
        let text = report.render(.table)
        #expect(text.hasPrefix("PERSONAL DATA: the names and emails of staff who did not attend training"))
        #expect(text.contains("Thames Valley Police: 1 no-show, and 1 covered by a colleague"))
        #expect(text.contains("Bob Absent") && !text.contains("Ann Absent"))
        let csv = report.render(.csv).components(separatedBy: "\r\n")
        #expect(csv[1] == "agency,name,email,course,date")
        #expect(csv.contains("Thames Valley Police,Bob Absent,bob@example.org,Safeguarding children foundation,2024-05-13"))
    }

    @Test func suppressedItNamesNoOne() throws {
        let text = NoShowReport(try records(unusedPlaces, suppression: Suppression(below: 5))).render(.html)
        #expect(text.hasPrefix("<!-- FOR PUBLICATION"))
        #expect(!text.contains("Absent") && !text.contains("@example.org"))
        #expect(text.contains("fewer than 5"))
    }
}
