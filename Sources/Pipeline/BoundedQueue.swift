public import Dispatch
import Synchronization

/// A first-in first-out queue of fixed capacity joining two stages; a full queue blocks the sender, which is
/// what keeps a fast stage from running ahead of a slow one (backpressure).
///
/// A `Mutex`-guarded ring buffer plus two semaphores: `free` counts the empty slots a sender may take,
/// `filled` the elements a receiver may take. Once the queue has ended (finished and drained, or
/// cancelled) there is nothing left to count, so each woken caller signals its semaphore again before it
/// returns: one signal from `finish` or `cancel` thereby wakes every blocked caller in turn.
/// Blocking calls are for Dispatch worker threads, never for Swift-concurrency tasks.
public final class BoundedQueue<Element: Sendable>: Sendable {
    private struct State {
        var slots: [Element?]
        var head = 0
        var count = 0
        var isFinished = false
        var isCancelled = false
    }

    /// The most elements the queue holds before `send` blocks.
    public let capacity: Int
    private let state: Mutex<State>
    private let free = DispatchSemaphore(value: 0)
    private let filled = DispatchSemaphore(value: 0)

    /// An empty, open queue holding at most `capacity` elements (at least 1: a smaller one is a programmer error).
    public init(capacity: Int) {
        precondition(capacity >= 1, "a BoundedQueue needs a capacity of at least 1, not \(capacity)")
        self.capacity = capacity
        state = Mutex(State(slots: Array(repeating: nil, count: capacity)))
        // Signalled up from 0 rather than created with `value: capacity`: libdispatch crashes when a semaphore
        // is released holding less than its initial value, which a queue cancelled while full would.
        for _ in 0 ..< capacity {
            free.signal()
        }
    }

    /// Appends `element`, blocking while the queue is full. False, and the element is dropped, when the queue
    /// is cancelled (or was finished, which is a caller's mistake: nobody would receive it).
    public func send(_ element: Element) -> Bool {
        free.wait()
        let accepted = state.withLock { state in
            guard !state.isCancelled, !state.isFinished else { return false }
            state.slots[(state.head + state.count) % capacity] = element
            state.count += 1
            return true
        }
        if accepted {
            filled.signal()
        } else {
            free.signal()
        }
        return accepted
    }

    /// The oldest element, blocking while the queue is empty and open; nil once it is finished and drained,
    /// or cancelled.
    public func receive() -> Element? {
        filled.wait()
        return take()
    }

    /// The oldest element, waiting for one at most until `deadline`.
    public func receive(before deadline: DispatchTime) -> Received<Element> {
        guard filled.wait(timeout: deadline) == .success else { return .timedOut }
        return take().map(Received.element) ?? .ended
    }

    /// No more sends: receivers get what is left, then nil. Does nothing on a finished or cancelled queue.
    public func finish() {
        let changed = state.withLock { state in
            guard !state.isFinished, !state.isCancelled else { return false }
            state.isFinished = true
            return true
        }
        if changed {
            filled.signal()
        }
    }

    /// Drops every pending element and wakes every blocked sender (which gets false) and receiver (which gets
    /// nil); every later call returns at once the same way.
    public func cancel() {
        let changed = state.withLock { state in
            guard !state.isCancelled else { return false }
            state.isCancelled = true
            state.slots = Array(repeating: nil, count: capacity)
            state.count = 0
            return true
        }
        if changed {
            filled.signal()
            free.signal()
        }
    }

    /// How many elements wait in the queue now.
    public var count: Int { state.withLock { $0.count } }

    /// True once `cancel` was called.
    public var isCancelled: Bool { state.withLock { $0.isCancelled } }

    /// True once `finish` was called.
    public var isFinished: Bool { state.withLock { $0.isFinished } }

    /// Takes the oldest element after a `filled` signal. Every signal stands for an element sent, unless the
    /// queue has ended; then the signal is passed on to the next receiver.
    private func take() -> Element? {
        let element = state.withLock { state -> Element? in
            guard !state.isCancelled, state.count > 0 else { return nil }
            let element = state.slots[state.head]
            state.slots[state.head] = nil
            state.head = (state.head + 1) % capacity
            state.count -= 1
            return element
        }
        if element == nil {
            filled.signal()
        } else {
            free.signal()
        }
        return element
    }
}
