import Foundation
import Pipeline
import Synchronization
import TestSupport

/// Work a test runs on a Dispatch thread of its own (a source feeding a queue, a sink draining one), so
/// blocking calls never run on Swift-concurrency threads and a hang fails the test instead of stalling it.
final class Background<Value: Sendable>: Sendable {
    private let value = Mutex<Value?>(nil)

    /// Starts `body` now.
    init(_ body: @escaping @Sendable () -> Value) {
        DispatchQueue(label: "test.background").async {
            let result = body()
            self.value.withLock { $0 = result }
        }
    }

    /// What `body` returned, or nil when it has not returned within `timeout`.
    func result(within timeout: Duration = .seconds(10)) -> Value? {
        _ = waitUntil(timeout: timeout) { value.withLock { $0 != nil } }
        return value.withLock { $0 }
    }
}

/// A counter shared by threads.
final class Counter: Sendable {
    private let atomic = Atomic(0)

    /// The count now.
    var value: Int { atomic.load(ordering: .sequentiallyConsistent) }

    /// Adds one and returns the new count.
    @discardableResult
    func increment() -> Int {
        atomic.add(1, ordering: .sequentiallyConsistent).newValue
    }
}

/// Sends `items` into `queue` on a thread of its own, then finishes it unless `finish` is false; the result is
/// how many were accepted before a send returned false.
func feed<S: Sequence & Sendable>(_ queue: BoundedQueue<S.Element>, _ items: S, finish: Bool = true,
                                  taken: Counter = Counter()) -> Background<Int> where S.Element: Sendable {
    Background {
        var accepted = 0
        for item in items {
            taken.increment()
            guard queue.send(item) else { return accepted }
            accepted += 1
        }
        if finish {
            queue.finish()
        }
        return accepted
    }
}

/// Receives everything from `queue` on a thread of its own until it ends.
func drain<Element: Sendable>(_ queue: BoundedQueue<Element>) -> Background<[Element]> {
    Background {
        var received: [Element] = []
        while let element = queue.receive() {
            received.append(element)
        }
        return received
    }
}

/// True once `condition` holds, false when it did not within 10 s (a bug, not a slow machine).
func eventually(_ condition: () -> Bool) -> Bool {
    waitUntil(timeout: .seconds(10), condition)
}
