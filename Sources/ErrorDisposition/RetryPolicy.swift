import Foundation

/// Retries work that failed with a transient error, waiting with jittered exponential backoff between tries.
///
/// Blocking (it sleeps the calling thread): meant for the worker threads that own a `Connection`. With the
/// defaults, the wait before retry *n* is drawn uniformly from [nominal/2, nominal] ("equal jitter", so workers
/// that failed together do not retry together):
///
/// | retry | nominal | actual wait   |
/// |-------|---------|---------------|
/// | 1     | 0.1 s   | 0.05–0.1 s    |
/// | 2     | 0.2 s   | 0.1–0.2 s     |
/// | 3     | 0.4 s   | 0.2–0.4 s     |
/// | 4     | 0.8 s   | 0.4–0.8 s     |
/// | 5     | 1.6 s   | 0.8–1.6 s     |
/// | 6     | 3.2 s   | 1.6–3.2 s     |
/// | 7     | 6.4 s   | 3.2–6.4 s     |
/// | 8, 9  | 10 s    | 5–10 s (cap)  |
///
/// It gives up after `maxAttempts` tries (default 10: 16–33 s of waiting in all, enough for a PostgreSQL
/// restart or failover) or when the next wait would end after `timeLimit` since the first try (default 120 s),
/// rethrowing the last error.
public struct RetryPolicy: Sendable {
    /// Tries in all, the first included.
    public var maxAttempts: Int
    /// The nominal wait before the first retry; doubled for each further retry.
    public var initialDelay: Duration
    /// The largest nominal wait.
    public var maxDelay: Duration
    /// No retry starts later than this after the first try.
    public var timeLimit: Duration

    /// A policy; the defaults give the table above.
    public init(maxAttempts: Int = 10, initialDelay: Duration = .milliseconds(100), maxDelay: Duration = .seconds(10),
                timeLimit: Duration = .seconds(120)) {
        self.maxAttempts = maxAttempts
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.timeLimit = timeLimit
    }

    /// The nominal (un-jittered) wait before retry `retry` (1-based).
    public func nominalDelay(beforeRetry retry: Int) -> Duration {
        let doublings = min(max(retry - 1, 0), 30)
        return min(initialDelay * (1 << doublings), maxDelay)
    }

    /// A jittered wait before retry `retry`: uniform in [nominal/2, nominal].
    public func delay(beforeRetry retry: Int) -> Duration {
        let nominal = nominalDelay(beforeRetry: retry)
        return nominal / 2 + nominal / 2 * Double.random(in: 0...1)
    }

    /// Runs `body`, retrying it while it throws errors `isTransient` accepts (by default any `ClassifiedError` with
    /// disposition `.retry`); `onRetry` sees each such error, the retry number and the wait, e.g. to log them.
    public func run<T>(isTransient: (any Error) -> Bool = { ($0 as? any ClassifiedError)?.disposition == .retry },
                       onRetry: (any Error, Int, Duration) -> Void = { _, _, _ in },
                       _ body: () throws -> T) throws -> T {
        let clock = ContinuousClock()
        let deadline = clock.now + timeLimit
        var attempt = 1
        while true {
            do {
                return try body()
            } catch {
                let wait = delay(beforeRetry: attempt)
                guard isTransient(error), attempt < maxAttempts, clock.now + wait <= deadline else { throw error }
                onRetry(error, attempt, wait)
                Thread.sleep(forTimeInterval: wait.inSeconds)
                attempt += 1
            }
        }
    }
}
