import LearnsiteContent
import Testing
@testable import LearnsiteAttendance

/// Fixture courses: Safeguarding children foundation (refresh every 3 years, required for social workers
/// and teachers) and CSE awareness (every 2 years).
private let histories = """
date,course,name,email,agency,role,status
29/02/2024,Safeguarding children foundation,Leap Day,leap@example.org,TVP,,attended
31/03/2022,Safeguarding children foundation,March End,march@example.org,MKUH,,attended
01/04/2022,Safeguarding children foundation,April First,april@example.org,MKUH,,partial
01/05/2021,Safeguarding children foundation,Twice Trained,twice@example.org,CSC,,attended
01/05/2024,safeguarding-foundation,Twice Trained,twice@example.org,CSC,,late
03/06/2024,CSE awareness,Role Person,role@example.org,CSC,Social  worker,attended
10/01/2024,Safeguarding children foundation,Teacher Done,teacher@example.org,Schools,Teacher,attended
02/01/2020,Safeguarding children foundation,Never Came,never@example.org,Schools,teacher,dna

"""

private func due(asOf: String) throws -> DueReport {
    let day = Day(iso: asOf)!
    return DueReport(try records(histories, period: DueReport.period(asOf: day)), asOf: day)
}

private func names(_ report: DueReport) -> [String] { report.due.map { "\($0.name): \($0.dueOn)" } }

@Suite struct DueReportTests {
    @Test func aLeapDayRefresherFallsDueOnTheTwentyEighth() throws {
        #expect(!names(try due(asOf: "2027-02-27")).contains { $0.hasPrefix("Leap Day") })
        #expect(names(try due(asOf: "2027-02-28")).contains("Leap Day: 2027-02-28"))
    }

    @Test func theFinancialYearBoundary() throws {
        // Three years after 31 March 2022 is the last day of 2024-25; after 1 April 2022, the first of 2025-26.
        let yearEnd = names(try due(asOf: "2025-03-31"))
        #expect(yearEnd.contains("March End: 2025-03-31"))
        #expect(!yearEnd.contains { $0.hasPrefix("April First") })
        #expect(names(try due(asOf: "2025-04-01")).contains("April First: 2025-04-01"))
    }

    @Test func onlyTheLatestAttendanceCounts() throws {
        #expect(!names(try due(asOf: "2026-12-31")).contains { $0.hasPrefix("Twice Trained") })
        #expect(names(try due(asOf: "2027-05-01")).contains("Twice Trained: 2027-05-01"))
    }

    @Test func aCourseRequiredForTheRoleAndNeverAttended() throws {
        let report = try due(asOf: "2024-12-31")
        let required = report.due.filter { $0.lastAttended == nil }
        #expect(required.map { "\($0.name): \($0.course), \($0.role ?? ""), \($0.dueOn)" } == [
            "Role Person: Safeguarding children foundation, Social  worker, 2024-06-03",
            "Never Came: Safeguarding children foundation, teacher, 2020-01-02",
        ])
        #expect(!names(report).contains { $0.hasPrefix("Teacher Done") })
    }

    @Test func groupedByAgencyWithTheDateEachBecameDue() throws {
        let report = try due(asOf: "2025-12-31")
        let text = report.render(.table)
        #expect(text.hasPrefix("PERSONAL DATA: staff names, emails and training histories"))
        #expect(text.contains("Training due, as of 31 December 2025"))
        let agencies = report.sheet.tables.compactMap(\.heading)
        #expect(agencies == ["Children's Social Care: 1 person", "Milton Keynes University Hospital: 2 people", "Schools and Colleges: 1 person"])
        #expect(text.contains("never (required for Social  worker)"))
        let csv = report.render(.csv).components(separatedBy: "\r\n")
        #expect(csv[1] == "agency,name,email,course,last_attended,due_on,required_for_role")
        #expect(csv.contains("Milton Keynes University Hospital,March End,march@example.org,Safeguarding children foundation,2022-03-31,2025-03-31,"))
    }

    @Test func suppressedItCountsPeopleInsteadOfNamingThem() throws {
        let day = Day(iso: "2025-12-31")!
        let report = DueReport(try records(histories, period: DueReport.period(asOf: day), suppression: Suppression(below: 2)), asOf: day)
        let csv = report.render(.csv)
        #expect(!csv.contains("March End") && !csv.contains("@example.org"))
        #expect(csv.contains("Milton Keynes University Hospital,2,2,0"))
        #expect(csv.contains("Children's Social Care,fewer than 2,fewer than 2,fewer than 2"))
    }
}
