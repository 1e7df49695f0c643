import Foundation
import Pipeline
import Postgres
import Synchronization

/// The submit workers' rate limit: a local token bucket fed in small grants from the job's shared budget in
/// PostgreSQL (`dpi.rate_budget`), so `messagesPerSecond` holds for the job across every process and host.
/// A 429 pauses this process at once and, through the table, every other process of the job.
final class SendBudget: Sendable {
    private let bucket: TokenBucket
    private let jobId: Int64
    private let ratePerSecond: Double
    private let burst: Int
    private let grantSize: Int
    private let databaseURL: String
    private let owner: LeaseOwner
    private let logger: Logger
    private let pendingPause = Mutex<TimeInterval?>(nil)
    private let finished = Mutex(false)
    private let feederDone = Mutex<DispatchSemaphore?>(nil)

    /// A budget for `jobId` at `ratePerSecond` (bursts of at most a fifth of a second's worth).
    init(services: RunServices, ratePerSecond: Double) {
        jobId = services.jobId
        self.ratePerSecond = ratePerSecond
        burst = max(1, Int(ratePerSecond / 5))
        grantSize = max(1, min(burst, Int(ratePerSecond / 20)))
        bucket = TokenBucket(externallyFedWithCapacity: max(1, Int(ratePerSecond / 5)))
        databaseURL = services.databaseURL
        owner = services.owner
        logger = services.logger
    }

    /// Starts the feeder thread (its own connection); call `finish()` when the run ends.
    func start() throws {
        let (databaseURL, owner, jobId, burst) = (databaseURL, owner, jobId, burst)
        let done = try WorkerThread.start(setup: {
            let store = JobStore(connection: try Connection(databaseURL), owner: owner)
            try store.openBudget(job: jobId, burst: burst)
            return store
        }, body: { [self] store in feed(store) })
        feederDone.withLock { $0 = done }
    }

    /// Blocks until this process may send one letter; false when `stop` was cancelled meanwhile.
    func acquire(stop: Cancellation) -> Bool {
        bucket.acquire(cancellation: stop)
    }

    /// Records a 429: this process pauses now, the others once the feeder has written the pause.
    func rateLimited(retryAfter: TimeInterval) {
        bucket.pause(until: Date().addingTimeInterval(retryAfter))
        pendingPause.withLock { $0 = max($0 ?? 0, retryAfter) }
    }

    /// Stops the feeder and waits for it.
    func finish() {
        finished.withLock { $0 = true }
        feederDone.withLock { $0 }?.wait()
    }

    private func feed(_ store: JobStore) {
        while !finished.withLock({ $0 }) {
            do {
                if let pause = pendingPause.withLock({ value in defer { value = nil }; return value }) {
                    try store.pauseSending(job: jobId, for: pause)
                }
                guard bucket.wantsTokens else {
                    Thread.sleep(forTimeInterval: 0.005)
                    continue
                }
                let grant = try store.grantTokens(job: jobId, wanted: grantSize, ratePerSecond: ratePerSecond,
                                                  burst: burst)
                if grant.pausedFor > 0 { bucket.pause(until: Date().addingTimeInterval(grant.pausedFor)) }
                if grant.tokens > 0 {
                    bucket.deposit(grant.tokens)
                } else {
                    Thread.sleep(forTimeInterval: max(0.005, min(Double(grantSize) / ratePerSecond,
                                                                 grant.pausedFor > 0 ? grant.pausedFor : 1)))
                }
            } catch {
                logger.warning("rate budget unavailable (\(error)); retrying in 1 s")
                Thread.sleep(forTimeInterval: 1)
            }
        }
    }
}
