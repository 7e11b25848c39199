import LearnsiteContent

/// Who needs training (`learnsite attendance due`), by agency, with the date each became due:
/// - a refresher: the person last attended a course with `refresh_years` that many years ago or more;
///   it fell due on that anniversary (`Day.adding(years:)`: 29 February counts as 28 February);
/// - a required course: the course's `required_for` names the person's role (the `role` column of their
///   latest row that has one) and they never attended it; due from the first session the registers show
///   them in that role.
/// A person is who de-duplication says (email, else name within agency); name, email and agency come
/// from their latest row. Only catalogue courses have refresher periods and required roles.
public struct DueReport: Sendable {
    struct Due: Sendable {
        let name: String
        let email: String?
        let agency: String
        let course: String
        /// nil for a required course never attended.
        let lastAttended: Day?
        /// The role that requires it, for a course never attended.
        let role: String?
        let dueOn: Day
        let person: UInt64
    }

    let report: AttendanceReport
    let asOf: Day
    /// By agency name, then date due, name, email and course.
    let due: [Due]

    /// Everything up to `asOf`: the registers' whole history is needed to know who is due.
    public static func period(asOf: Day) -> ReportPeriod {
        ReportPeriod(from: Day(year: 1, month: 1, day: 1)!, to: asOf)
    }

    /// The report must keep records and cover `period(asOf:)`.
    public init(_ report: AttendanceReport, asOf: Day) {
        var people: [UInt64: [BookingRecord]] = [:]
        for record in report.records { people[record.person, default: []].append(record) }
        var due: [Due] = []
        for (person, records) in people {
            let history = records.sorted { $0.date < $1.date }
            let latest = history.last!
            func entry(_ course: String, last: Day?, role: String?, dueOn: Day) -> Due {
                Due(name: latest.details.name, email: latest.details.email, agency: latest.agency, course: course,
                    lastAttended: last, role: role, dueOn: dueOn, person: person)
            }
            var lastAttended: [String: (course: CourseCatalogue.Course, day: Day)] = [:]
            for record in history where record.attended {
                if let course = record.catalogue { lastAttended[course.slug] = (course, record.date) }
            }
            for (course, day) in lastAttended.values {
                guard let years = course.refreshYears, case let dueOn = day.adding(years: years), dueOn <= asOf else { continue }
                due.append(entry(course.title, last: day, role: nil, dueOn: dueOn))
            }
            guard let role = history.last(where: { $0.details.role != nil })?.details.role else { continue }
            let since = history.first { $0.details.role.map(DueReport.key) == DueReport.key(role) }!.date
            for course in report.courses.courses where lastAttended[course.slug] == nil
                && course.requiredFor.contains(where: { DueReport.key($0) == DueReport.key(role) }) {
                due.append(entry(course.title, last: nil, role: role, dueOn: since))
            }
        }
        self.report = report
        self.asOf = asOf
        self.due = due.sorted {
            ($0.agency.lowercased(), $0.agency, $0.dueOn, $0.name, $0.email ?? "", $0.course)
                < ($1.agency.lowercased(), $1.agency, $1.dueOn, $1.name, $1.email ?? "", $1.course)
        }
    }

    /// Roles compare ignoring case and spacing: `Social Worker` is `social  worker`.
    private static func key(_ role: String) -> String {
        role.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    public func render(_ format: SheetFormat) -> String { sheet.render(format) }

    static let notice = PrivacyNotice(holds: "staff names, emails and training histories",
                                      audience: "the board's training managers and the agencies' safeguarding leads")

    var sheet: ReportSheet {
        let suppression = report.suppression
        let agencies = Dictionary(grouping: due, by: \.agency).sorted { ($0.key.lowercased(), $0.key) < ($1.key.lowercased(), $1.key) }
        var sheet = ReportSheet(
            title: "Training due, as of \(asOf.longForm)", notice: DueReport.notice, suppression: suppression,
            lede: "Staff whose last attendance of a course with a refresher period was that many years ago or more (due on the anniversary; "
                + "29 February counts as 28 February), and staff who never attended a course their role requires (due from the first session "
                + "the registers show them in that role), by agency.",
            tables: [], csv: ReportSheet.Table(headings: [], rows: [], numeric: []), notes: report.leftOutNote, problems: report.warnings)
        if suppression.isOn {
            let counts = agencies.map { _, list in
                [Set(list.map(\.person)).count, list.filter { $0.lastAttended != nil }.count, list.filter { $0.lastAttended == nil }.count]
            }
            let totals = [Set(due.map(\.person)).count, due.filter { $0.lastAttended != nil }.count, due.filter { $0.lastAttended == nil }.count]
            let (rows, shownTotals) = suppression.shown(counts, totals: totals, size: 0)
            let named = zip(agencies, rows).map { [$0.key] + $1.map(suppression.text) }
            sheet.tables = [ReportSheet.Table(headings: ["Agency", "People", "Refreshers due", "Required courses not attended"], rows: named,
                                              totals: ["Total"] + shownTotals.map(suppression.text), numeric: [1, 2, 3])]
            sheet.csv = ReportSheet.Table(headings: ["agency", "people", "refreshers_due", "required_not_attended"], rows: named,
                                          totals: ["Total"] + shownTotals.map(suppression.text), numeric: [1, 2, 3])
            return sheet
        }
        sheet.tables = agencies.map { agency, list in
            ReportSheet.Table(heading: "\(agency): \(Figures.plural(Set(list.map(\.person)).count, "person", "people"))",
                              headings: ["Name", "Email", "Course", "Last attended", "Due since"],
                              rows: list.map { [$0.name, $0.email ?? "", $0.course, DueReport.lastAttended($0), $0.dueOn.longForm] }, numeric: [])
        }
        if due.isEmpty { sheet.notes.insert("Nobody is due a refresher or a required course.", at: 0) }
        sheet.csv = ReportSheet.Table(headings: ["agency", "name", "email", "course", "last_attended", "due_on", "required_for_role"],
                                      rows: due.map { [$0.agency, $0.name, $0.email ?? "", $0.course, $0.lastAttended?.description ?? "", $0.dueOn.description, $0.role ?? ""] },
                                      numeric: [])
        return sheet
    }

    private static func lastAttended(_ due: Due) -> String {
        due.lastAttended?.longForm ?? "never (required for \(due.role ?? "their role"))"
    }
}
