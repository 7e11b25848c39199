import Foundation
import LearnsiteTestSupport
import Testing
@testable import LearnsiteAttendance

/// Fictional sessions: 13 May 2024 (a Monday, full day), 14 and 15 May (half days). notice_days is 3.
let unusedPlaces = """
date,course,name,email,agency,status,cancelled_on
13/05/2024,Safeguarding children foundation,Ann Absent,ann@example.org,TVP,dna,
13/05/2024,Safeguarding children foundation,Bob Absent,bob@example.org,TVP,no show,
13/05/2024,Safeguarding children foundation,Sid Substitute,sid@example.org,Police,substitute,
13/05/2024,Safeguarding children foundation,Cal Late,cal@example.org,MKUH,cancelled,10/05/2024
13/05/2024,Safeguarding children foundation,Dee Early,dee@example.org,MKUH,cancelled,01/05/2024
13/05/2024,Safeguarding children foundation,Ola Present,ola@example.org,MKUH,attended,
14/05/2024,CSE awareness,Fay Absent,fay@example.org,CSC,dna,
14/05/2024,CSE awareness,Gus Otheragency,gus@example.org,TVP,walk-in,
15/05/2024,CSE awareness,Hal Late,hal@example.org,CSC,cancelled,14/05/2024
15/05/2024,CSE awareness,Ida Colleague,ida@example.org,Social Care,walk-in,

"""

/// Charges for places not used: no-shows and late cancellations at the tariff, less those a colleague covered.
@Suite struct ChargesTests {
    @Test func perAgencyCountsAndAmounts() throws {
        let charges = try #require(ChargesReport(try records(unusedPlaces)))
        #expect(charges.agencies.map(\.name) == ["Children's Social Care", "Milton Keynes University Hospital", "Thames Valley Police"])
        #expect(charges.agencies.map { [$0.charges.count, $0.count(.noShow), $0.count(.lateCancellation), $0.covered, $0.amount] } == [
            [2, 1, 0, 1, 5000],  // Fay charged a half day; Hal's late cancellation covered by Ida from the same agency
            [1, 0, 1, 0, 9000],  // Cal cancelled with 1 working day's notice; Dee with plenty
            [2, 1, 0, 1, 9000],  // Ann covered by Sid (TVP and Police are one agency); Bob charged
        ])
        #expect(charges.warnings.isEmpty)
    }

    @Test func aSubstituteCoversTheFirstNoShowOfTheirAgencyOnTheSameSession() throws {
        let report = try records(unusedPlaces)
        let covered = Substitutes.covered(report.records).map { report.records[$0].details.name }
        #expect(Set(covered) == ["Ann Absent", "Hal Late"])
    }

    @Test func aSubstituteCoversANoShowBeforeALateCancellation() throws {
        let report = try records("""
        date,course,name,agency,status,cancelled_on
        13/05/2024,x,Late First,TVP,cancelled,13/05/2024
        13/05/2024,x,Absent Second,TVP,dna,
        13/05/2024,x,Came Instead,TVP,attended as substitute,
        14/05/2024,x,Absent Other Day,TVP,dna,

        """)
        #expect(Substitutes.covered(report.records).map { report.records[$0].details.name } == ["Absent Second"])
    }

    @Test func csvHasTheNoticeThenOneRowPerAgencyAndTotals() throws {
        let csv = try #require(ChargesReport(try records(unusedPlaces))).render(.csv).components(separatedBy: "\r\n")
        #expect(csv[0].hasPrefix("\"PERSONAL DATA: the names of staff who did not attend or cancelled late"))
        #expect(csv[1] == "agency,places_not_used,did_not_attend,cancelled_late,covered_by_colleague,amount_due")
        #expect(csv[2] == "Children's Social Care,2,1,0,1,50.00")
        #expect(csv[5] == "Total,5,2,1,2,230.00")
    }

    @Test func htmlHasAPrintableInvoicePerAgency() throws {
        let html = try #require(ChargesReport(try records(unusedPlaces))).render(.html)
        #expect(html.hasPrefix("<!-- PERSONAL DATA"))
        #expect(html.contains("<strong>Personal data: for the board's training managers and the agencies' training leads only.</strong>"))
        #expect(html.components(separatedBy: "<section class=\"invoice\"").count - 1 == 3)
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("<td>Bob Absent</td><td>did not attend</td><td>full day</td><td class=\"n\">£90.00</td>"))
        #expect(html.contains("<td>Ann Absent</td><td>did not attend (a colleague came instead)</td><td>full day</td><td class=\"n\">£0.00</td>"))
        #expect(html.contains("Half day £50.00, full day £90.00."))
    }

    @Test func theTerminalTableStartsWithTheNoticeAndTotals() throws {
        let lines = try #require(ChargesReport(try records(unusedPlaces))).render(.table).split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("PERSONAL DATA:"))
        let total = try #require(lines.first { $0.hasPrefix("Total") })
        #expect(total.split(separator: " ") == ["Total", "5", "2", "1", "2", "£230.00"])
        #expect(!lines.contains { $0.contains("Bob Absent") }, "names are in the printed invoices only")
    }

    @Test func withoutATariffThereIsNoChargesReport() throws {
        let report = try reportWithSite("name: Board\ntraining:\n  notice_days: 3\n")
        #expect(ChargesReport(report) == nil)
        #expect(ChargesReport.missingTariff.contains("charges: {half_day: 50, full_day: 90}"))
    }

    private func reportWithSite(_ site: String) throws -> AttendanceReport {
        let folder = TemporaryFolder()
        folder.write("site.yml", site)
        folder.write("attendance/r.csv", unusedPlaces)
        return try withExtendedLifetime(folder) { try report(content: folder.path, keepsRecords: true) }
    }
}
