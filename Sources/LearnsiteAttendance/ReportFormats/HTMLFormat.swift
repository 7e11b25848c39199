import LearnsiteMarkdown
import LearnsiteContent

/// The report as one self-contained, printable A4 HTML file for the board: summary cards, charts with
/// tables of their figures, and every rejected and duplicate row. No scripts and nothing fetched: it is a
/// private file, sent by email or printed, never part of the public site.
enum HTMLFormat {
    static let notice = "PERSONAL DATA: training attendance with staff names, for the board's training managers only. Do not publish or forward."

    static func render(_ report: AttendanceReport) -> String {
        let title = "Training attendance \(report.period.label)"
        var body = "<p class=\"banner\" role=\"note\"><strong>Personal data: for the board's training managers only.</strong> "
            + "This report names staff who booked training. Do not publish it, put it on the website or send it beyond the people who manage training.</p>\n"
        body += "<main>\n<h1>\(htmlEscaped(title))</h1>\n"
        body += "<p class=\"lede\">\(Figures.longPeriod(report.period)), from \(Figures.plural(report.registers.count, "register")). "
            + "Attendance rate is attended ÷ (booked − cancelled); attended includes late, partial and walk-in.</p>\n"
        body += summary(report)
        body += section("agency", "Bookings by agency",
                        SVGCharts.agencyBars(report.byAgency, id: "agency-chart", tableID: "agency-table")
                            + table(id: "agency-table", caption: "Figures by agency", heading: Grouping.agency.heading, report.byAgency, report.totals))
        body += section("quarters", "Trend by quarter",
                        SVGCharts.quarterBars(report.byQuarter, id: "quarter-chart", tableID: "quarter-table")
                            + table(id: "quarter-table", caption: "Figures by quarter", heading: Grouping.quarter.heading, report.byQuarter, report.totals))
        if report.grouping != .agency && report.grouping != .quarter {
            body += section("groups", "By \(report.grouping.rawValue)",
                            table(id: "group-table", caption: "Figures by \(report.grouping.rawValue)", heading: report.grouping.heading, report.groups, report.totals))
        }
        body += problems(report)
        body += section("registers", "Registers read", "<ul>" + report.registers.map { "<li>\(htmlEscaped($0))</li>" }.joined() + "</ul>")
        body += "</main>\n"
        return "<!-- \(notice) -->\n<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"robots\" content=\"noindex, nofollow\">\n"
            + "<title>\(htmlEscaped(title)) (personal data)</title>\n<style>\n\(style)</style>\n</head>\n<body>\n\(body)</body>\n</html>\n"
    }

    private static func summary(_ report: AttendanceReport) -> String {
        let totals = report.totals
        var cards: [(String, String)] = [
            ("\(totals.booked)", "booked"),
            ("\(totals.attended)", "attended"),
            (Figures.percent(totals.attendanceRate), "attendance rate"),
            ("\(totals.dna)", "did not attend"),
            ("\(totals.cancelled)", "cancelled"),
        ]
        if let days = report.noticeDays {
            cards.append(("\(totals.lateCancellations)", "cancelled with under \(Figures.plural(days, "day")) notice"))
        }
        cards.append(("\(totals.sessionsCancelled)", "booked on sessions the board cancelled"))
        let list = cards.map { "<li><span class=\"value\">\($0.0)</span> <span class=\"label\">\($0.1)</span></li>" }.joined()
        return section("summary", "Summary", "<ul class=\"cards\">\(list)</ul>\n<p>\(htmlEscaped(RowAccount.sentence(report)))</p>")
    }

    private static func table(id: String, caption: String, heading: String, _ groups: [AttendanceGroup], _ totals: AttendanceCounts) -> String {
        func row(_ key: String, _ counts: AttendanceCounts, opening: String = "<tr>") -> String {
            "\(opening)<th scope=\"row\">\(htmlEscaped(key))</th>"
                + TableFormat.cells(counts).map { "<td class=\"n\">\($0)</td>" }.joined() + "</tr>"
        }
        let head = "<tr><th scope=\"col\">\(heading)</th>" + TableFormat.headings.map { "<th scope=\"col\" class=\"n\">\($0)</th>" }.joined() + "</tr>"
        return "<table id=\"\(id)\"><caption>\(caption)</caption><thead>\(head)</thead>\n<tbody>\n"
            + groups.map { row($0.key, $0.counts) }.joined(separator: "\n")
            + "\n</tbody>\n<tfoot>" + row("Total", totals, opening: "<tr class=\"total\">") + "</tfoot></table>\n"
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
        out += section("rejected", "Rows that could not be used", rejected)
        if !report.duplicateRows.isEmpty {
            out += section("duplicates", "Duplicate rows",
                           "<p>Each of these repeats a booking already counted (same person, course and date), so it was counted once.</p>" + rows(report.duplicateRows))
        }
        if !report.warnings.isEmpty {
            let items = report.warnings.map { warning in
                let place = warning.line.map { "\(warning.file), line \($0)" } ?? warning.file
                return "<li><span class=\"place\">\(htmlEscaped(place))</span>: \(htmlEscaped(warning.message))</li>"
            }
            out += section("warnings", "Warnings", "<ul>" + items.joined() + "</ul>")
        }
        return out
    }

    private static func section(_ id: String, _ heading: String, _ content: String) -> String {
        "<section aria-labelledby=\"\(id)-heading\">\n<h2 id=\"\(id)-heading\">\(htmlEscaped(heading))</h2>\n\(content)\n</section>\n"
    }

    private static let style = """
    @page { size: A4; margin: 14mm 12mm; }
    html { font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; font-size: 11pt; color: #0b0c0c; background: #fff; }
    body { margin: 0 auto; max-width: 186mm; padding: 0 4mm; line-height: 1.4; }
    .banner { border: 3px solid #d4351c; padding: 8px 12px; margin: 12px 0; }
    h1 { font-size: 20pt; margin: 10px 0 4px; }
    h2 { font-size: 14pt; margin: 20px 0 6px; break-after: avoid; }
    .lede { margin-top: 0; }
    .cards { list-style: none; padding: 0; margin: 0 -3px; display: flex; flex-wrap: wrap; }
    .cards li { flex: 1 1 38mm; margin: 3px; border: 1px solid #b1b4b6; border-left: 5px solid #1d70b8; padding: 6px 8px; break-inside: avoid; }
    .cards .value { display: block; font-size: 18pt; font-weight: 700; }
    .chart { display: block; max-width: 100%; height: auto; margin: 6px 0; font-size: 11px; break-inside: avoid; }
    table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 9.5pt; }
    caption { text-align: left; font-weight: 700; padding: 4px 0; }
    th, td { border-bottom: 1px solid #b1b4b6; padding: 3px 6px; text-align: left; vertical-align: top; }
    th[scope=row] { font-weight: 400; }
    .n { text-align: right; font-variant-numeric: tabular-nums; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; }
    tfoot th, tfoot td { font-weight: 700; border-top: 2px solid #0b0c0c; }
    .place { font-weight: 700; }
    @media print { body { max-width: none; padding: 0; } .banner { margin-top: 0; } }

    """
}
