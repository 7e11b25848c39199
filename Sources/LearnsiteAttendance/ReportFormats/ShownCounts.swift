/// A group's figures as a report may show them: nil where suppression hides a count (`Suppression.shown`).
struct ShownCounts: Sendable {
    /// In the order of `names`.
    let counts: [Suppression.Shown]
    /// nil when a figure it is worked out from is hidden, as it would reveal that figure.
    let attendanceRate: Double?

    /// JSON and CSV names of `counts`.
    static let names = ["booked", "attended", "dna", "cancelled", "late_cancellations", "sessions_cancelled", "walk_ins"]
    static let booked = 0, attended = 1, dna = 2, cancelled = 3, lateCancellations = 4, sessionsCancelled = 5

    var isSuppressed: Bool { counts.contains { $0.value == nil } || attendanceRate == nil }

    /// The figure, nil when hidden.
    subscript(_ index: Int) -> Int? { counts[index].value }

    /// A table of groups and its totals, suppressed as one (`Suppression.shown`): a group of fewer than N
    /// bookings is hidden whole, and neither a column's total nor booked = attended + dna + cancelled can
    /// be used to work out a hidden figure.
    static func table(_ groups: [AttendanceGroup], totals: AttendanceCounts, _ suppression: Suppression) -> (groups: [ShownCounts], totals: ShownCounts) {
        func numbers(_ counts: AttendanceCounts) -> [Int] {
            [counts.booked, counts.attended, counts.dna, counts.cancelled, counts.lateCancellations, counts.sessionsCancelled, counts.walkIns]
        }
        let (rows, total) = suppression.shown(groups.map { numbers($0.counts) }, totals: numbers(totals), size: booked,
                                              sums: [(booked, [attended, dna, cancelled])])
        func shown(_ row: [Suppression.Shown], _ counts: AttendanceCounts) -> ShownCounts {
            let rateHidden = row[booked...cancelled].contains { $0.value == nil }
            return ShownCounts(counts: row, attendanceRate: rateHidden ? nil : counts.attendanceRate)
        }
        return (zip(rows, groups).map { shown($0, $1.counts) }, shown(total, totals))
    }
}
