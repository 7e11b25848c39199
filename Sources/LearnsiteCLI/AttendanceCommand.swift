import ArgumentParser
import Foundation
import LearnsiteAttendance
import LearnsiteContent

/// `learnsite attendance ...`: private training-attendance reports from the registers.
struct Attendance: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Private training-attendance reports from the CSV registers (never part of the public site).",
        subcommands: [AttendanceReportCommand.self])
}

extension Grouping: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}

struct AttendanceReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Booked, attended, did not attend and cancelled, per agency (or course, quarter, month, level).",
        discussion: "Reads every .csv register in the registers folder. Rows that cannot be used are listed with their file and line, never dropped silently. The HTML report holds personal data: it goes to Output/reports/, never to the public site.")

    @Option(help: "The content folder: agencies.yml, site.yml and training/courses/ are read from it.")
    var content = "Content"

    @Option(help: "The folder of CSV registers (default: CONTENT/attendance).")
    var registers: String?

    @Option(help: "Agency names and aliases (default: CONTENT/agencies.yml).")
    var agencies: String?

    @Option(help: "A financial year, 1 April to 31 March, such as 2024-25 (default: the current one).")
    var year: String?

    @Option(help: "First day of the period (with --to), e.g. 2024-04-01 or 01/04/2024.")
    var from: String?

    @Option(help: "Last day of the period (with --from).")
    var to: String?

    @Option(help: "Group rows by \(Grouping.allCases.map(\.rawValue).joined(separator: ", ")).")
    var by: Grouping = .agency

    @Option(help: "Write a \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")) report.")
    var format: ReportFormat = .table

    @Option(help: "Write the report to this file (html default: Output/reports/attendance-PERIOD.html; others: the terminal).")
    var output: String?

    func validate() throws {
        if year != nil && (from != nil || to != nil) {
            throw ValidationError("Give either --year or --from and --to, not both.")
        }
        if (from == nil) != (to == nil) {
            throw ValidationError("Give both --from and --to (the first and last day of the period).")
        }
        _ = try reportPeriod()
    }

    func run() throws {
        let period = try reportPeriod()
        let request = AttendanceRun.Request(
            registers: registers ?? content + "/attendance", agenciesFile: agencies ?? content + "/agencies.yml",
            coursesFolder: content + "/training/courses", siteFile: content + "/site.yml", period: period, grouping: by)
        let report: AttendanceReport
        do {
            report = try AttendanceRun.report(request)
        } catch {
            for diagnostic in error.diagnostics { Terminal.error(diagnostic.description) }
            throw ExitCode.failure
        }
        for warning in report.warnings { Terminal.error(warning.description) }
        summariseProblems(report)
        if report.rowsUsed == 0, let dates = report.sessionDates {
            let suggestion = ReportPeriod.financialYear(containing: dates.upperBound).label
            Terminal.error("No bookings fall in \(period.label); the registers hold sessions from \(dates.lowerBound.longForm) to \(dates.upperBound.longForm). Choose the period with --year (e.g. --year \(suggestion)) or --from and --to.")
        }

        let text = format.render(report)
        let destination = output ?? (format == .html ? ReportDestination.defaultPath(for: report.period) : nil)
        guard let destination else {
            print(text, terminator: "")
            return
        }
        do {
            try ReportDestination.write(text, to: destination)
        } catch {
            Terminal.error("\(destination): error: \(error.message)")
            throw ExitCode.failure
        }
        print("Wrote \(destination)")
    }

    private func reportPeriod() throws -> ReportPeriod {
        if let from, let to {
            guard let first = UKDate.parse(from) else { throw ValidationError("--from \(from) is not a date; write it like 2024-04-01 or 01/04/2024.") }
            guard let last = UKDate.parse(to) else { throw ValidationError("--to \(to) is not a date; write it like 2025-03-31 or 31/03/2025.") }
            guard first <= last else { throw ValidationError("--from \(from) is after --to \(to).") }
            return ReportPeriod(from: first, to: last)
        }
        if let year {
            guard let period = ReportPeriod.financialYear(named: year) else {
                throw ValidationError("--year \(year) is not a financial year; write it like 2024-25 (1 April 2024 to 31 March 2025).")
            }
            return period
        }
        return ReportPeriod.financialYear(containing: Day.today())
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
