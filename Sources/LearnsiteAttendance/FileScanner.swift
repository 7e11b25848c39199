import Foundation
import LearnsiteCSV
import LearnsiteContent

/// What reading one register found, apart from its bookings (which go to the `BookingLedger` in batches).
struct FileOutcome: Sendable {
    var rowsRead = 0
    var rowsRejected = 0
    var rejected: [ReportedRow] = []
    var warnings: [Diagnostic] = []

    mutating func reject(_ file: String, line: Int, _ reason: String, rows: Int = 1) {
        rowsRejected += rows
        rejected.append(ReportedRow(file: file, line: line, reason: reason, rows: rows))
    }
}

/// Reads registers row by row, rejecting the rows that cannot be used and turning the others into
/// bookings: person, course and date hashed into a key, plus what the figures need. One per thread;
/// it counts the bookings too, so the thread settling them in order has little left to do.
///
/// Used by one thread at a time (its reading thread, then the scan once that thread has finished), hence
/// `@unchecked Sendable`.
///
/// Nothing is kept per row except the rows reported as rejected; bookings leave in batches of a few
/// thousand. Blank lines, and rows of empty cells as spreadsheets export, are not data rows.
final class FileScanner: @unchecked Sendable {
    static let batchSize = 4096

    private let registry: GroupRegistry
    private let noticeDays: Int?
    private let keepsDetails: Bool
    private let period: ClosedRange<UInt64>
    private let bufferSize: Int
    private let dateTable = ValueTable<Day?>()
    private let statusTable = ValueTable<StatusCode?>()
    private let agencyTable = ValueTable<(group: Int, known: Bool)>()
    private let courseTable = ValueTable<Int>()

    /// The usable rows of every register read, in the period, by cell. They include rows that turn out to
    /// be duplicates of earlier ones: only the ledger can tell, and the scan takes those away.
    let tally = Tally()
    private(set) var rowsInPeriod = 0
    private(set) var rowsOutsidePeriod = 0
    /// The first and last session dates of the usable rows, in the period or not, as `yyyymmdd`.
    private(set) var earliest = UInt64.max
    private(set) var latest = UInt64.min

    /// - Parameters:
    ///   - keepsDetails: give each booking its `BookingDetails` (names, role, scores) for the manager reports.
    ///   - bufferSize: bytes read at a time (tests make it small to cross chunk boundaries).
    init(registry: GroupRegistry, settings: ReportSettings, bufferSize: Int) {
        self.registry = registry
        noticeDays = settings.noticeDays
        keepsDetails = settings.keepsRecords
        period = BookingLedger.codes(settings.period)
        self.bufferSize = bufferSize
    }

    /// Reads one register; `file` is its number in the report, `display` its path as messages show it.
    func scan(path: String, display: String, file: Int, emit: (BookingLedger.Batch) -> Void) -> FileOutcome {
        var outcome = FileOutcome()
        let reader: CSVReader
        do {
            reader = try CSVReader(path: path, bufferSize: bufferSize)
        } catch {
            outcome.reject(display, line: 1, "the file could not be opened (\(error.reason)), so none of its rows were counted", rows: 0)
            return outcome
        }
        var found = false
        while !found && reader.next() { found = !isBlank(reader) }
        guard found else {
            let reason = reader.readError.map { "the file could not be read (\($0)), so none of its rows were counted" }
                ?? "the file is empty; a register needs a header row (date, course, name, agency, status) and a row per booking"
            outcome.reject(display, line: 1, reason, rows: 0)
            return outcome
        }
        let headerLine = reader.line
        let header = (0..<reader.fieldCount).map { reader.string($0).trimmingCharacters(in: .whitespaces) }
        let schema: RegisterSchema
        do {
            schema = try RegisterSchema(header: header)
        } catch {
            var rows = 0
            while reader.next() { if !isBlank(reader) { rows += 1 } }
            outcome.rowsRead = rows
            outcome.reject(display, line: headerLine, "\(error.message). None of its \(rows) row\(rows == 1 ? " was" : "s were") counted.", rows: rows)
            return outcome
        }
        var batch = BookingLedger.Batch()
        batch.bookings.reserveCapacity(FileScanner.batchSize)
        var badCancellation: (line: Int, text: String, count: Int)?
        while reader.next() {
            if isBlank(reader) { continue }
            outcome.rowsRead += 1
            if let reason = use(reader, schema, file: file, into: &batch, &badCancellation) {
                outcome.reject(display, line: reader.line, reason)
                continue
            }
            count(batch.bookings.last!)
            if batch.bookings.count == FileScanner.batchSize {
                emit(batch)
                batch = BookingLedger.Batch()
                batch.bookings.reserveCapacity(FileScanner.batchSize)
            }
        }
        if !batch.bookings.isEmpty { emit(batch) }
        if let error = reader.readError {
            outcome.reject(display, line: reader.line, "the file could not be read to the end (\(error)), so rows from here on were not counted", rows: 0)
        }
        if let bad = badCancellation {
            let others = bad.count > 1 ? " (and \(bad.count - 1) more in this file)" : ""
            outcome.warnings.append(Diagnostic(.warning, file: display, line: bad.line, "the cancellation date “\(bad.text)” is not a date\(others), so these cancellations were counted but not checked for late notice; write dates like 14/05/2024"))
        }
        return outcome
    }

