import LearnsiteContent

/// A place booked and not used: the person did not attend, or cancelled with less notice than
/// `training.notice_days` working days.
enum UnusedPlace: Sendable {
    case noShow, lateCancellation

    var description: String { self == .noShow ? "did not attend" : "cancelled late" }
}

extension BookingRecord {
    var unusedPlace: UnusedPlace? {
        switch status {
        case .dna: .noShow
        case .cancelled where lateCancellation: .lateCancellation
        default: nil
        }
    }
}

/// Colleagues who came in someone's place. A substitute is recorded as a walk-in (status `walk-in`, or
/// `substitute`) from the same agency, on the same course and date as the booking not used: each one
/// covers one such booking, no-shows before late cancellations, in register order. A covered booking is
/// neither charged nor followed up as a no-show; the registers' own counts are unchanged.
enum Substitutes {
    /// Indexes (into `records`) of the unused places a colleague covered.
    static func covered(_ records: [BookingRecord]) -> Set<Int> {
        struct Session: Hashable {
            let agency: String
            let course: String
            let date: Day
        }
        var walkIns: [Session: Int] = [:]
        var unused: [Session: [Int]] = [:]
        for (index, record) in records.enumerated() {
            let session = Session(agency: record.agency, course: record.course, date: record.date)
            if record.status == .walkIn { walkIns[session, default: 0] += 1 }
            if record.unusedPlace != nil { unused[session, default: []].append(index) }
        }
        var covered = Set<Int>()
        for (session, indexes) in unused {
            let noShowsFirst = indexes.filter { records[$0].unusedPlace == .noShow } + indexes.filter { records[$0].unusedPlace == .lateCancellation }
            covered.formUnion(noShowsFirst.prefix(walkIns[session] ?? 0))
        }
        return covered
    }
}
