import ErrorDisposition
import Foundation
import Pipeline
import Postgres

/// Feeds the first queue with claimed batches until the job has no open letters left, `stop` is cancelled
/// (pause, cancel, a signal), or the queue is (the pipeline failed). While other processes hold the rest, or letters wait for their retry
/// time, it waits and looks again — a dead holder's letters are taken over as soon as that is safe.
struct ClaimSource {
    let store: JobStore
    let jobId: Int64
    let batchSize: Int
    let stop: Cancellation
    let logger: Logger
    /// How long to wait between looks when there is nothing to claim.
    var idleWait: TimeInterval = 0.5

    /// Claims and sends batches into `queue`, then finishes it.
    func run(into queue: BoundedQueue<[ClaimedLetter]>) throws {
        defer { queue.finish() }
        try store.takeOverDeadLocalLeases(job: jobId)
        while !stop.isCancelled, !queue.isCancelled {
            let batch = try RetryPolicy().run { try store.claim(job: jobId, limit: batchSize) }
            if !batch.isEmpty {
                guard queue.send(batch) else { return }
                continue
            }
            let remaining = try RetryPolicy().run { try store.remainingWork(job: jobId) }
            if remaining.isDone { return }
            if try store.takeOverDeadLocalLeases(job: jobId) > 0 {
                logger.info("took over the letters of a stopped process on this host")
                continue
            }
            Thread.sleep(forTimeInterval: idleWait)
        }
    }
}
