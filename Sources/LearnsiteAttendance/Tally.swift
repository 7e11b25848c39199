/// Counts per (agency, course, month) cell while rows stream past: a report needs no more than this,
/// and the number of cells depends on the registers' variety, not their length.
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

    func add(agency: Int, course: Int, month: MonthKey, status: StatusCode, lateCancellation: Bool) {
        // Exact keys, whatever the number of spellings: (agency, course) numbers the pair, and the pair
        // with the month (an ordinal below 2^17, as years stop at 9999) numbers the cell.
        let pair = pairs.index(of: UInt64(agency) << 32 | UInt64(course)).index
        let (cell, isNew) = index.index(of: UInt64(pair) << 17 | UInt64(month.ordinal))
        if isNew {
            cells.append(Cell(agency: agency, course: course, month: month))
            counts.append(contentsOf: repeatElement(0, count: Tally.stride))
        }
        counts[cell * Tally.stride + status.rawValue] += 1
        if lateCancellation { counts[cell * Tally.stride + Tally.stride - 1] += 1 }
    }

    func counts(of cell: Int) -> AttendanceCounts {
        var result = AttendanceCounts()
        let base = cell * Tally.stride
        for status in StatusCode.allCases { result.statuses[status.rawValue] = counts[base + status.rawValue] }
        result.lateCancellations = counts[base + Tally.stride - 1]
        return result
    }
}
