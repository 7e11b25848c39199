import ArgumentParser
import Foundation
import LearnsiteAttendance
import LearnsiteContent

/// Where the registers are, and the content folder their agencies, courses and site.yml come from.
struct RegisterOptions: ParsableArguments {
    @Option(help: "The content folder: agencies.yml, site.yml and training/courses/ are read from it.")
    var content = "Content"

    @Option(help: "The folder of CSV registers (default: CONTENT/attendance).")
    var registers: String?

    @Option(help: "Agency names and aliases (default: CONTENT/agencies.yml).")
    var agencies: String?

    var siteFile: String { content + "/site.yml" }

    /// Reads the registers; a report that cannot be made at all is explained and exits with status 1.
    func report(_ period: ReportPeriod, grouping: Grouping = .agency, suppression: Suppression = .none,
                keepsRecords: Bool = false) throws -> AttendanceReport {
        var request = AttendanceRun.Request(
            registers: registers ?? content + "/attendance", agenciesFile: agencies ?? content + "/agencies.yml",
            coursesFolder: content + "/training/courses", siteFile: siteFile, period: period, grouping: grouping)
        request.suppression = suppression
        request.keepsRecords = keepsRecords
        do {
            return try AttendanceRun.report(request)
        } catch {
            for diagnostic in error.diagnostics { Terminal.error(diagnostic.description) }
            throw ExitCode.failure
        }
    }
}

/// The period a report covers: a financial year, or the days from and to.
struct PeriodOptions: ParsableArguments {
    @Option(help: "A financial year, 1 April to 31 March, such as 2024-25 (default: the current one).")
    var year: String?

    @Option(help: "First day of the period (with --to), e.g. 2024-04-01 or 01/04/2024.")
    var from: String?

    @Option(help: "Last day of the period (with --from).")
    var to: String?

    func validate() throws {
        if year != nil && (from != nil || to != nil) {
            throw ValidationError("Give either --year or --from and --to, not both.")
        }
        if (from == nil) != (to == nil) {
            throw ValidationError("Give both --from and --to (the first and last day of the period).")
        }
        _ = try period()
    }

    func period() throws -> ReportPeriod {
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
}

/// `--suppress-below N`, on every report.
struct SuppressionOption: ParsableArguments {
    @Option(name: .customLong("suppress-below"), help: ArgumentHelp(
        "Show any count of fewer than N people as \"fewer than N\" and leave out names, so the report can be published (e.g. in the annual report).",
        valueName: "N"))
    var suppressBelow: Int?

    func validate() throws {
        if let suppressBelow, suppressBelow < 2 {
            throw ValidationError("--suppress-below \(suppressBelow) would hide nothing; give the smallest count that may be published, e.g. --suppress-below 5.")
        }
    }

    var suppression: Suppression { suppressBelow.map(Suppression.init(below:)) ?? .none }
}

extension SheetFormat: ExpressibleByArgument {}

/// Where a manager report goes: the terminal, or a private file (HTML by default to Output/reports/).
struct SheetOutput: ParsableArguments {
    @Option(help: "Write a \(SheetFormat.allCases.map(\.rawValue).joined(separator: ", ")) report.")
    var format: SheetFormat = .table

    @Option(help: "Write the report to this file (html default: Output/reports/REPORT-PERIOD.html; others: the terminal).")
    var output: String?

    /// - Parameters: report, label: name the default HTML file, `charges-2024-25.html`.
    func emit(_ text: String, report: String, label: String) throws {
        try ReportOutput.emit(text, to: output ?? (format == .html ? ReportDestination.defaultPath(report: report, label: label) : nil))
    }
}

enum ReportOutput {
    /// Prints to the terminal (no destination) or writes a private file, never into the public site.
    static func emit(_ text: String, to destination: String?) throws {
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
}
