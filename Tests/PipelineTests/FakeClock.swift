import Foundation
import Synchronization

/// A clock that moves only when told to, so rates and ETAs are exact.
final class FakeClock: Sendable {
    private let now: Mutex<Date>

    /// A clock standing at `start` (by default 2026-11-26T20:00:00Z).
    init(_ start: Date = Date(timeIntervalSince1970: 1_795_723_200)) {
        now = Mutex(start)
    }

    /// The fake time now; pass `clock.read` where a `() -> Date` is wanted.
    @Sendable func read() -> Date {
        now.withLock { $0 }
    }

    /// Moves the time forward.
    func advance(by seconds: TimeInterval) {
        now.withLock { $0 += seconds }
    }
}
