import ArgumentParser
import LearnsiteAttendance
import LearnsiteContent

/// `learnsite attendance charges`: what each agency owes for places booked and not used.
struct ChargesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "charges",
        abstract: "Per agency, no-shows and late cancellations and the amount due, from site.yml's training charges.",
        discussion: "A place is charged when the person booked did not attend, or cancelled fewer than training.notice_days working days (Monday to Friday) before the session, unless a colleague from the same agency came instead (a walk-in or substitute on the same session). A course whose duration says \"half\", \"morning\" or \"afternoon\", or 4 hours or less, is a half day; \"day\", or more hours, a full day; any other is charged as a full day with a warning. The HTML report has a printable invoice per agency.")

    @OptionGroup var source: RegisterOptions
    @OptionGroup var dates: PeriodOptions
    @OptionGroup var suppress: SuppressionOption
    @OptionGroup var out: SheetOutput

    func run() throws {
        let report = try source.report(try dates.period(), suppression: suppress.suppression, keepsRecords: true)
        guard let charges = ChargesReport(report) else {
            Terminal.error("\(source.siteFile): error: \(ChargesReport.missingTariff)")
            throw ExitCode.failure
        }
        try out.emit(charges.render(out.format), report: "charges", label: report.period.label)
    }
}

/// `learnsite attendance due`: refreshers and required courses due, by agency.
struct DueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "People due a refresher (refresh_years) or a course their role requires (required_for), by agency.",
        discussion: "Reads every register up to the --as-of date. A refresher falls due on the anniversary of the last session attended; a required course is due from the first session the registers show someone in that role (the registers' role column).")

    @OptionGroup var source: RegisterOptions

    @Option(name: .customLong("as-of"), help: "The date to judge by (default: today), e.g. 2025-03-31 or 31/03/2025.")
    var asOf: String?

    @OptionGroup var suppress: SuppressionOption
    @OptionGroup var out: SheetOutput

    func validate() throws { _ = try day() }

    private func day() throws -> Day {
        guard let asOf else { return Day.today() }
        guard let day = UKDate.parse(asOf) else { throw ValidationError("--as-of \(asOf) is not a date; write it like 2025-03-31 or 31/03/2025.") }
        return day
    }

    func run() throws {
        let day = try day()
        let report = try source.report(DueReport.period(asOf: day), suppression: suppress.suppression, keepsRecords: true)
        try out.emit(DueReport(report, asOf: day).render(out.format), report: "due", label: day.description)
    }
}

/// `learnsite attendance impact`: confidence before and after, per course.
struct ImpactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "impact",
        abstract: "Per course, confidence scores (pre_score, post_score: 1 to 5) before and after, their means and the change.",
        discussion: "Attendees without scores are counted, not dropped. A score that is not a whole number from 1 to 5 is left out and listed with its file and line.")

    @OptionGroup var source: RegisterOptions
    @OptionGroup var dates: PeriodOptions
    @OptionGroup var suppress: SuppressionOption
    @OptionGroup var out: SheetOutput

    func run() throws {
        let report = try source.report(try dates.period(), suppression: suppress.suppression, keepsRecords: true)
        try out.emit(ImpactReport(report).render(out.format), report: "impact", label: report.period.label)
    }
}

/// `learnsite attendance dna`: who did not attend, per agency, for follow-up.
struct NoShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dna",
        abstract: "Per agency, the named list of people who did not attend, for follow-up (personal data).",
        discussion: "Someone a colleague from the same agency came instead of (a walk-in or substitute on the same session) is not listed.")

    @OptionGroup var source: RegisterOptions
    @OptionGroup var dates: PeriodOptions
    @OptionGroup var suppress: SuppressionOption
    @OptionGroup var out: SheetOutput

    func run() throws {
        let report = try source.report(try dates.period(), suppression: suppress.suppression, keepsRecords: true)
        try out.emit(NoShowReport(report).render(out.format), report: "dna", label: report.period.label)
    }
}
