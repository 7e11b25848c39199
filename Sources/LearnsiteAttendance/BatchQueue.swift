import Foundation

/// One register's bookings on their way from the thread reading it to the ledger. It holds at most
/// `limit` batches: a thread that gets ahead waits, so memory stays flat however long the file.
final class BatchQueue: @unchecked Sendable {
    enum Item {
        case batch(BookingLedger.Batch)
        case finished(FileOutcome)
    }

    /// 8 batches (1.3 MB) let a thread read ahead while the ledger catches up; 16 added 3 MB to a
    /// million-row report's peak for no measurable speed, 2 made the threads wait.
    static let limit = 8
    private let condition = NSCondition()
    private var batches: [BookingLedger.Batch] = []
    private var outcome: FileOutcome?

    func push(_ batch: BookingLedger.Batch) {
        condition.lock()
        while batches.count >= BatchQueue.limit { condition.wait() }
        batches.append(batch)
        condition.broadcast()
        condition.unlock()
    }

    func finish(_ outcome: FileOutcome) {
        condition.lock()
        self.outcome = outcome
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, or the file's outcome once every batch has been taken; waits for either.
    func next() -> Item {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && outcome == nil { condition.wait() }
        guard !batches.isEmpty else { return .finished(outcome!) }
        condition.broadcast()
        return .batch(batches.removeFirst())
    }
}
