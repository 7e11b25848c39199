import Dispatch
import Synchronization

/// `map` across all cores, keeping order. `progress` hears how many items are done, as they finish.
public func concurrentMap<T: Sendable, R>(_ items: [T], progress: (@Sendable (Int) -> Void)? = nil,
                                          _ transform: @Sendable (T) -> R) -> [R] {
    var results = [R?](repeating: nil, count: items.count)
    let done = Atomic<Int>(0)
    results.withUnsafeMutableBufferPointer { buffer in
        nonisolated(unsafe) let buffer = buffer
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            buffer[index] = transform(items[index])
            if let progress { progress(done.add(1, ordering: .relaxed).newValue) }
        }
    }
    return results.map { $0! }
}
