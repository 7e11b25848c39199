import LearnsiteContent

/// Whether training changed confidence (`learnsite attendance impact`): per course, the attendees'
/// confidence scores before and after (`pre_score`, `post_score`, 1 to 5), their means, the mean change
/// of those who gave both, and each score's distribution. An attendee without scores is counted, not
/// dropped; a score that is not a whole number from 1 to 5 is left out and reported at its file and line.
public struct ImpactReport: Sendable {
    struct Scores: Sendable {
        /// How many gave each score: index 0 for 1 (not confident) to 4 for 5 (very confident).
        var distribution = [Int](repeating: 0, count: Score.range.count)
        var count: Int { distribution.reduce(0, +) }
        var mean: Double? {
            count == 0 ? nil : Double(distribution.enumerated().reduce(0) { $0 + ($1.offset + 1) * $1.element }) / Double(count)
        }

        mutating func add(_ score: Score) {
            if let value = score.value { distribution[value - 1] += 1 }
        }
    }

    struct Course: Sendable {
        let name: String
        var attended = 0
        var before = Scores()
        var after = Scores()
        /// Attendees who gave both scores, and the sum of their changes (after - before).
        var paired = 0
        var change = 0
        var withoutScores = 0

        var meanChange: Double? { paired == 0 ? nil : Double(change) / Double(paired) }

        mutating func add(_ details: BookingDetails) {
            attended += 1
            before.add(details.preScore)
            after.add(details.postScore)
            if let first = details.preScore.value, let last = details.postScore.value {
                paired += 1
                change += last - first
            }
            if details.preScore.value == nil && details.postScore.value == nil { withoutScores += 1 }
        }
    }

    let report: AttendanceReport
    /// By name.
    let courses: [Course]
    /// All courses together.
    let total: Course
    /// Scores left out, at their file and line.
    let rejected: [Diagnostic]

    /// The report must keep records.
    public init(_ report: AttendanceReport) {
        var courses: [String: Course] = [:]
        var total = Course(name: "All courses")
        var rejected: [Diagnostic] = []
        for record in report.records where record.attended {
            courses[record.course, default: Course(name: record.course)].add(record.details)
            total.add(record.details)
            for (score, when) in [(record.details.preScore, "before"), (record.details.postScore, "after")] {
                guard case .invalid(let text) = score else { continue }
                rejected.append(Diagnostic(.error, file: record.file, line: record.line,
                    "the confidence score \(when) the course, “\(text)”, is not a whole number from 1 (not confident) to 5 (very confident), so it was left out; correct it in the register"))
            }
        }
        self.report = report
        self.courses = courses.values.sorted { ($0.name.lowercased(), $0.name) < ($1.name.lowercased(), $1.name) }
        self.total = total
        self.rejected = rejected
    }

    public func render(_ format: SheetFormat) -> String { sheet.render(format) }

    static let notice = PrivacyNotice(holds: "confidence scores from registers that name staff",
                                      audience: "the board's training managers")

    var sheet: ReportSheet {
        let suppression = report.suppression
        func numbers(_ course: Course) -> [Int] { [course.attended, course.before.count, course.after.count, course.paired, course.withoutScores] }
        let (rows, totals) = suppression.shown(courses.map(numbers), totals: numbers(total), size: 0)
        // A mean is shown only beside the count it is worked out from.
        func cells(_ course: Course, _ counts: [Suppression.Shown], decimals: Int) -> [String] {
            func mean(_ value: Double?, _ count: Suppression.Shown, signed: Bool = false) -> String {
                guard count.value != nil else { return Suppression.withheld }
                return value.map { Figures.decimal($0, places: decimals, signed: signed) } ?? "–"
            }
            return [suppression.text(counts[0]), suppression.text(counts[1]), mean(course.before.mean, counts[1]),
                    suppression.text(counts[2]), mean(course.after.mean, counts[2]),
                    suppression.text(counts[3]), mean(course.meanChange, counts[3], signed: true), suppression.text(counts[4])]
        }
        let headings = ["Course", "Attended", "Scored before", "Mean before", "Scored after", "Mean after", "Scored both", "Mean change", "No scores"]
        var sheet = ReportSheet(
            title: "Impact of training on confidence, \(report.period.label)", notice: ImpactReport.notice, suppression: suppression,
            lede: "\(Figures.longPeriod(report.period)). Attendees' confidence before and after each course, from 1 (not confident) to 5 (very confident). "
                + "Mean change is the average of after minus before for those who gave both; attendees who gave no scores are counted under No scores.",
            tables: [ReportSheet.Table(headings: headings, rows: zip(courses, rows).map { [$0.name] + cells($0, $1, decimals: 1) },
                                       totals: [total.name] + cells(total, totals, decimals: 1), numeric: Set(1..<headings.count))],
            csv: ReportSheet.Table(headings: ["course", "attended", "scored_before", "mean_before", "scored_after", "mean_after", "scored_both", "mean_change", "no_scores"],
                                   rows: zip(courses, rows).map { [$0.name] + cells($0, $1, decimals: 2) },
                                   totals: [total.name] + cells(total, totals, decimals: 2), numeric: Set(1..<headings.count)),
            notes: report.leftOutNote, problems: report.warnings + rejected)
        if suppression.isOn {
            sheet.notes.insert("The distribution of scores is not shown in a published report: a count of each score could identify people.", at: 0)
            return sheet
        }
        sheet.csv.headings += Score.range.map { "before_\($0)" } + Score.range.map { "after_\($0)" }
        sheet.csv.numeric = Set(1..<sheet.csv.headings.count)
        for index in courses.indices { sheet.csv.rows[index] += (courses[index].before.distribution + courses[index].after.distribution).map(String.init) }
        sheet.csv.totals! += (total.before.distribution + total.after.distribution).map(String.init)
        sheet.tables += courses.enumerated().map { index, course in
            ReportSheet.Table(id: "impact-\(index + 1)", heading: "\(course.name): confidence scores", headings: ["Score", "Before", "After"],
                              rows: Score.range.map { [ImpactChart.label($0), String(course.before.distribution[$0 - 1]), String(course.after.distribution[$0 - 1])] },
                              totals: ["Total", String(course.before.count), String(course.after.count)], numeric: [1, 2],
                              chart: ImpactChart.svg(course, id: "impact-\(index + 1)-chart", tableID: "impact-\(index + 1)-figures"))
        }
        return sheet
    }
}
