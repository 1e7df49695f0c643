public import Foundation
public import Pipeline

extension ReceiptReconciler {
    /// How `reconcile(until:job:stop:)` ended.
    public struct WaitOutcome: Sendable, Equatable {
        /// Everything the passes did.
        public var tally: ReceiptTally
        /// What is still awaited when it ended; `awaiting == 0` means every submitted letter is settled.
        public var backlog: ReceiptBacklog

        /// An outcome from its parts.
        public init(tally: ReceiptTally, backlog: ReceiptBacklog) {
            self.tally = tally
            self.backlog = backlog
        }
    }

    /// Reconciles pass after pass until no letter of `job` (of every job when nil) awaits receipts, `deadline`
    /// passes, or `stop` is cancelled; between passes it waits as `ReceiptPace` says (fast while receipts
    /// arrive, slower while the queue is empty, at least a 429's `Retry-After`).
    public func reconcile(until deadline: Date, job: Int64?, stop: Cancellation) throws -> WaitOutcome {
        var pace = ReceiptPace(fastest: options.fastestPoll, slowest: options.slowestPoll)
        var tally = ReceiptTally()
        while true {
            let pass = try reconcile()
            tally += pass
            let backlog = try store.backlog(job: job)
            let now = services.clock()
            if backlog.awaiting == 0 || now >= deadline || stop.isCancelled {
                return WaitOutcome(tally: tally, backlog: backlog)
            }
            let wait = min(pace.next(received: pass.received, retryAfter: pass.retryAfter),
                           deadline.timeIntervalSince(now))
            Self.sleep(wait, unless: stop)
        }
    }

    /// Sleeps `seconds`, waking early when `stop` is cancelled.
    static func sleep(_ seconds: TimeInterval, unless stop: Cancellation) {
        let end = Date().addingTimeInterval(seconds)
        while !stop.isCancelled, case let left = end.timeIntervalSinceNow, left > 0 {
            Thread.sleep(forTimeInterval: min(left, 0.1))
        }
    }
}
