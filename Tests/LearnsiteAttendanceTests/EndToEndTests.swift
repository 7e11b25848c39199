import Foundation
import Testing
@testable import LearnsiteAttendance

/// The report on the fixtures in all four formats: the figures agree wherever they appear.
@Suite struct EndToEndTests {
    /// booked, attended, DNA, cancelled from each format's totals row.
    func totals(_ format: ReportFormat, _ report: AttendanceReport) throws -> [Int] {
        let text = format.render(report)
        switch format {
        case .table:
            let row = try #require(text.split(separator: "\n").first { $0.hasPrefix("Total") })
            return row.split(separator: " ").dropFirst().prefix(4).compactMap { Int($0) }
        case .csv:
            let row = try #require(text.components(separatedBy: "\r\n").first { $0.hasPrefix("Total,") })
            return row.split(separator: ",").dropFirst().prefix(4).compactMap { Int($0) }
        case .json:
            let object = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let totals = try #require(object["totals"] as? [String: Any])
            return ["booked", "attended", "dna", "cancelled"].compactMap { totals[$0] as? Int }
        case .html:
            let start = try #require(text.range(of: "<tr class=\"total\">"))
            let end = try #require(text.range(of: "</tr>", range: start.upperBound..<text.endIndex))
            return text[start.upperBound..<end.lowerBound].components(separatedBy: "<td class=\"n\">").dropFirst().prefix(4)
                .compactMap { Int($0.prefix { $0.isNumber }) }
        }
    }

    @Test(arguments: Grouping.allCases)
    func allFormatsAgree(grouping: Grouping) throws {
        let report = try report(by: grouping)
        #expect(rowsAddUp(report))
        for format in ReportFormat.allCases {
            #expect(try totals(format, report) == [21, 14, 3, 4], "\(format) by \(grouping)")
        }
        // Groups add up to the totals whatever they are.
        #expect(report.groups.reduce(0) { $0 + $1.counts.booked } == 21)
        #expect(report.byAgency.reduce(0) { $0 + $1.counts.attended } == 14)
        #expect(report.byQuarter.reduce(0) { $0 + $1.counts.dna } == 3)
    }

    @Test func theSampleRegistersReadCleanly() throws {
        let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Content").path
        let report = try report(content: content)
        #expect(report.registers.count == 2)
        #expect(report.rowsRead > 0)
        #expect(report.rejected.isEmpty)
        #expect(report.warnings.isEmpty)
        #expect(report.rowsUsed == report.rowsRead)
        #expect(rowsAddUp(report))
    }
}
