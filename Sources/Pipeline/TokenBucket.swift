public import Foundation
import Synchronization

/// In-process rate limiting: each send takes a token, and tokens come at a steady rate or from a feeder.
///
/// Two ways to fill it:
/// - `init(ratePerSecond:burst:clock:)`: tokens accrue at `ratePerSecond`, up to `burst` saved ones (it starts
///   full, so a run may begin with a burst).
/// - `init(externallyFedWithCapacity:clock:)`: tokens only come from `deposit`, e.g. from a thread that takes
///   them out of a budget shared through the database. That thread watches `wantsTokens` and tops the bucket
///   up by `capacity - available`.
///
/// `pause(until:)` (a 429 with Retry-After) holds every acquirer until then, whatever tokens are saved.
/// A blocked `acquire` looks again at least every `pollInterval` (10 ms), so a deposit, a cancellation or the
/// end of a pause is noticed within that time; polling keeps the waiting simple and costs nothing measurable.
public final class TokenBucket: Sendable {
    /// How long a blocked `acquire` sleeps at most before looking again.
    public static let pollInterval: TimeInterval = 0.01

    private struct State {
        var tokens: Double
        var refilled: Date
        var pausedUntil: Date?
    }

    private let ratePerSecond: Double
    private let limit: Double
    private let isExternallyFed: Bool
    private let clock: @Sendable () -> Date
    private let state: Mutex<State>

    /// A bucket filling at `ratePerSecond` (above 0) that saves at most `burst` (at least 1) tokens; starts full.
    public init(ratePerSecond: Double, burst: Int, clock: @escaping @Sendable () -> Date = Date.init) {
        precondition(ratePerSecond > 0 && burst >= 1, "a TokenBucket needs a positive rate and a burst of at least 1")
        self.ratePerSecond = ratePerSecond
        limit = Double(burst)
        isExternallyFed = false
        self.clock = clock
        state = Mutex(State(tokens: Double(burst), refilled: clock()))
    }

    /// An empty bucket filled only by `deposit`; `capacity` (at least 1) is how many tokens its feeder keeps
    /// in it.
    public init(externallyFedWithCapacity capacity: Int, clock: @escaping @Sendable () -> Date = Date.init) {
        precondition(capacity >= 1, "an externally fed TokenBucket needs a capacity of at least 1")
        ratePerSecond = 0
        limit = Double(capacity)
        isExternallyFed = true
        self.clock = clock
        state = Mutex(State(tokens: 0, refilled: clock()))
    }

    /// Takes a token, blocking until one is there and no pause holds; false (no token taken) once
    /// `cancellation` is cancelled. Call it from a worker thread, not a task.
    public func acquire(cancellation: Cancellation) -> Bool {
        while !cancellation.isCancelled {
            guard let wait = take() else { return true }
            Thread.sleep(forTimeInterval: min(wait, Self.pollInterval))
        }
        return false
    }

    /// Takes a token if one is there now and no pause holds; never blocks.
    public func tryAcquire() -> Bool {
        take() == nil
    }

    /// Adds `tokens` granted from elsewhere (a shared budget). They are kept even past `capacity` or `burst`,
    /// so no granted token is lost.
    public func deposit(_ tokens: Int) {
        state.withLock { $0.tokens += Double(tokens) }
    }

    /// Holds every acquirer until `date` (a later pause wins over an earlier one).
    public func pause(until date: Date) {
        state.withLock { state in
            state.pausedUntil = max(state.pausedUntil ?? date, date)
        }
    }

    /// Whole tokens that could be taken now, pauses aside.
    public var available: Int {
        state.withLock { state in
            refill(&state, now: clock())
            return Int(state.tokens.rounded(.down))
        }
    }

    /// True when an externally fed bucket holds fewer tokens than its capacity: its feeder should fetch
    /// `capacity - available` more. Always false for a bucket that fills itself.
    public var wantsTokens: Bool {
        isExternallyFed && available < Int(limit)
    }

    /// Takes a token, or says how many seconds to wait before one could be there.
    private func take() -> TimeInterval? {
        let now = clock()
        return state.withLock { state -> TimeInterval? in
            refill(&state, now: now)
            if let pausedUntil = state.pausedUntil, pausedUntil > now {
                return pausedUntil.timeIntervalSince(now)
            }
            guard state.tokens >= 1 else {
                return isExternallyFed ? Self.pollInterval : (1 - state.tokens) / ratePerSecond
            }
            state.tokens -= 1
            return nil
        }
    }

    /// Adds the tokens accrued since the last refill, up to `burst`; deposits above it are left alone.
    private func refill(_ state: inout State, now: Date) {
        let elapsed = max(now.timeIntervalSince(state.refilled), 0)
        state.refilled = max(state.refilled, now)
        if state.tokens < limit {
            state.tokens = min(limit, state.tokens + elapsed * ratePerSecond)
        }
    }
}
