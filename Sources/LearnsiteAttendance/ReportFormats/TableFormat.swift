/// The report as aligned columns for the terminal, with a totals row and a line accounting for every row read.
enum TableFormat {
    static let headings = ["Booked", "Attended", "DNA", "Cancelled", "Late cancelled", "Rate"]

    static func cells(_ counts: ShownCounts, _ suppression: Suppression) -> [String] {
        (ShownCounts.booked...ShownCounts.lateCancellations).map { suppression.text(counts.counts[$0]) }
            + [counts.attendanceRate.map(Figures.percent) ?? Suppression.withheld]
    }

    static func render(_ report: AttendanceReport) -> String {
        let suppression = report.suppression
        let (groups, totals) = ShownCounts.table(report.groups, totals: report.totals, suppression)
        var out = [AttendanceReport.notice.line(suppression), "",
                   "Training attendance \(report.period.label) (\(Figures.longPeriod(report.period))), by \(report.grouping.rawValue)", ""]
        out += TextTable.render(headings: [report.grouping.heading] + headings,
                                rows: zip(report.groups, groups).map { [$0.key] + cells($1, suppression) },
                                totals: ["Total"] + cells(totals, suppression))
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
