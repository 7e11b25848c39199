import LearnsiteContent

/// Decides, in register order, whether each booking is new, a duplicate (same person, course and date as
/// one already counted) or outside the period, and counts the new ones in the period. Duplicates are found
/// across all dates before the period is applied, as the contract says.
///
/// It keeps one 8-byte key per distinct booking (about 16 MB for a million), not the bookings, unless a
/// manager report asked for the period's bookings with their details.
final class BookingLedger {
    struct Booking: Sendable {
        /// Person, course and date, hashed.
        let key: UInt64
        /// The person alone, hashed: email, else name within agency.
        let person: UInt64
        /// `yyyymmdd`.
        let dayCode: UInt64
        let month: MonthKey
        let agency: Int
        let course: Int
        let file: Int
        let line: Int
        let status: StatusCode
        let lateCancellation: Bool
        let byEmail: Bool
        /// The agency is not in agencies.yml, so its first row in the period is noted for the warning.
        let unknownAgency: Bool
        /// Only when the report keeps records (`ReportSettings.keepsRecords`).
        let details: BookingDetails?
    }

    private let periodStart: UInt64
    private let periodEnd: UInt64
    private let seen = KeySet(capacity: 1 << 16)
    private var isNew: [Bool] = []

    let tally = Tally()
    /// File names by number, for the duplicate rows' messages.
    private let files: [String]
    private(set) var duplicates = 0
    private(set) var rowsOutsidePeriod = 0
    private(set) var rowsUsed = 0
    private(set) var duplicateRows: [ReportedRow] = []
    /// The period's counted bookings that carry details, in register order (kept only when asked for).
    private(set) var records: [Booking] = []
    /// Unknown agencies' first row in the period: (file number, line).
    private(set) var firstUse: [Int: (file: Int, line: Int)] = [:]
    /// The first and last session dates of all the usable rows, in the period or not, as `yyyymmdd`.
    private(set) var earliest = UInt64.max
    private(set) var latest = UInt64.min

    init(period: ReportPeriod, files: [String]) {
        periodStart = BookingLedger.code(period.from)
        periodEnd = BookingLedger.code(period.to)
        self.files = files
    }

    /// `yyyymmdd` as a number: compares as the date does.
    @inline(__always)
    static func code(_ day: Day) -> UInt64 { UInt64(day.year * 10_000 + day.month * 100 + day.day) }

    static func day(_ code: UInt64) -> Day? { Day(year: Int(code / 10_000), month: Int(code / 100 % 100), day: Int(code % 100)) }

    /// The first and last session dates among the usable rows, nil when there are none.
    var sessionDates: ClosedRange<Day>? {
        guard let first = BookingLedger.day(earliest), let last = BookingLedger.day(latest) else { return nil }
        return first...last
    }

    /// Counts a batch of bookings, in order.
    func settle(_ bookings: [BookingLedger.Booking]) {
        isNew.removeAll(keepingCapacity: true)
        seen.insert(bookings.map(\.key), isNew: &isNew)
        for (booking, new) in zip(bookings, isNew) {
            guard new else {
                duplicates += 1
                duplicateRows.append(ReportedRow(file: files[booking.file], line: booking.line, reason: booking.byEmail
                    ? "same email, course and date as an earlier row; counted once"
                    : "same name, agency, course and date as an earlier row; counted once"))
                continue
            }
            earliest = min(earliest, booking.dayCode)
            latest = max(latest, booking.dayCode)
            guard periodStart <= booking.dayCode && booking.dayCode <= periodEnd else {
                rowsOutsidePeriod += 1
                continue
            }
            rowsUsed += 1
            if booking.unknownAgency && firstUse[booking.agency] == nil {
                firstUse[booking.agency] = (booking.file, booking.line)
            }
            tally.add(agency: booking.agency, course: booking.course, month: booking.month, status: booking.status,
                      lateCancellation: booking.lateCancellation)
            if booking.details != nil { records.append(booking) }
        }
    }
}