    private func count(_ booking: BookingLedger.Booking) {
        earliest = min(earliest, booking.dayCode)
        latest = max(latest, booking.dayCode)
        if period.contains(booking.dayCode) {
            rowsInPeriod += 1
            tally.add(booking)
        } else {
            rowsOutsidePeriod += 1
        }
    }

    private func isBlank(_ reader: CSVReader) -> Bool {
        for index in 0..<reader.fieldCount where !ByteText.trimmed(reader.field(index)).isEmpty { return false }
        return reader.problem == nil
    }

    /// Adds a usable row to the batch as a booking, or returns why it cannot be used.
    private func use(_ row: CSVReader, _ schema: RegisterSchema, file: Int, into batch: inout BookingLedger.Batch,
                     _ badCancellation: inout (line: Int, text: String, count: Int)?) -> String? {
        switch row.problem {
        case .unclosedQuote?:
            return "a double quote opened in this row is never closed, so lines \(row.line)-\(row.endLine) were read as one value and not counted; close the quote (or remove it)"
        case .tooLong?:
            return "this row (lines \(row.line)-\(row.endLine)) is over a megabyte long, far longer than any register row; look for a double quote that is never closed"
        case nil:
            break
        }
        if row.fieldCount != schema.width,
           row.fieldCount < schema.width || (schema.width..<row.fieldCount).contains(where: { !ByteText.trimmed(row.field($0)).isEmpty }) {
            return "this row has \(row.fieldCount) values but the header has \(schema.width) columns; a value containing the delimiter must be in double quotes"
        }
        @inline(__always) func value(_ column: Int?) -> UnsafeBufferPointer<UInt8> {
            column.map { ByteText.trimmed(row.field($0)) } ?? UnsafeBufferPointer(start: nil, count: 0)
        }
        let dateText = value(schema.date)
        guard !dateText.isEmpty else { return "the session date is empty" }
        guard let day = dateTable.value(dateText) ?? dateTable.add(UKDate.parse(dateText)) else {
            return "“\(string(dateText))” is not a date; write session dates like 14/05/2024, 2024-05-14 or 14 May 2024"
        }
        let courseText = value(schema.course)
        guard !courseText.isEmpty else { return "the course is empty; write the course's title" }
        let name = value(schema.name), firstName = value(schema.firstName), lastName = value(schema.lastName)
        guard !(name.isEmpty && firstName.isEmpty && lastName.isEmpty) else { return "the attendee's name is empty" }
        let statusText = value(schema.status)
        guard !statusText.isEmpty else { return "the status is empty; write \(StatusCode.allowedWords)" }
        guard let status = statusTable.value(statusText) ?? statusTable.add(StatusCode(text: string(statusText))) else {
            return "“\(string(statusText))” is not a status learnsite knows; write \(StatusCode.allowedWords)"
        }
        let place = (file: file, line: row.line)
        let agencyText = value(schema.agency)
        let agency = agencyTable.value(agencyText) ?? agencyTable.add(registry.agency(string(agencyText), at: place))
        let course = courseTable.value(courseText) ?? courseTable.add(registry.course(string(courseText), at: place))

        // The person: by email when there is one, otherwise by name within the agency.
        let email = value(schema.email)
        let person = email.isEmpty
            ? ByteText.mix(ByteText.nameHash([name, firstName, lastName], seed: 2) &+ UInt64(agency.group))
            : ByteText.caseFoldedHash(email, seed: 1)

        var lateCancellation = false
        if status == .cancelled, let notice = noticeDays, case let text = value(schema.cancelledOn), !text.isEmpty {
            if let cancelledOn = UKDate.parse(text) {
                lateCancellation = WorkingDays.notice(cancelledOn: cancelledOn, session: day) < notice
            } else if let bad = badCancellation {
                badCancellation = (bad.line, bad.text, bad.count + 1)
            } else {
                badCancellation = (row.line, string(text), 1)
            }
        }
        let dayCode = BookingLedger.code(day)
        if keepsDetails {
            batch.details.append(BookingDetails(
                person: person, name: [name, firstName, lastName].filter { !$0.isEmpty }.map(string).joined(separator: " "),
                email: email.isEmpty ? nil : string(email), role: optional(value(schema.role)), hours: optional(value(schema.hours)),
                preScore: Score(string(value(schema.preScore))), postScore: Score(string(value(schema.postScore)))))
        }
        batch.bookings.append(BookingLedger.Booking(
            key: ByteText.mix(person ^ ByteText.mix(UInt64(course) << 32 | dayCode)), dayCode: dayCode, agency: agency.group,
            course: course, file: file, line: row.line, status: status, lateCancellation: lateCancellation,
            byEmail: !email.isEmpty, unknownAgency: !agency.known))
        return nil
    }

    private func optional(_ bytes: UnsafeBufferPointer<UInt8>) -> String? { bytes.isEmpty ? nil : string(bytes) }

    private func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
}
