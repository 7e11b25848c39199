/// Counts per (agency, course, month) cell while rows stream past: a report needs no more than this,
/// and the number of cells depends on the registers' variety, not their length.
///
/// Each reading thread keeps its own tally; the scan adds them up and takes away the duplicates' tally
/// (counts are sums, so the order of adding does not matter).
final class Tally {
    struct Cell {
        let agency: Int
        let course: Int
        let month: MonthKey
    }

    private let pairs = HashIndex()
    private let index = HashIndex()
    private(set) var cells: [Cell] = []
    private var counts: [Int] = []
    private static let stride = StatusCode.allCases.count + 1

    func add(_ booking: BookingLedger.Booking, by amount: Int = 1) {
        let base = cell(Cell(agency: booking.agency, course: booking.course, month: booking.month)) * Tally.stride
        counts[base + booking.status.rawValue] += amount
        if booking.lateCancellation { counts[base + Tally.stride - 1] += amount }
    }

    /// Adds another tally's counts, cell by cell; `by: -1` takes them away.
    func add(_ other: Tally, by amount: Int = 1) {
        for (number, cell) in other.cells.enumerated() {
            let base = self.cell(cell) * Tally.stride, otherBase = number * Tally.stride
            for offset in 0..<Tally.stride { counts[base + offset] += amount * other.counts[otherBase + offset] }
        }
    }

    /// The cell's number, adding it when new.
    private func cell(_ cell: Cell) -> Int {
        // Exact keys, whatever the number of spellings. The month is an ordinal below 2^17 (years stop at
        // 9999). Agency and course numbers below 2^23 (always, in practice) fit beside it in one key; beyond
        // that, (agency, course) is numbered as a pair first, and the top bit keeps the two kinds apart.
        let key: UInt64
        if cell.agency < 1 << 23 && cell.course < 1 << 23 {
            key = UInt64(cell.agency) << 40 | UInt64(cell.course) << 17 | UInt64(cell.month.ordinal)
        } else {
            let pair = pairs.index(of: UInt64(cell.agency) << 32 | UInt64(cell.course)).index
            key = 1 << 63 | UInt64(pair) << 17 | UInt64(cell.month.ordinal)
        }
        let (number, isNew) = index.index(of: key)
        if isNew {
            cells.append(cell)
            counts.append(contentsOf: repeatElement(0, count: Tally.stride))
        }
        return number
    }

    func counts(of cell: Int) -> AttendanceCounts {
        var result = AttendanceCounts()
        let base = cell * Tally.stride
        for status in StatusCode.allCases { result.statuses[status.rawValue] = counts[base + status.rawValue] }
        result.lateCancellations = counts[base + Tally.stride - 1]
        return result
    }
}
