import ErrorDisposition
import Foundation
import Pipeline
import Postgres

/// The run's sink: drains the submit stage and writes outcomes in batches — one statement per `batchSize`
/// letters or per `interval`, whichever comes first — then counts the letters that are done (submitted or
/// final; a letter put back for a later attempt is not) for the progress display. A write
/// that fails for a transient reason (the database restarting) is retried with backoff; if the database
/// stays away the run stops, and the letters written as routed are resolved by the next run.
struct OutcomeRecorder {
    let store: JobStore
    let progress: ProgressMeter
    var batchSize = 200
    var interval: TimeInterval = 0.25
    var retry = RetryPolicy()
    /// Counts each recorded outcome by state, when the run keeps metrics.
    var metrics: RunMetrics?

    /// Drains `outcomes` until it ends; returns the number of letters recorded.
    @discardableResult
    func drain(_ outcomes: BoundedQueue<LetterUpdate>) throws -> Int {
        var pending: [LetterUpdate] = []
        var recorded = 0
        var deadline = DispatchTime.now() + interval
        while true {
            switch outcomes.receive(before: deadline) {
            case .element(let update):
                pending.append(update)
                guard pending.count >= batchSize else { continue }
            case .timedOut:
                break
            case .ended:
                recorded += try flush(&pending)
                return recorded
            }
            recorded += try flush(&pending)
            deadline = DispatchTime.now() + interval
        }
    }

    private func flush(_ pending: inout [LetterUpdate]) throws -> Int {
        guard !pending.isEmpty else { return 0 }
        let batch = pending
        let states = try retry.run { try store.apply(batch) }
        for update in batch {
            let state = states[update.recipientId] ?? update.state
            metrics?.recorded(state: state)
            if !JobStore.openStates.contains(state) { progress.record(state) }
        }
        pending.removeAll(keepingCapacity: true)
        return batch.count
    }
}
