import LearnsiteContent
import LearnsiteMarkdown

/// The ways a manager report (charges, refreshers due, impact, no-shows) can be written out.
public enum SheetFormat: String, CaseIterable, Sendable {
    case table, csv, html
}

/// A manager report laid out once for every format: the terminal table, a CSV for spreadsheets and a
/// printable A4 HTML page (`HTMLPage`). Each report builds one; every format begins with its notice.
struct ReportSheet {
    struct Table {
        /// The HTML section's id; its table is `<id>-figures`, which a chart's `aria-details` names.
        var id: String?
        /// A heading above the table (in HTML, the section's heading).
        var heading: String?
        /// A sentence between the heading and the table.
        var note: String?
        var headings: [String]
        var rows: [[String]]
        var totals: [String]?
        /// Right-aligned columns (figures).
        var numeric: Set<Int>
        /// Inline SVG shown before the table in HTML.
        var chart: String?
        /// HTML only, each on a page of its own (an agency's invoice); left out of the terminal.
        var printedOnly = false

        init(id: String? = nil, heading: String? = nil, note: String? = nil, headings: [String], rows: [[String]], totals: [String]? = nil,
             numeric: Set<Int>, chart: String? = nil, printedOnly: Bool = false) {
            self.id = id
            self.heading = heading
            self.note = note
            self.headings = headings
            self.rows = rows
            self.totals = totals
            self.numeric = numeric
            self.chart = chart
            self.printedOnly = printedOnly
        }
    }

    var title: String
    var notice: PrivacyNotice
    var suppression: Suppression
    /// What the report covers and how its figures are defined.
    var lede: String
    var tables: [Table]
    /// One flat table for spreadsheets (its totals, if any, as the last row).
    var csv: Table
    /// Shown after the tables: what was left out, and why.
    var notes: [String] = []
    /// Warnings and rejected values, with their file and line.
    var problems: [Diagnostic] = []

    func render(_ format: SheetFormat) -> String {
        switch format {
        case .table: text
        case .csv: CSVFormat.lines(notice: notice.line(suppression), [csv.headings] + csv.rows + (csv.totals.map { [$0] } ?? []),
                                   figures: csv.numeric)
        case .html: html
        }
    }

    private var text: String {
        var out = [notice.line(suppression), "", title, lede, ""]
        for table in tables where !table.printedOnly {
            out += [table.heading, table.note].compactMap { $0 }
            out += TextTable.render(headings: table.headings, rows: table.rows, totals: table.totals, numeric: table.numeric)
            out.append("")
        }
        out += notes
        out += problems.map(\.description)
        return out.joined(separator: "\n") + "\n"
    }

    private var html: String {
        var body = "<p class=\"lede\">\(htmlEscaped(lede))</p>\n"
        for (index, table) in tables.enumerated() {
            let id = table.id ?? "table-\(index + 1)"
            let content = (table.note.map { "<p>\(htmlEscaped($0))</p>\n" } ?? "") + (table.chart ?? "") + htmlTable(table, id: "\(id)-figures", labelledBy: table.heading == nil ? nil : "\(id)-heading")
            if let heading = table.heading {
                body += HTMLPage.section(id, heading, content, className: table.printedOnly ? "invoice" : nil)
            } else {
                body += content
            }
        }
        body += notes.map { "<p>\(htmlEscaped($0))</p>\n" }.joined()
        if !problems.isEmpty {
            body += HTMLPage.section("problems", "Warnings", HTMLPage.problems(problems))
        }
        return HTMLPage.render(title: title, notice: notice, suppression: suppression, body: body)
    }

    private func htmlTable(_ table: Table, id: String, labelledBy: String?) -> String {
        func cells(_ row: [String], header: Bool) -> String {
            row.indices.map { column in
                let numeric = table.numeric.contains(column) ? " class=\"n\"" : ""
                if header { return "<th scope=\"col\"\(numeric)>\(htmlEscaped(row[column]))</th>" }
                return column == 0 ? "<th scope=\"row\">\(htmlEscaped(row[column]))</th>" : "<td\(numeric)>\(htmlEscaped(row[column]))</td>"
            }.joined()
        }
        let label = labelledBy.map { " aria-labelledby=\"\($0)\"" } ?? ""
        var out = "<table id=\"\(id)\"\(label)><thead><tr>\(cells(table.headings, header: true))</tr></thead>\n<tbody>\n"
        out += table.rows.map { "<tr>\(cells($0, header: false))</tr>" }.joined(separator: "\n")
        out += "\n</tbody>\n"
        if let totals = table.totals { out += "<tfoot><tr class=\"total\">\(cells(totals, header: false))</tr></tfoot>" }
        return out + "</table>\n"
    }
}

extension AttendanceReport {
    /// Every manager report says so when register rows could not be used: they are in none of its figures.
    var leftOutNote: [String] {
        guard rowsRejected > 0 else { return [] }
        return ["\(Figures.plural(rowsRejected, "register row")) could not be used and \(rowsRejected == 1 ? "is" : "are") in none of these figures; `learnsite attendance report` lists each with its file, line and reason."]
    }
}
