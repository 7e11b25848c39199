import Foundation

/// The registers' bookings on their way from the reading threads to the ledger, which takes them file by
/// file, in order. Memory stays flat however long the files: the file the ledger is on may hold `limit`
/// batches, and the files read ahead of it share `readAhead` batches; a thread that gets further ahead waits.
///
/// The read-ahead is shared, not per file, because the ledger takes one file at a time: with a limit per
/// file, the thread reading the next file stopped after `limit` batches and a core sat idle until the
/// ledger reached that file. The file the ledger is on never waits for read-ahead space, so the threads
/// cannot all be waiting at once.
final class BatchQueue: @unchecked Sendable {
    enum Item {
        case batch(BookingLedger.Batch)
        case finished(FileOutcome)
    }

    /// 8 batches (1 MB) let the current file's thread read ahead while the ledger catches up; 2 made it wait.
    static let limit = 8
    /// 16 batches (2 MB) kept both cores busy on the bench's million rows as well as 32 or 128 did.
    static let readAhead = 16
    private let condition = NSCondition()
    private var batches: [[BookingLedger.Batch]]
    private var outcomes: [FileOutcome?]
    /// The file the ledger is taking batches from.
    private var current = 0
    /// Batches held for every file.
    private var held = 0

    init(files: Int) {
        batches = Array(repeating: [], count: files)
        outcomes = Array(repeating: nil, count: files)
    }

    func push(_ batch: BookingLedger.Batch, file: Int) {
        condition.lock()
        while file == current ? batches[file].count >= BatchQueue.limit : held - batches[current].count >= BatchQueue.readAhead {
            condition.wait()
        }
        batches[file].append(batch)
        held += 1
        condition.broadcast()
        condition.unlock()
    }

    func finish(_ outcome: FileOutcome, file: Int) {
        condition.lock()
        outcomes[file] = outcome
        condition.broadcast()
        condition.unlock()
    }

    /// The file's next batch, or its outcome once every batch has been taken; waits for either. The ledger
    /// asks for files in order, so asking for a file makes it the current one.
    func next(file: Int) -> Item {
        condition.lock()
        defer { condition.unlock() }
        if current != file {
            current = file
            condition.broadcast()
        }
        while batches[file].isEmpty && outcomes[file] == nil { condition.wait() }
        guard !batches[file].isEmpty else { return .finished(outcomes[file]!) }
        held -= 1
        condition.broadcast()
        return .batch(batches[file].removeFirst())
    }
}
