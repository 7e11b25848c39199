import Dispatch
import Foundation

/// A value worked out on another thread while this one gets on with something else.
///
/// The thread is its own, not one of Dispatch's: Dispatch keeps only as many workers as there are cores,
/// so a long piece of work (reading the build cache) held one back, and a short one queued behind it
/// (reading the data files) kept the build waiting with a core idle, 20 ms of a 10,000-page rebuild.
public final class Background<Value: Sendable>: Sendable {
    private let handoff = Handoff<Value>()

    public init(_ work: @escaping @Sendable () -> Value) {
        Thread { [handoff] in handoff.set(work()) }.start()
    }

    /// The value, waiting for it if it is not ready yet.
    public var value: Value { handoff.value }
}

/// A value one thread hands to others once, part way through its work (see `Background` for a whole one).
public final class Handoff<Value: Sendable>: @unchecked Sendable {
    // Written once, before `done` is left; read only after waiting for it.
    private var result: Value?
    private let done = DispatchGroup()

    public init() {
        done.enter()
    }

    /// Call exactly once.
    public func set(_ value: Value) {
        result = value
        done.leave()
    }

    /// The value, waiting for it if it is not handed over yet.
    public var value: Value {
        done.wait()
        return result!
    }
}
