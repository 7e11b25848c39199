/// Who did not attend, per agency, for follow-up (`learnsite attendance dna`). A no-show a colleague
/// covered (`Substitutes`) is not listed, only counted. With suppression on, counts replace the names.
public struct NoShowReport: Sendable {
    struct Agency: Sendable {
        let name: String
        /// By date, course and name.
        let noShows: [BookingRecord]
        let covered: Int
    }

    let report: AttendanceReport
    /// By name; only agencies with a no-show.
    let agencies: [Agency]

    /// The report must keep records.
    public init(_ report: AttendanceReport) {
        let covered = Substitutes.covered(report.records)
        var byAgency: [String: (noShows: [BookingRecord], covered: Int)] = [:]
        for (index, record) in report.records.enumerated() where record.unusedPlace == .noShow {
            if covered.contains(index) {
                byAgency[record.agency, default: ([], 0)].covered += 1
            } else {
                byAgency[record.agency, default: ([], 0)].noShows.append(record)
            }
        }
        self.report = report
        agencies = byAgency.map { name, found in
            Agency(name: name, noShows: found.noShows.sorted { ($0.date, $0.course, $0.details.name) < ($1.date, $1.course, $1.details.name) },
                   covered: found.covered)
        }.sorted { ($0.name.lowercased(), $0.name) < ($1.name.lowercased(), $1.name) }
    }

    public func render(_ format: SheetFormat) -> String { sheet.render(format) }

    static let notice = PrivacyNotice(holds: "the names and emails of staff who did not attend training",
                                      audience: "the board's training managers and the agencies' training leads")

    var sheet: ReportSheet {
        let suppression = report.suppression
        var sheet = ReportSheet(
            title: "Did not attend, \(report.period.label)", notice: NoShowReport.notice, suppression: suppression,
            lede: "\(Figures.longPeriod(report.period)). Everyone booked who did not attend and did not cancel, by agency, "
                + "leaving out those a colleague from the same agency came instead of (a walk-in or substitute on the same session).",
            tables: [], csv: ReportSheet.Table(headings: [], rows: [], numeric: []), notes: report.leftOutNote, problems: report.warnings)
        let headings = ["Agency", "Did not attend", "Covered by a colleague"]
        let counts = agencies.map { [$0.noShows.count, $0.covered] }
        if suppression.isOn {
            let (rows, totals) = suppression.shown(counts, totals: [counts.reduce(0) { $0 + $1[0] }, counts.reduce(0) { $0 + $1[1] }], size: 0)
            let named = zip(agencies, rows).map { [$0.name] + $1.map(suppression.text) }
            sheet.tables = [ReportSheet.Table(headings: headings, rows: named, totals: ["Total"] + totals.map(suppression.text), numeric: [1, 2])]
            sheet.csv = ReportSheet.Table(headings: ["agency", "did_not_attend", "covered_by_colleague"], rows: named,
                                          totals: ["Total"] + totals.map(suppression.text), numeric: [1, 2])
            return sheet
        }
        let named = agencies.filter { !$0.noShows.isEmpty }
        sheet.tables = named.map { agency in
            ReportSheet.Table(heading: "\(agency.name): \(Figures.plural(agency.noShows.count, "no-show"))"
                                  + (agency.covered > 0 ? ", and \(agency.covered) covered by a colleague" : ""),
                              headings: ["Name", "Email", "Course", "Date"],
                              rows: agency.noShows.map { [$0.details.name, $0.details.email ?? "", $0.course, $0.date.longForm] }, numeric: [])
        }
        if named.isEmpty { sheet.notes.insert("Nobody missed a session without cancelling in this period.", at: 0) }
        sheet.csv = ReportSheet.Table(headings: ["agency", "name", "email", "course", "date"],
                                      rows: named.flatMap { agency in agency.noShows.map { [agency.name, $0.details.name, $0.details.email ?? "", $0.course, $0.date.description] } },
                                      numeric: [])
        return sheet
    }
}
