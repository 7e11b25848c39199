import Foundation
import Testing
@testable import LearnsiteAttendance

/// Small-number suppression for publication: counts of 1 to N-1 read "fewer than N", and no hidden count
/// can be worked out from the figures left.
@Suite struct SuppressionTests {
    typealias Shown = Suppression.Shown
    let five = Suppression(below: 5)

    @Test func offShowsEverything() {
        let (rows, totals) = Suppression.none.shown([[1, 2]], totals: [1, 2], size: 0)
        #expect(rows == [[.count(1), .count(2)]] && totals == [.count(1), .count(2)])
    }

    @Test func smallCountsAreFewerThanNAndZeroIsShown() {
        let (rows, totals) = five.shown([[10, 3, 0, 7], [12, 6, 0, 6]], totals: [22, 9, 0, 13], size: 0)
        #expect(rows[0] == [.count(10), .fewer, .count(0), .count(7)])
        // Column 2 would give the 3 away (9 - 6), so the 6 beside it is withheld; the total stays.
        #expect(rows[1] == [.count(12), .withheld, .count(0), .count(6)])
        #expect(totals == [.count(22), .count(9), .count(0), .count(13)])
        #expect(five.text(.fewer) == "fewer than 5" && five.text(.withheld) == "not shown" && five.text(.count(0)) == "0")
    }

    @Test func aGroupOfFewerThanNPeopleIsHiddenWhole() {
        let (rows, _) = five.shown([[3, 3, 0], [20, 10, 10], [30, 15, 15]], totals: [53, 28, 25], size: 0, sums: [(0, [1, 2])])
        #expect(rows[0] == [.fewer, .fewer, .fewer])
        // Each column's smallest other figure is withheld, so the 20's whole row is.
        #expect(rows[1] == [.withheld, .withheld, .withheld])
        #expect(rows[2] == [.count(30), .count(15), .count(15)])
    }

    @Test func aSumWithOneHiddenPartHidesAnother() {
        // booked 20 = attended 16 + dna 2 + cancelled 2: hiding both small ones is enough.
        let (rows, _) = five.shown([[20, 16, 2, 2], [40, 30, 5, 5], [40, 30, 6, 4]], totals: [100, 76, 13, 11], size: 0, sums: [(0, [1, 2, 3])])
        #expect(rows[0] == [.count(20), .count(16), .fewer, .fewer])
        #expect(rows[2][3] == .fewer)
        for row in rows { #expect(row.filter { $0.value == nil }.count != 1, "\(row)") }
        for column in 0..<4 { #expect(rows.filter { $0[column].value == nil }.count != 1, "column \(column)") }
    }

    @Test func theReportJSONHasNullsAndFlags() throws {
        let report = try report(suppression: Suppression(below: 3))
        let object = try #require(JSONSerialization.jsonObject(with: Data(ReportFormat.json.render(report).utf8)) as? [String: Any])
        #expect(object["suppressed_below"] as? Int == 3)
        #expect((object["notice"] as? String)?.hasPrefix("FOR PUBLICATION") == true)
        let groups = try #require(object["groups"] as? [[String: Any]])
        var hiddenPerColumn: [String: Int] = [:]
        for group in groups {
            let counts = ShownCounts.names.map { group[$0] }
            let hidden = counts.filter { $0 is NSNull }.count
            #expect((group["suppressed"] as? Bool) == (hidden > 0 || group["attendance_rate"] is NSNull))
            for value in counts { if let number = value as? Int { #expect(number == 0 || number >= 3) } }
            for name in ShownCounts.names where group[name] is NSNull { hiddenPerColumn[name, default: 0] += 1 }
        }
        #expect(groups.contains { $0["suppressed"] as? Bool == true })
        #expect(!hiddenPerColumn.values.contains(1), "no column has a single hidden figure: \(hiddenPerColumn)")
        let totals = try #require(object["totals"] as? [String: Any])
        #expect(totals["booked"] as? Int == 21)
    }

    @Test func theReportTableAndHTMLSayFewerThanN() throws {
        let report = try report(suppression: Suppression(below: 3))
        let table = ReportFormat.table.render(report)
        #expect(table.hasPrefix("FOR PUBLICATION"))
        #expect(table.contains("fewer than 3"))
        let html = ReportFormat.html.render(report)
        #expect(html.contains("<strong>For publication.</strong>") && !html.contains("Personal data"))
        #expect(html.contains("<td class=\"n\">fewer than 3</td>"))
        let csv = ReportFormat.csv.render(report)
        #expect(csv.contains(",fewer than 3,"))
    }
}
