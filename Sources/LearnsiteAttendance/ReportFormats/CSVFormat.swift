import Foundation

/// The report as CSV: a header, one row per group and a totals row, for spreadsheets.
enum CSVFormat {
    static let header = ["booked", "attended", "dna", "cancelled", "late_cancellations", "sessions_cancelled", "walk_ins", "attendance_rate"]

    static func render(_ report: AttendanceReport) -> String {
        var lines = [([report.grouping.rawValue] + header).joined(separator: ",")]
        for group in report.groups { lines.append(row(group.key, group.counts)) }
        lines.append(row("Total", report.totals))
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func row(_ key: String, _ counts: AttendanceCounts) -> String {
        ([quoted(key)] + [counts.booked, counts.attended, counts.dna, counts.cancelled, counts.lateCancellations,
                          counts.sessionsCancelled, counts.walkIns].map(String.init) + [Figures.fraction(counts.attendanceRate)])
            .joined(separator: ",")
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
