import LearnsiteContent

/// Decides, in register order, whether each booking is new or a duplicate (same person, course and date as
/// one already counted). Duplicates are found across all dates before the period is applied, as the contract says.
///
/// The reading threads have already counted every usable booking (`FileScanner`), so this thread, the one
/// that sees bookings in register order, only tells duplicates apart and keeps a tally of those in the period
/// to be taken away. Which of two duplicates counts is the first in register order, whichever thread read it.
///
/// It keeps one 8-byte key per distinct booking (about 12 MB for a million, see `KeySet`), not the bookings, unless a
/// manager report asked for the period's bookings with their details.
final class BookingLedger {
    /// A usable row on its way from a reading thread to the ledger: 32 bytes of plain values (its details,
    /// when kept, travel beside it in the `Batch`), as a million of them pass through the batch queues.
    struct Booking: Sendable {
        /// Person, course and date, hashed.
        let key: UInt64
        private let lineNumber: Int32
        private let day: UInt32
        private let agencyNumber: Int32
        private let courseNumber: Int32
        private let fileNumber: Int32
        let status: StatusCode
        let lateCancellation: Bool
        let byEmail: Bool
        /// The agency is not in agencies.yml, so its first row in the period is noted for the warning.
        let unknownAgency: Bool

        init(key: UInt64, dayCode: UInt64, agency: Int, course: Int, file: Int, line: Int, status: StatusCode,
             lateCancellation: Bool, byEmail: Bool, unknownAgency: Bool) {
            self.key = key
            // A register of two billion lines (over 100 GB) would show its later lines as the last one.
            lineNumber = Int32(clamping: line)
            // A day code is at most 99991231, and group and file numbers count distinct values read.
            day = UInt32(dayCode)
            agencyNumber = Int32(agency)
            courseNumber = Int32(course)
            fileNumber = Int32(file)
            self.status = status
            self.lateCancellation = lateCancellation
            self.byEmail = byEmail
            self.unknownAgency = unknownAgency
        }

        /// `yyyymmdd`.
        var line: Int { Int(lineNumber) }
        var dayCode: UInt64 { UInt64(day) }
        var month: MonthKey { MonthKey(ordinal: Int(day / 10_000) * 12 + Int(day / 100 % 100) - 1) }
        var agency: Int { Int(agencyNumber) }
        var course: Int { Int(courseNumber) }
        var file: Int { Int(fileNumber) }
    }

    /// Bookings in register order, with their details when the report keeps records.
    struct Batch: Sendable {
        var bookings: [Booking] = []
        /// Empty, or one per booking (`ReportSettings.keepsRecords`).
        var details: [BookingDetails] = []
    }

    private let period: ClosedRange<UInt64>
    private let seen: KeySet
    private var isNew: [Bool] = []

    /// The duplicates in the period, as counted by the reading threads before they were known to be duplicates.
    let duplicateTally = Tally()
    /// File names by number, for the duplicate rows' messages.
    private let files: [String]
    private(set) var duplicates = 0
    private(set) var duplicatesInPeriod = 0
    private(set) var duplicateRows: [ReportedRow] = []
    /// The period's counted bookings that carry details, in register order (kept only when asked for).
    private(set) var records: [(booking: Booking, details: BookingDetails)] = []
    /// Unknown agencies' first counted row in the period: (file number, line).
    private(set) var firstUse: [Int: (file: Int, line: Int)] = [:]

    /// - Parameter expectedBookings: the key set's size to start with (it grows past it).
    init(period: ReportPeriod, files: [String], expectedBookings: Int = 1 << 16) {
        self.period = BookingLedger.codes(period)
        self.files = files
        seen = KeySet(capacity: expectedBookings)
    }

    /// `yyyymmdd` as a number: compares as the date does.
    @inline(__always)
    static func code(_ day: Day) -> UInt64 { UInt64(day.year * 10_000 + day.month * 100 + day.day) }

    static func day(_ code: UInt64) -> Day? { Day(year: Int(code / 10_000), month: Int(code / 100 % 100), day: Int(code % 100)) }

    /// The period's days as `yyyymmdd` codes.
    static func codes(_ period: ReportPeriod) -> ClosedRange<UInt64> { code(period.from)...code(period.to) }

    /// Settles a batch of bookings, in order.
    func settle(_ batch: Batch) {
        isNew.removeAll(keepingCapacity: true)
        seen.insert(batch.bookings.map(\.key), isNew: &isNew)
        for (number, booking) in batch.bookings.enumerated() {
            let inPeriod = period.contains(booking.dayCode)
            guard isNew[number] else {
                duplicates += 1
                duplicateRows.append(ReportedRow(file: files[booking.file], line: booking.line, reason: booking.byEmail
                    ? "same email, course and date as an earlier row; counted once"
                    : "same name, agency, course and date as an earlier row; counted once"))
                if inPeriod {
                    duplicatesInPeriod += 1
                    duplicateTally.add(booking)
                }
                continue
            }
            guard inPeriod else { continue }
            if booking.unknownAgency && firstUse[booking.agency] == nil {
                firstUse[booking.agency] = (booking.file, booking.line)
            }
            if !batch.details.isEmpty { records.append((booking, batch.details[number])) }
        }
    }
}
