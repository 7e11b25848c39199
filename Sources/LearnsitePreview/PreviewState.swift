import LearnsiteContent

/// What the open browser tabs need to know: whether the last build failed, and when to reload.
actor PreviewState {
    enum Event: Sendable, Equatable {
        case reload
        case failed([Diagnostic])
    }

    private(set) var lastFailure: [Diagnostic]?
    private var listeners: [Int: AsyncStream<Event>.Continuation] = [:]
    private var nextListener = 0

    /// A stream of events for one browser tab, starting with the current failure if there is one.
    func subscribe() -> AsyncStream<Event> {
        let (stream, continuation) = AsyncStream<Event>.makeStream()
        let id = nextListener
        nextListener += 1
        listeners[id] = continuation
        continuation.onTermination = { _ in Task { await self.unsubscribe(id) } }
        if let lastFailure { continuation.yield(.failed(lastFailure)) }
        return stream
    }

    func built(_ failure: [Diagnostic]?) {
        lastFailure = failure
        let event: Event = failure.map(Event.failed) ?? .reload
        for listener in listeners.values { listener.yield(event) }
    }

    private func unsubscribe(_ id: Int) {
        listeners[id] = nil
    }
}
