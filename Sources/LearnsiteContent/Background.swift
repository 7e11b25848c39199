import Dispatch

/// A value worked out on another thread while this one gets on with something else.
public final class Background<Value: Sendable>: @unchecked Sendable {
    private var result: Value?
    private let done = DispatchGroup()

    public init(_ work: @escaping @Sendable () -> Value) {
        done.enter()
        DispatchQueue.global().async { [self] in
            result = work()
            done.leave()
        }
    }

    /// The value, waiting for it if it is not ready yet.
    public var value: Value {
        done.wait()
        return result!
    }
}
