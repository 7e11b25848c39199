import LearnsiteContent

/// What a report groups its rows by.
public enum Grouping: String, CaseIterable, Sendable {
    case agency, course, quarter, month, level

    /// The column heading for the group names.
    public var heading: String {
        switch self {
        case .agency: "Agency"
        case .course: "Course"
        case .quarter: "Quarter"
        case .month: "Month"
        case .level: "Level"
        }
    }
}

/// A row (or, for a rejected file, a run of rows) the report tells the reader about.
public struct ReportedRow: Sendable, Equatable {
    public let file: String
    public let line: Int
    public let reason: String
    /// How many register rows this stands for: 1, or every row of a file whose header could not be used.
    public let rows: Int

    public init(file: String, line: Int, reason: String, rows: Int = 1) {
        self.file = file
        self.line = line
        self.reason = reason
        self.rows = rows
    }
}

public struct AttendanceGroup: Sendable, Equatable {
    public let key: String
    public let counts: AttendanceCounts
}

/// The attendance figures for one period, and everything the registers got wrong.
///
/// Every data row read ends up in exactly one of four places, so
/// `rowsRead == rowsUsed + duplicates + rowsRejected + rowsOutsidePeriod`. Blank lines (including
/// rows of empty cells that spreadsheets export) are not data rows and are not counted.
public struct AttendanceReport: Sendable {
    public let period: ReportPeriod
    public let grouping: Grouping
    /// The register files read, as named in messages.
    public let registers: [String]
    public let rowsRead: Int
    /// Rows that could not be used, each listed in `rejected`.
    public let rowsRejected: Int
    /// Rows for a person, course and date already seen (counted once, listed in `duplicateRows`).
    public let duplicates: Int
    /// Usable, first-seen rows dated outside the period: correct, just not this report's.
    public let rowsOutsidePeriod: Int
    /// Rows counted in the figures: `totals.booked + totals.sessionsCancelled`.
    public let rowsUsed: Int
    public let totals: AttendanceCounts
    /// By `grouping`, sorted by name (quarters and months by date).
    public let groups: [AttendanceGroup]
    /// Always by agency and by financial quarter, for the HTML report's charts.
    public let byAgency: [AttendanceGroup]
    public let byQuarter: [AttendanceGroup]
    public let rejected: [ReportedRow]
    public let duplicateRows: [ReportedRow]
    /// Unknown agencies, rows without an agency, unreadable cancellation dates, agencies.yml problems.
    public let warnings: [Diagnostic]
    /// `training.notice_days` from site.yml, when set: what makes a cancellation late.
    public let noticeDays: Int?
    /// The first and last session dates of the usable rows, in the period or not (nil when there are none):
    /// tells someone looking at an empty report which years the registers cover.
    public let sessionDates: ClosedRange<Day>?
    /// How small counts are hidden when the report is published.
    public let suppression: Suppression
    /// The course catalogue, site.yml's tariff and board name: what the manager reports work from.
    public let courses: CourseCatalogue
    public let tariff: Tariff?
    public let boardName: String?
    /// The period's counted bookings with their details, in register order; empty unless asked for
    /// (`ReportSettings.keepsRecords`).
    let records: [BookingRecord]
}
