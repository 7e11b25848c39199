import LearnsiteContent

/// What each agency owes for places booked and not used (`learnsite attendance charges`): every no-show
/// and late cancellation that no colleague covered (`Substitutes`), at site.yml's tariff for the length
/// of its course (`DayLength`).
public struct ChargesReport: Sendable {
    struct Charge: Sendable {
        let record: BookingRecord
        let place: UnusedPlace
        let length: DayLength
        /// A colleague came instead, so nothing is charged.
        let covered: Bool
        /// Pence.
        let amount: Int
    }

    struct Agency: Sendable {
        let name: String
        /// By date, course and name.
        let charges: [Charge]

        func count(_ place: UnusedPlace) -> Int { charges.filter { !$0.covered && $0.place == place }.count }
        var covered: Int { charges.filter(\.covered).count }
        var amount: Int { charges.reduce(0) { $0 + $1.amount } }
    }

    let report: AttendanceReport
    let tariff: Tariff
    /// By name; only agencies with a place not used.
    let agencies: [Agency]
    /// Courses whose length is unknown (charged as a full day), at their first charged row.
    let warnings: [Diagnostic]

    public static let missingTariff = "site.yml has no `training: charges`, so no charges can be worked out; add `charges: {half_day: 50, full_day: 90}` (in pounds) under `training:`"

    /// nil when site.yml sets no tariff (`missingTariff`). The report must keep records.
    public init?(_ report: AttendanceReport) {
        guard let tariff = report.tariff else { return nil }
        let covered = Substitutes.covered(report.records)
        var warned = Set<String>()
        var warnings: [Diagnostic] = []
        var byAgency: [String: [Charge]] = [:]
        for (index, record) in report.records.enumerated() {
            guard let place = record.unusedPlace else { continue }
            let length = DayLength(duration: record.catalogue?.duration)
            if length == nil && warned.insert(record.course).inserted {
                warnings.append(Diagnostic(.warning, file: record.file, line: record.line, ChargesReport.unknownLength(record)))
            }
            let charged = length ?? .full
            let isCovered = covered.contains(index)
            byAgency[record.agency, default: []].append(
                Charge(record: record, place: place, length: charged, covered: isCovered, amount: isCovered ? 0 : tariff.charge(charged)))
        }
        self.report = report
        self.tariff = tariff
        self.warnings = warnings
        agencies = byAgency.map { name, charges in
            Agency(name: name, charges: charges.sorted { ($0.record.date, $0.record.course, $0.record.details.name) < ($1.record.date, $1.record.course, $1.record.details.name) })
        }.sorted { ($0.name.lowercased(), $0.name) < ($1.name.lowercased(), $1.name) }
    }

    private static func unknownLength(_ record: BookingRecord) -> String {
        guard let course = record.catalogue else {
            return "the course “\(record.course)” is not in the course catalogue (training/courses/), so its length is unknown and its places are charged as a full day; use the course's title, or add a page for it with `duration: half day` or `duration: full day`"
        }
        let written = course.duration.map { "`duration: \($0)` does not say" } ?? "it has no `duration:` to say"
        return "the course “\(course.title)” is charged as a full day because \(written) whether it is a half or full day; write `duration: half day` or `duration: full day` in training/courses/\(course.slug).md"
    }

    public func render(_ format: SheetFormat) -> String { sheet.render(format) }

    static let notice = PrivacyNotice(holds: "the names of staff who did not attend or cancelled late",
                                      audience: "the board's training managers and the agencies' training leads")

    var sheet: ReportSheet {
        let suppression = report.suppression
        let headings = ["Agency", "Places not used", "Did not attend", "Cancelled late", "Covered by a colleague", "Amount due"]
        func numbers(_ agency: Agency) -> [Int] {
            [agency.charges.count, agency.count(.noShow), agency.count(.lateCancellation), agency.covered]
        }
        let totalAmount = agencies.reduce(0) { $0 + $1.amount }
        let (rows, totals) = suppression.shown(agencies.map(numbers), totals: numbers(Agency(name: "", charges: agencies.flatMap(\.charges))),
                                               size: 0, sums: [(0, [1, 2, 3])])
        var sheet = ReportSheet(
            title: "Charges for places not used, \(report.period.label)", notice: ChargesReport.notice, suppression: suppression,
            lede: "\(Figures.longPeriod(report.period)). An agency is charged for each place booked and not used: the person did not attend, "
                + (report.noticeDays.map { "or cancelled with less than \(Figures.notice($0)), " } ?? "")
                + "unless a colleague from the same agency came instead (a walk-in or substitute on the same session). "
                + tariffText,
            tables: [ReportSheet.Table(headings: headings, rows: zip(agencies, rows).map { [$0.name] + cells($1, $0.amount) },
                                       totals: ["Total"] + cells(totals, totalAmount), numeric: Set(1..<headings.count))],
            csv: ReportSheet.Table(headings: ["agency", "places_not_used", "did_not_attend", "cancelled_late", "covered_by_colleague", "amount_due"],
                                   rows: zip(agencies, rows).map { [$0.name] + cells($1, $0.amount, symbol: false) },
                                   totals: ["Total"] + cells(totals, totalAmount, symbol: false), numeric: Set(1..<headings.count)),
            notes: report.leftOutNote, problems: report.warnings + warnings)
        if report.noticeDays == nil {
            sheet.notes.append("site.yml sets no `training: notice_days`, so no cancellation was charged as late.")
        }
        if !suppression.isOn { sheet.tables += agencies.map(invoice) }
        return sheet
    }

    /// Counts as shown, then the amount, unless it would reveal the hidden counts it was worked out from.
    private func cells(_ counts: [Suppression.Shown], _ amount: Int, symbol: Bool = true) -> [String] {
        let hidden = counts[1].value == nil || counts[2].value == nil
        return counts.map(report.suppression.text) + [hidden ? Suppression.withheld : Figures.pounds(amount, symbol: symbol)]
    }

    private var tariffText: String { "Half day \(Figures.pounds(tariff.halfDay)), full day \(Figures.pounds(tariff.fullDay))." }

    /// An agency's printable invoice: one line per place not used.
    private func invoice(_ agency: Agency) -> ReportSheet.Table {
        let rows = agency.charges.map { charge in
            [charge.record.date.longForm, charge.record.course, charge.record.details.name,
             charge.place.description + (charge.covered ? " (a colleague came instead)" : ""),
             charge.length == .half ? "half day" : "full day", Figures.pounds(charge.amount)]
        }
        let board = report.boardName.map { "\($0): charges" } ?? "Charges"
        return ReportSheet.Table(heading: "\(agency.name): \(report.period.label)",
                                 note: "\(board) for places booked and not used, \(Figures.longPeriod(report.period)). \(tariffText)",
                                 headings: ["Date", "Course", "Name", "Reason", "Length", "Charge"],
                                 rows: rows, totals: ["Amount due", "", "", "", "", Figures.pounds(agency.amount)], numeric: [5], printedOnly: true)
    }
}
