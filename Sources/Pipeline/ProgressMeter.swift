public import Foundation
import Synchronization

/// Counts letters that reached a final state for this run, from any worker, and tells the rate and the
/// time left.
///
/// The rate is taken over a sliding window of the last `window` seconds, so it follows a run that speeds up
/// or slows down (a 429 pause) instead of averaging the whole run. Counts are kept per tenth of a second, so
/// memory stays bounded however many letters are recorded.
public final class ProgressMeter: Sendable {
    /// The length of the sliding window the rate is measured over.
    public static let window: TimeInterval = 10
    private static let slotsPerSecond = 10.0

    private struct State {
        var total: Int
        var done = 0
        var countsByState: [String: Int] = [:]
        /// Letters done per tenth of a second since the start, oldest first, only within the window.
        var recent: [(slot: Int, count: Int)] = []
    }

    /// Where the meter reads the time; `ProgressDisplay` stamps its log lines with it too.
    let clock: @Sendable () -> Date
    private let started: Date
    private let state: Mutex<State>

    /// A meter for a run of `total` letters, starting now by `clock` (a fake one in tests).
    public init(total: Int, clock: @escaping @Sendable () -> Date = Date.init) {
        self.clock = clock
        started = clock()
        state = Mutex(State(total: total))
    }

    /// Counts `count` letters that reached `state` ("submitted", "unreachable", "rejected", ...), a state
    /// final for this run; each counts toward done.
    public func record(_ state: String, count: Int = 1) {
        let slot = self.slot(at: clock())
        self.state.withLock { meter in
            meter.done += count
            meter.countsByState[state, default: 0] += count
            if let last = meter.recent.last, last.slot == slot {
                meter.recent[meter.recent.count - 1].count += count
            } else {
                meter.recent.append((slot, count))
            }
            Self.forget(&meter, before: slot)
        }
    }

    /// Raises the total by `total` letters (more letters were found for the run).
    public func add(total: Int) {
        state.withLock { $0.total += total }
    }

    /// The counts, rate and time left now.
    public var snapshot: ProgressSnapshot {
        let now = clock()
        let elapsed = max(now.timeIntervalSince(started), 0)
        let slot = self.slot(at: now)
        return state.withLock { meter in
            Self.forget(&meter, before: slot)
            let span = min(elapsed, Self.window)
            let rate = span > 0 ? Double(meter.recent.reduce(0) { $0 + $1.count }) / span : 0
            let remaining = max(meter.total - meter.done, 0)
            let eta: TimeInterval? = remaining == 0 ? 0 : rate > 0 ? Double(remaining) / rate : nil
            return ProgressSnapshot(total: meter.total, done: meter.done, countsByState: meter.countsByState,
                                    elapsed: elapsed, lettersPerSecond: rate, eta: eta)
        }
    }

    /// The tenth of a second since the start that `date` falls in.
    private func slot(at date: Date) -> Int {
        Int((max(date.timeIntervalSince(started), 0) * Self.slotsPerSecond).rounded(.down))
    }

    /// Drops the counts older than the window ending in `slot`.
    private static func forget(_ meter: inout State, before slot: Int) {
        let oldest = slot - Int(window * slotsPerSecond)
        if let keep = meter.recent.firstIndex(where: { $0.slot > oldest }) {
            meter.recent.removeFirst(keep)
        } else {
            meter.recent.removeAll()
        }
    }
}
