/// How many bookings ended each way, and the contract's figures made from them.
public struct AttendanceCounts: Sendable, Equatable {
    /// Rows per status, indexed by `StatusCode.rawValue`.
    var statuses = [Int](repeating: 0, count: StatusCode.allCases.count)
    /// Cancellations made with less notice than `training.notice_days` in site.yml.
    public internal(set) var lateCancellations = 0

    public init() {}

    func count(_ status: StatusCode) -> Int { statuses[status.rawValue] }

    /// Rows in the period after de-duplication, leaving out sessions the board cancelled.
    public var booked: Int { statuses.reduce(0, +) - sessionsCancelled }
    /// Attended, late, partial and walk-in: everyone who was there.
    public var attended: Int { count(.attended) + count(.late) + count(.partial) + count(.walkIn) }
    public var dna: Int { count(.dna) }
    public var cancelled: Int { count(.cancelled) }
    public var walkIns: Int { count(.walkIn) }
    /// Bookings on sessions the board cancelled (not in `booked`).
    public var sessionsCancelled: Int { count(.sessionCancelled) }

    /// attended / (booked - cancelled); 0 when nobody was still expected.
    public var attendanceRate: Double {
        let expected = booked - cancelled
        return expected > 0 ? Double(attended) / Double(expected) : 0
    }

    mutating func add(_ other: AttendanceCounts) {
        for index in statuses.indices { statuses[index] += other.statuses[index] }
        lateCancellations += other.lateCancellations
    }
}
