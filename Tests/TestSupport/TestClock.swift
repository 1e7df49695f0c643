public import Foundation
import Synchronization

/// A clock the tests set and advance, shared by the simulated services and the token client (whole seconds,
/// like JWT times), so receipt delays and forwarding pass without sleeping.
public final class TestClock: Sendable {
    private let current: Mutex<Date>

    /// A clock at `start` (default: now, rounded down to a whole second).
    public init(_ start: Date = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))) {
        current = Mutex(start)
    }

    /// The clock's time.
    public var now: Date { current.withLock { $0 } }

    /// Moves the clock `seconds` ahead.
    public func advance(by seconds: TimeInterval) {
        current.withLock { $0 += seconds }
    }

    /// The clock as the closure the simulators and clients take.
    public var closure: @Sendable () -> Date { { self.now } }
}
