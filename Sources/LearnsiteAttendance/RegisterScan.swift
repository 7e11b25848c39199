import Foundation
import LearnsiteContent

/// Reads a report's registers and gathers everything the report is made from.
///
/// With several files and cores, files are read in parallel (one `FileScanner` per thread) while this
/// thread settles their bookings in file order, so the figures, and which of two duplicates counts, are
/// exactly those of reading one file after another.
final class RegisterScan {
    let settings: ReportSettings
    /// The registers, by number, as messages name them.
    let files: [String]
    let registry: GroupRegistry
    let ledger: BookingLedger
    private(set) var rowsRead = 0
    private(set) var rowsRejected = 0
    private(set) var rejected: [ReportedRow] = []
    private(set) var warnings: [Diagnostic]
    /// Every scanner's counts, duplicates included until `run` takes them away.
    let tally = Tally()
    private var rowsInPeriod = 0
    private var rowsOutside = 0
    private var earliest = UInt64.max
    private var latest = UInt64.min

    /// - Parameter warnings: found before the scan (agencies.yml, site.yml), reported first.
    init(settings: ReportSettings, files: [String], warnings: [Diagnostic] = []) {
        self.settings = settings
        self.files = files
        self.warnings = warnings
        registry = GroupRegistry(settings: settings)
        ledger = BookingLedger(period: settings.period, files: files, expectedBookings: RegisterScan.expectedBookings(files))
    }

    /// About one booking per 128 bytes of register (the bench's registers have 110-175 bytes a row), up to
    /// 2 million (20 MB of keys) so that a huge register does not claim its memory before it is read.
    static func expectedBookings(_ files: [String]) -> Int {
        let bytes = files.reduce(0) { total, file in
            var info = stat()
            return total + (stat(file, &info) == 0 ? Int(info.st_size) : 0)
        }
        return min(bytes / 128, 2_000_000)
    }

    /// - Parameters:
    ///   - threads: at most this many reading threads (one reads in this thread).
    ///   - bufferSize: bytes read at a time (tests make it small to cross chunk boundaries).
    func run(threads: Int = ProcessInfo.processInfo.activeProcessorCount, bufferSize: Int = 1 << 18) {
        scan(threads: threads, bufferSize: bufferSize)
        tally.add(ledger.duplicateTally, by: -1)
    }

    /// Rows in the period after de-duplication.
    var rowsUsed: Int { rowsInPeriod - ledger.duplicatesInPeriod }
    var rowsOutsidePeriod: Int { rowsOutside - (ledger.duplicates - ledger.duplicatesInPeriod) }

    /// The first and last session dates among the usable rows, nil when there are none. A duplicate has its
    /// first row's date, so counting duplicates here changes nothing.
    var sessionDates: ClosedRange<Day>? {
        guard let first = BookingLedger.day(earliest), let last = BookingLedger.day(latest) else { return nil }
        return first...last
    }

    private func scan(threads: Int, bufferSize: Int) {
        let workers = min(threads, files.count)
        let scanners = (0..<max(1, workers)).map { _ in FileScanner(registry: registry, settings: settings, bufferSize: bufferSize) }
        defer { scanners.forEach(absorb) }
        guard workers > 1 else {
            for (number, file) in files.enumerated() {
                absorb(scanners[0].scan(path: file, display: file, file: number, emit: ledger.settle))
            }
            return
        }
        let queue = BatchQueue(files: files.count)
        let next = FileCounter(count: files.count)
        let finished = DispatchSemaphore(value: 0)
        let files = self.files
        for scanner in scanners {
            Thread {
                while let number = next.take() {
                    let outcome = scanner.scan(path: files[number], display: files[number], file: number) { queue.push($0, file: number) }
                    queue.finish(outcome, file: number)
                }
                finished.signal()
            }.start()
        }
        for number in files.indices {
            reading: while true {
                switch queue.next(file: number) {
                case .batch(let batch): ledger.settle(batch)
                case .finished(let outcome): absorb(outcome); break reading
                }
            }
        }
        for _ in 0..<workers { finished.wait() }
    }

    private func absorb(_ outcome: FileOutcome) {
        rowsRead += outcome.rowsRead
        rowsRejected += outcome.rowsRejected
        rejected += outcome.rejected
        warnings += outcome.warnings
    }

    /// A scanner's counts, once its thread has finished.
    private func absorb(_ scanner: FileScanner) {
        tally.add(scanner.tally)
        rowsInPeriod += scanner.rowsInPeriod
        rowsOutside += scanner.rowsOutsidePeriod
        earliest = min(earliest, scanner.earliest)
        latest = max(latest, scanner.latest)
    }
}

/// Hands out file numbers in order to the reading threads.
private final class FileCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var taken = 0
    private let count: Int

    init(count: Int) { self.count = count }

    func take() -> Int? {
        lock.withLock {
            guard taken < count else { return nil }
            taken += 1
            return taken - 1
        }
    }
}
