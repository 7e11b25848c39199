import Foundation
import Testing
@testable import LearnsiteAttendance

@Suite struct BatchQueueTests {
    /// Far more batches per file than the queue holds, so the reading threads wait both for the current
    /// file's room and for read-ahead room; the ledger must still get every batch, file by file, in order.
    @Test(.timeLimit(.minutes(1)), arguments: [1, 2, 3])
    func theLedgerGetsEveryBatchInFileOrder(threads: Int) {
        let files = 6, batchesPerFile = 5 * (BatchQueue.limit + BatchQueue.readAhead)
        let queue = BatchQueue(files: files)
        let counter = NSLock()
        nonisolated(unsafe) var nextFile = 0
        let done = DispatchGroup()
        for _ in 0..<threads {
            done.enter()
            Thread {
                while let file = counter.withLock({ nextFile < files ? { nextFile += 1; return nextFile - 1 }() : nil }) {
                    for line in 0..<batchesPerFile { queue.push(batch(file: file, line: line), file: file) }
                    queue.finish(FileOutcome(rowsRead: file), file: file)
                }
                done.leave()
            }.start()
        }
        var received: [String] = []
        for file in 0..<files {
            reading: while true {
                switch queue.next(file: file) {
                case .batch(let batch): received.append("\(batch.bookings[0].file):\(batch.bookings[0].line)")
                case .finished(let outcome): received.append("end \(outcome.rowsRead)"); break reading
                }
            }
        }
        done.wait()
        #expect(received == (0..<files).flatMap { file in (0..<batchesPerFile).map { "\(file):\($0)" } + ["end \(file)"] })
    }

    private func batch(file: Int, line: Int) -> BookingLedger.Batch {
        BookingLedger.Batch(bookings: [BookingLedger.Booking(key: 1, dayCode: 20240401, agency: 0, course: 0, file: file, line: line,
                                                             status: .attended, lateCancellation: false, byEmail: true, unknownAgency: false)])
    }
}
