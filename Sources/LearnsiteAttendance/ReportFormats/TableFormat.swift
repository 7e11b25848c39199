/// The report as aligned columns for the terminal, with a totals row and a line accounting for every row read.
enum TableFormat {
    static let headings = ["Booked", "Attended", "DNA", "Cancelled", "Late cancelled", "Rate"]

    static func cells(_ counts: AttendanceCounts) -> [String] {
        [counts.booked, counts.attended, counts.dna, counts.cancelled, counts.lateCancellations].map(String.init)
            + [Figures.percent(counts.attendanceRate)]
    }

    static func render(_ report: AttendanceReport) -> String {
        let rows = [[report.grouping.heading] + headings]
            + report.groups.map { [$0.key] + cells($0.counts) }
            + [["Total"] + cells(report.totals)]
        let widths = headings.indices.map { column in rows.map { $0[column + 1].count }.max()! }
        let keyWidth = rows.map { $0[0].count }.max()!
        func line(_ row: [String]) -> String {
            let key = row[0] + String(repeating: " ", count: keyWidth - row[0].count)
            let numbers = widths.indices.map { String(repeating: " ", count: widths[$0] - row[$0 + 1].count) + row[$0 + 1] }
            return ([key] + numbers).joined(separator: "  ")
        }
        let rule = String(repeating: "-", count: keyWidth + widths.reduce(0) { $0 + $1 + 2 })
        var out = ["Training attendance \(report.period.label) (\(Figures.longPeriod(report.period))), by \(report.grouping.rawValue)", ""]
        out.append(line(rows[0]))
        out.append(rule)
        out += rows.dropFirst().dropLast().map(line)
        out.append(rule)
        out.append(line(rows[rows.count - 1]))
        out.append("")
        out.append(RowAccount.sentence(report))
        return out.joined(separator: "\n") + "\n"
    }
}

/// Where every row read went, in one sentence (the table and HTML reports end with it).
enum RowAccount {
    static func sentence(_ report: AttendanceReport) -> String {
        var text = "\(Figures.plural(report.rowsRead, "row")) read: \(report.rowsUsed) used, "
            + "\(Figures.plural(report.duplicates, "duplicate")) counted once, \(report.rowsRejected) rejected, "
            + "\(report.rowsOutsidePeriod) outside the period."
        if report.totals.sessionsCancelled > 0 {
            text += " \(Figures.plural(report.totals.sessionsCancelled, "booking was", "bookings were")) on sessions the board cancelled (not counted as booked)."
        }
        if report.rowsOutsidePeriod > 0, let dates = report.sessionDates {
            text += " The registers hold sessions from \(dates.lowerBound.longForm) to \(dates.upperBound.longForm)."
        }
        return text
    }
}
