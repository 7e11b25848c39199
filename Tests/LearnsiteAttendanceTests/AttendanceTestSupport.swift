import Foundation
import LearnsiteContent
import LearnsiteTestSupport
@testable import LearnsiteAttendance

/// `Tests/Fixtures/attendance`: a content folder of fictional registers, agencies, courses and site.yml.
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/attendance").path

let financialYear2024 = ReportPeriod.financialYear(startingIn: 2024)

/// The report on a content-shaped folder (registers in `attendance/`), as the command makes it.
func report(content: String = fixtures, period: ReportPeriod = financialYear2024, by grouping: Grouping = .agency,
            bufferSize: Int = 1 << 20, threads: Int = 2, suppression: Suppression = .none, keepsRecords: Bool = false) throws -> AttendanceReport {
    var request = AttendanceRun.Request(registers: content + "/attendance", agenciesFile: content + "/agencies.yml",
                                        coursesFolder: content + "/training/courses", siteFile: content + "/site.yml",
                                        period: period, grouping: grouping)
    request.bufferSize = bufferSize
    request.threads = threads
    request.suppression = suppression
    request.keepsRecords = keepsRecords
    return try AttendanceRun.report(request)
}

/// A report on registers written into a temporary folder, using the fixtures' agencies, courses and site.yml
/// (notice_days 3; charges: half day £50, full day £90).
func report(registers: [String: String], period: ReportPeriod = financialYear2024, by grouping: Grouping = .agency,
            threads: Int = 2, suppression: Suppression = .none, keepsRecords: Bool = false) throws -> AttendanceReport {
    let folder = TemporaryFolder()
    for (name, text) in registers { folder.write("attendance/" + name, text) }
    for file in ["agencies.yml", "site.yml", "training/courses/safeguarding-foundation.md", "training/courses/cse-awareness.md"] {
        folder.write(file, try String(contentsOfFile: fixtures + "/" + file, encoding: .utf8))
    }
    return try withExtendedLifetime(folder) {
        try report(content: folder.path, period: period, by: grouping, threads: threads, suppression: suppression, keepsRecords: keepsRecords)
    }
}

/// A manager report's records from one register (a header line and rows), for the charges, due, impact and dna tests.
func records(_ register: String, period: ReportPeriod = financialYear2024, suppression: Suppression = .none) throws -> AttendanceReport {
    try report(registers: ["r.csv": register], period: period, suppression: suppression, keepsRecords: true)
}

/// Every row read is used, a duplicate, rejected or outside the period: exactly one of them.
func rowsAddUp(_ report: AttendanceReport) -> Bool {
    report.rowsRead == report.rowsUsed + report.duplicates + report.rowsRejected + report.rowsOutsidePeriod
        && report.rowsUsed == report.totals.booked + report.totals.sessionsCancelled
        && report.rowsRejected == report.rejected.reduce(0) { $0 + $1.rows }
        && report.duplicates == report.duplicateRows.count
}

func group(_ key: String, in report: AttendanceReport) -> AttendanceCounts? {
    report.groups.first { $0.key == key }?.counts
}
