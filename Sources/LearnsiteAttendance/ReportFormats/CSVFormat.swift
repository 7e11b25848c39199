import Foundation

/// The report as CSV: the privacy notice, a header, one row per group and a totals row, for spreadsheets.
enum CSVFormat {
    static let header = ShownCounts.names + ["attendance_rate"]

    static func render(_ report: AttendanceReport) -> String {
        let suppression = report.suppression
        let (groups, totals) = ShownCounts.table(report.groups, totals: report.totals, suppression)
        var rows = [[report.grouping.rawValue] + header]
        rows += zip(report.groups, groups).map { [$0.key] + cells($1, suppression) }
        rows.append(["Total"] + cells(totals, suppression))
        return lines(notice: AttendanceReport.notice.line(suppression), rows)
    }

    static func cells(_ counts: ShownCounts, _ suppression: Suppression) -> [String] {
        counts.counts.map(suppression.text) + [counts.attendanceRate.map(Figures.fraction) ?? Suppression.withheld]
    }

    /// The notice as a first line (a spreadsheet shows it above the header), then the rows, quoted.
    /// - Parameter figures: columns of learnsite's own figures (`-0.5`, `fewer than 5`), written as they
    ///   are; the header row is always quoted.
    static func lines(notice: String, _ rows: [[String]], figures: Set<Int> = []) -> String {
        let body = rows.enumerated().map { index, row in
            row.enumerated().map { index > 0 && figures.contains($0.offset) ? $0.element : quoted($0.element) }.joined(separator: ",")
        }
        return ([quoted(notice)] + body).joined(separator: "\r\n") + "\r\n"
    }

    /// RFC 4180 quoting when needed; a leading `=`, `+`, `-` or `@` gets an apostrophe so a spreadsheet
    /// cannot run a register's text (an agency name) as a formula.
    static func quoted(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
