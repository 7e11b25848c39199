import ArgumentParser
import Foundation
import LearnsiteAttendance
import LearnsiteContent

/// `learnsite attendance ...`: private training-attendance reports from the registers.
struct Attendance: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attendance",
        abstract: "Private training-attendance reports from the CSV registers (never part of the public site).",
        subcommands: [AttendanceReportCommand.self, ChargesCommand.self, DueCommand.self, ImpactCommand.self, NoShowCommand.self,
                      CertificatesCommand.self])
}

extension Grouping: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}

struct AttendanceReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Booked, attended, did not attend and cancelled, per agency (or course, quarter, month, level).",
        discussion: "Reads every .csv register in the registers folder. Rows that cannot be used are listed with their file and line, never dropped silently. The HTML report holds personal data: it goes to Output/reports/, never to the public site.")

    @OptionGroup var source: RegisterOptions
    @OptionGroup var dates: PeriodOptions

    @Option(help: "Group rows by \(Grouping.allCases.map(\.rawValue).joined(separator: ", ")).")
    var by: Grouping = .agency

    @Option(help: "Write a \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")) report.")
    var format: ReportFormat = .table

    @Option(help: "Write the report to this file (html default: Output/reports/attendance-PERIOD.html; others: the terminal).")
    var output: String?

    @OptionGroup var suppress: SuppressionOption

    func run() throws {
        let period = try dates.period()
        let report = try source.report(period, grouping: by, suppression: suppress.suppression)
        for warning in report.warnings { Terminal.error(warning.description) }
        summariseProblems(report)
        if report.rowsUsed == 0, let dates = report.sessionDates {
            let suggestion = ReportPeriod.financialYear(containing: dates.upperBound).label
            Terminal.error("No bookings fall in \(period.label); the registers hold sessions from \(dates.lowerBound.longForm) to \(dates.upperBound.longForm). Choose the period with --year (e.g. --year \(suggestion)) or --from and --to.")
        }
        try ReportOutput.emit(format.render(report), to: output ?? (format == .html ? ReportDestination.defaultPath(for: report.period) : nil))
    }

    /// Rejected and duplicate rows on the terminal, briefly: the report files list them all.
    private func summariseProblems(_ report: AttendanceReport) {
        let shown = 20
        for row in report.rejected.prefix(shown) { Terminal.error("\(row.file):\(row.line): error: \(row.reason)") }
        if report.rejected.count > shown {
            Terminal.error("... and \(report.rejected.count - shown) more rejected rows; the json and html reports list them all.")
        }
        if report.duplicates > 0 {
            Terminal.error("\(report.duplicates) duplicate row\(report.duplicates == 1 ? "" : "s") counted once; the json and html reports list them.")
        }
    }
}
