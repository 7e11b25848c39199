import LearnsiteMarkdown
import LearnsiteContent

/// The report as one printable A4 HTML file for the board (`HTMLPage`): summary cards, charts with tables
/// of their figures, and every rejected and duplicate row.
enum HTMLFormat {
    static func render(_ report: AttendanceReport) -> String {
        let suppression = report.suppression
        var body = "<p class=\"lede\">\(Figures.longPeriod(report.period)), from \(Figures.plural(report.registers.count, "register")). "
            + "Attendance rate is attended ÷ (booked − cancelled); attended includes late, partial and walk-in.</p>\n"
        body += summary(report)
        let agencies = ShownCounts.table(report.byAgency, totals: report.totals, suppression)
        let quarters = ShownCounts.table(report.byQuarter, totals: report.totals, suppression)
        body += HTMLPage.section("agency", "Bookings by agency",
                                 SVGCharts.agencyBars(zip(report.byAgency.map(\.key), agencies.groups), suppression, id: "agency-chart", tableID: "agency-table")
                                     + table(id: "agency-table", caption: "Figures by agency", heading: Grouping.agency.heading, report.byAgency, agencies, suppression))
        body += HTMLPage.section("quarters", "Trend by quarter",
                                 SVGCharts.quarterBars(zip(report.byQuarter.map(\.key), quarters.groups), suppression, id: "quarter-chart", tableID: "quarter-table")
                                     + table(id: "quarter-table", caption: "Figures by quarter", heading: Grouping.quarter.heading, report.byQuarter, quarters, suppression))
        if report.grouping != .agency && report.grouping != .quarter {
            body += HTMLPage.section("groups", "By \(report.grouping.rawValue)",
                                     table(id: "group-table", caption: "Figures by \(report.grouping.rawValue)", heading: report.grouping.heading, report.groups,
                                           ShownCounts.table(report.groups, totals: report.totals, suppression), suppression))
        }
        body += problems(report)
        body += HTMLPage.section("registers", "Registers read", "<ul>" + report.registers.map { "<li>\(htmlEscaped($0))</li>" }.joined() + "</ul>")
        return HTMLPage.render(title: "Training attendance \(report.period.label)", notice: AttendanceReport.notice,
                               suppression: suppression, body: body)
    }

    private static func summary(_ report: AttendanceReport) -> String {
        let suppression = report.suppression
        let totals = ShownCounts.table([], totals: report.totals, suppression).totals
        func count(_ index: Int) -> String { suppression.text(totals.counts[index]) }
        var cards: [(String, String)] = [
            (count(ShownCounts.booked), "booked"),
            (count(ShownCounts.attended), "attended"),
            (totals.attendanceRate.map(Figures.percent) ?? Suppression.withheld, "attendance rate"),
            (count(ShownCounts.dna), "did not attend"),
            (count(ShownCounts.cancelled), "cancelled"),
        ]
        if let days = report.noticeDays {
            cards.append((count(ShownCounts.lateCancellations), "cancelled with under \(Figures.notice(days))"))
        }
        cards.append((count(ShownCounts.sessionsCancelled), "booked on sessions the board cancelled"))
        let list = cards.map { "<li><span class=\"value\">\($0.0)</span> <span class=\"label\">\($0.1)</span></li>" }.joined()
        return HTMLPage.section("summary", "Summary", "<ul class=\"cards\">\(list)</ul>\n<p>\(htmlEscaped(RowAccount.sentence(report)))</p>")
    }

    private static func table(id: String, caption: String, heading: String, _ groups: [AttendanceGroup],
                              _ shown: (groups: [ShownCounts], totals: ShownCounts), _ suppression: Suppression) -> String {
        func row(_ key: String, _ counts: ShownCounts, opening: String = "<tr>") -> String {
            "\(opening)<th scope=\"row\">\(htmlEscaped(key))</th>"
                + TableFormat.cells(counts, suppression).map { "<td class=\"n\">\($0)</td>" }.joined() + "</tr>"
        }
        let head = "<tr><th scope=\"col\">\(heading)</th>" + TableFormat.headings.map { "<th scope=\"col\" class=\"n\">\($0)</th>" }.joined() + "</tr>"
        return "<table id=\"\(id)\"><caption>\(caption)</caption><thead>\(head)</thead>\n<tbody>\n"
            + zip(groups, shown.groups).map { row($0.key, $1) }.joined(separator: "\n")
            + "\n</tbody>\n<tfoot>" + row("Total", shown.totals, opening: "<tr class=\"total\">") + "</tfoot></table>\n"
    }

    private static func problems(_ report: AttendanceReport) -> String {
        func rows(_ list: [ReportedRow]) -> String {
            "<table><thead><tr><th scope=\"col\">File</th><th scope=\"col\" class=\"n\">Line</th><th scope=\"col\">Problem</th></tr></thead><tbody>\n"
                + list.map { "<tr><td>\(htmlEscaped($0.file))</td><td class=\"n\">\($0.line)</td><td>\(htmlEscaped($0.reason))</td></tr>" }.joined(separator: "\n")
                + "\n</tbody></table>\n"
        }
        var out = ""
        let rejected = report.rejected.isEmpty ? "<p>None: every row could be read.</p>"
            : "<p>\(Figures.plural(report.rowsRejected, "row was", "rows were")) left out of the figures. Correct them in the register and run the report again.</p>" + rows(report.rejected)
        out += HTMLPage.section("rejected", "Rows that could not be used", rejected)
        if !report.duplicateRows.isEmpty {
            out += HTMLPage.section("duplicates", "Duplicate rows",
                                    "<p>Each of these repeats a booking already counted (same person, course and date), so it was counted once.</p>" + rows(report.duplicateRows))
        }
        if !report.warnings.isEmpty {
            out += HTMLPage.section("warnings", "Warnings", HTMLPage.problems(report.warnings))
        }
        return out
    }
}
