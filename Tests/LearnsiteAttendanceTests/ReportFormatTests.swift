import Foundation
import LearnsiteTestSupport
import Testing
@testable import LearnsiteAttendance

/// Each output format: its shape, the contract's JSON fields and definitions, and no order left to chance.
@Suite struct ReportFormatTests {
    func json(_ report: AttendanceReport) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(ReportFormat.json.render(report).utf8)) as? [String: Any])
    }

    @Test func jsonCarriesTheContractFields() throws {
        let report = try report()
        let object = try json(report)
        #expect((object["notice"] as? String)?.hasPrefix("PERSONAL DATA") == true)
        #expect(object["suppressed_below"] is NSNull)
        for key in ["period", "rows_read", "rows_rejected", "duplicates", "totals", "groups", "rejected",
                    "rows_used", "rows_outside_period", "sessions_cancelled", "warnings", "duplicate_rows"] {
            #expect(object[key] != nil, "\(key)")
        }
        let period = try #require(object["period"] as? [String: Any])
        #expect(period["from"] as? String == "2024-04-01")
        #expect(period["to"] as? String == "2025-03-31")
        #expect(object["rows_read"] as? Int == 40)
        #expect(object["rows_rejected"] as? Int == 12)
        #expect(object["duplicates"] as? Int == 3)
        #expect(object["rows_outside_period"] as? Int == 2)
        #expect(object["rows_used"] as? Int == 23)
        #expect(object["sessions_cancelled"] as? Int == 2)
        let totals = try #require(object["totals"] as? [String: Any])
        #expect(totals["booked"] as? Int == 21)
        #expect(totals["attended"] as? Int == 14)
        #expect(totals["dna"] as? Int == 3)
        #expect(totals["cancelled"] as? Int == 4)
        #expect(totals["attendance_rate"] as? Double == 0.8235)
        let rejected = try #require(object["rejected"] as? [[String: Any]])
        #expect(rejected.count == 11)
        #expect(rejected.allSatisfy { $0["file"] is String && $0["line"] is Int && $0["reason"] is String })
        let warnings = try #require(object["warnings"] as? [[String: Any]])
        #expect(warnings.count == 2)
    }

    @Test func jsonGroupsFollowTheDefinitions() throws {
        let groups = try #require(try json(report())["groups"] as? [[String: Any]])
        #expect(groups.count == 6)
        for group in groups {
            let booked = try #require(group["booked"] as? Int), attended = try #require(group["attended"] as? Int)
            let dna = try #require(group["dna"] as? Int), cancelled = try #require(group["cancelled"] as? Int)
            #expect(attended + dna + cancelled == booked)
            let expected = booked - cancelled > 0 ? (Double(attended) / Double(booked - cancelled) * 10_000).rounded() / 10_000 : 0
            #expect(group["attendance_rate"] as? Double == expected, "\(group["key"] ?? "")")
        }
        // A group where everyone cancelled has no one left to attend: the rate is 0, not a division by zero.
        let months = try #require(try json(report(by: .month))["groups"] as? [[String: Any]])
        let december = try #require(months.first { $0["key"] as? String == "December 2024" })
        #expect(december["booked"] as? Int == 1 && december["cancelled"] as? Int == 1)
        #expect(december["attendance_rate"] as? Double == 0)
    }

    @Test func outputIsTheSameOnEveryRun() throws {
        for format in ReportFormat.allCases {
            #expect(format.render(try report()) == format.render(try report()), "\(format)")
        }
    }

    @Test func tableIsAlignedWithATotalsRow() throws {
        let lines = ReportFormat.table.render(try report()).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0].hasPrefix("PERSONAL DATA: training figures from registers that name staff"))
        let header = try #require(lines.firstIndex { $0.hasPrefix("Agency") })
        let total = try #require(lines.firstIndex { $0.hasPrefix("Total") })
        let block = lines[header...total]
        #expect(Set(block.map(\.count)).count == 1)
        #expect(lines[total].split(separator: " ").map(String.init) == ["Total", "21", "14", "3", "4", "1", "82.4%"])
        #expect(lines.contains { $0.hasPrefix("40 rows read: 23 used, 3 duplicates counted once, 12 rejected, 2 outside the period.") })
    }

    @Test func csvHasAHeaderAGroupPerRowAndTotals() throws {
        let lines = ReportFormat.csv.render(try report()).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines[0].hasPrefix("\"PERSONAL DATA: "))
        #expect(lines[1] == "agency,booked,attended,dna,cancelled,late_cancellations,sessions_cancelled,walk_ins,attendance_rate")
        #expect(lines.count == 1 + 6 + 2)
        #expect(lines.last == "Total,21,14,3,4,1,2,2,0.8235")
        #expect(lines.contains("Children's Social Care,4,1,0,3,1,0,0,1.0"))
    }

    @Test func csvQuotesAndDefusesFormulas() {
        #expect(CSVFormat.quoted("Barnardo's, MK") == "\"Barnardo's, MK\"")
        #expect(CSVFormat.quoted("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(CSVFormat.quoted("-1") == "'-1")
    }

    @Test func htmlIsPrivateSelfContainedAndComplete() throws {
        let html = ReportFormat.html.render(try report())
        #expect(html.hasPrefix("<!-- PERSONAL DATA"))
        #expect(html.contains("<p class=\"banner\" role=\"note\"><strong>Personal data: for the board's training managers only.</strong>"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("src="))
        #expect(!html.contains("href="))
        #expect(html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").range(of: "http") == nil)
        #expect(html.components(separatedBy: "<svg ").count - 1 == 2)
        #expect(html.contains("<title id=\"agency-chart-title\">Bookings by agency"))
        #expect(html.contains("<title id=\"quarter-chart-title\">Trend by quarter"))
        #expect(html.contains("aria-details=\"agency-table\"") && html.contains("<table id=\"agency-table\">"))
        #expect(html.contains("<table id=\"quarter-table\">"))
        #expect(html.contains("<title>Thames Valley Police: 7 attended</title>"))
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("“31/02/2025” is not a date"))
        #expect(html.contains("Duplicate rows"))
    }

    @Test func htmlEscapesRegisterText() throws {
        let report = try report(registers: ["r.csv": "date,course,name,agency,status\n2024-05-14,x,A,<b>Acme & Co</b>,attended\n"])
        let html = ReportFormat.html.render(report)
        #expect(!html.contains("<b>Acme"))
        #expect(html.contains("&lt;b&gt;Acme &amp; Co&lt;/b&gt;"))
    }

    @Test func htmlHasAGroupTableForOtherGroupings() throws {
        #expect(ReportFormat.html.render(try report(by: .course)).contains("<table id=\"group-table\"><caption>Figures by course</caption>"))
        #expect(!ReportFormat.html.render(try report(by: .agency)).contains("group-table"))
    }
}

/// Where reports may be written: anywhere private, never the public site.
@Suite struct ReportDestinationTests {
    @Test func neverIntoThePublicSite() {
        let folder = TemporaryFolder()
        #expect(ReportDestination.isInPublicSite(folder.url("Output/site/report.html")))
        #expect(ReportDestination.isInPublicSite(folder.url("Output/reports/../site/assets/report.html")))
        #expect(!ReportDestination.isInPublicSite(folder.url("Output/reports/attendance-2024-25.html")))
        #expect(throws: ReportDestination.WriteError.self) { try ReportDestination.write("x", to: folder.url("Output/site/r.html")) }
        #expect(!folder.exists("Output/site/r.html"))
    }

    @Test func writesOwnerOnlyAndMakesFolders() throws {
        let folder = TemporaryFolder()
        try ReportDestination.write("report", to: folder.url("Output/reports/a.html"))
        #expect(folder.read("Output/reports/a.html") == "report")
        let permissions = try FileManager.default.attributesOfItem(atPath: folder.url("Output/reports/a.html"))[.posixPermissions] as? Int
        #expect(permissions == 0o600)
    }
}
