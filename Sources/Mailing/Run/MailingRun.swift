public import Foundation
public import Pipeline
import Postgres
import Synchronization

/// Runs one job: claim → route → seal → submit → record, each arrow a bounded queue (ARCHITECTURE.md), until
/// every letter is submitted or final, or `stop` is cancelled (then in-flight letters finish or go back, and
/// the job stays resumable). Safe to start again after any failure, and in several processes at once.
public final class MailingRun {
    private let services: RunServices
    private let options: RunOptions

    /// A run of `services.jobId` with `options`.
    public init(services: RunServices, options: RunOptions) {
        self.services = services
        self.options = options
    }

    /// Sends the job (or builds it into the dry-run folder). Throws when the run cannot go on: the job is not
    /// runnable, the access point refuses the sender, the database stays away; letters it had claimed are
    /// released, and the next run resolves any whose outcome is unknown.
    public func run(stop: Cancellation) throws -> RunSummary {
        let store = try services.makeStore()
        if options.dryRunDirectory != nil {
            return try dryRun(store: store, stop: stop)
        }
        guard let job = try store.job(services.jobId) else {
            throw MailingError(.unknownJob, "there is no job \(services.jobId)")
        }
        guard job.state != .cancelled else {
            throw MailingError(.jobNotRunnable, "job \(job.id) was cancelled; it is not run again")
        }
        try store.begin(job: job.id)
        let open = try store.remainingWork(job: job.id).open
        let progress = ProgressMeter(total: open)
        let display = options.showsProgress ? ProgressDisplay(meter: progress, label: "job \(job.id)") : nil
        display?.start()
        defer { display?.stop() }
        services.logger.info("'\(job.name)': \(open) letters to send")

        let budget = SendBudget(services: services, ratePerSecond: options.messagesPerSecond)
        try budget.start()
        defer { budget.finish() }
        let supervisor = RunSupervisor(services: services, stop: stop)
        try supervisor.start()
        defer { supervisor.finish() }
        let receipts = options.receipts.map { ReceiptWatcher(services: $0) }
        receipts?.start()
        defer { receipts?.finish() }

        do {
            try send(store: store, budget: budget, progress: progress, stop: stop)
        } catch {
            try? store.releaseLeases()
            throw error
        }
        try? store.releaseLeases()
        let done = try store.remainingWork(job: job.id).isDone
        if done { _ = try store.completeIfDone(job: job.id) }
        let reason = supervisor.stoppedBecause.withLock { $0?.rawValue } ?? stop.reason
        return RunSummary(jobId: job.id, lettersHandled: progress.snapshot.done,
                          states: try store.stateCounts(job: job.id),
                          stoppedBecause: done ? nil : reason, isJobDone: done)
    }

    /// The stages joined up; the claim source on its own thread, the recorder on this one.
    private func send(store: JobStore, budget: SendBudget, progress: ProgressMeter, stop: Cancellation) throws {
        let pipeline = Pipeline()
        let claimed = BoundedQueue<[ClaimedLetter]>(capacity: 2)
        let (routed, ready) = routeAndSeal(claimed, on: pipeline, progress: progress, dryRun: false,
                                           sealedCapacity: options.submitWorkers)
        let outcomes = pipeline.add(SubmitStage(services: services, budget: budget, stop: stop),
                                    workers: options.submitWorkers, input: ready, capacity: 256, name: "submit")
        services.runMetrics?.watch(claimed: claimed, routed: routed, sealed: ready, outcomes: outcomes,
                                   progress: progress)
        let sourceFailure = SourceFailure()
        let (services, batchSize) = (services, options.claimBatchSize)
        let sourceDone = try feed(pipeline, failure: sourceFailure, doing: "claiming") { store in
            try ClaimSource(store: store, jobId: services.jobId, batchSize: batchSize, stop: stop,
                            logger: services.logger).run(into: claimed)
        }
        let recorder = OutcomeRecorder(store: store, progress: progress, metrics: services.runMetrics)
        do {
            try recorder.drain(outcomes)
        } catch {
            stop.cancel("recording failed")
            pipeline.cancel("recording failed: \(error)")
            claimed.cancel()
            try? pipeline.wait()
            sourceDone.wait()
            throw error
        }
        sourceDone.wait()
        try pipeline.wait()
        if let error = sourceFailure.error { throw error }
    }

    /// `--dry-run DIR`: the same route and seal stages over a read-only listing of the open letters.
    private func dryRun(store: JobStore, stop: Cancellation) throws -> RunSummary {
        guard let directory = options.dryRunDirectory else { preconditionFailure("not a dry run") }
        guard try store.job(services.jobId) != nil else {
            throw MailingError(.unknownJob, "there is no job \(services.jobId)")
        }
        let open = try store.remainingWork(job: services.jobId).open
        let progress = ProgressMeter(total: open)
        let pipeline = Pipeline()
        let listed = BoundedQueue<[ClaimedLetter]>(capacity: 2)
        let (_, ready) = routeAndSeal(listed, on: pipeline, progress: progress, dryRun: true,
                                      sealedCapacity: options.sealWorkers * 4)
        let listFailure = SourceFailure()
        let (batchSize, jobId) = (options.claimBatchSize, services.jobId)
        let listingDone = try feed(pipeline, failure: listFailure, doing: "listing") { store in
            defer { listed.finish() }
            var after: Int64 = 0
            while !stop.isCancelled {
                let batch = try store.peek(job: jobId, after: after, limit: batchSize)
                guard let last = batch.last, listed.send(batch) else { return }
                after = last.recipientId
            }
        }
        let built = try DryRunWriter(directory: directory, progress: progress).drain(ready)
        listingDone.wait()
        try pipeline.wait()
        if let error = listFailure.error { throw error }
        return RunSummary(jobId: jobId, lettersHandled: built, states: try store.stateCounts(job: jobId),
                          stoppedBecause: stop.reason, isJobDone: false)
    }

    /// The route and seal stages on `pipeline`, reading batches from `batches`: what a send and a dry run share.
    private func routeAndSeal(_ batches: BoundedQueue<[ClaimedLetter]>, on pipeline: Pipeline, progress: ProgressMeter,
                              dryRun: Bool, sealedCapacity: Int)
        -> (routed: BoundedQueue<RoutedLetter>, sealed: BoundedQueue<ReadyLetter>) {
        let routed = pipeline.addFlattening(
            RouteStage(services: services, progress: progress, dryRun: dryRun, outageDelay: options.krrOutageDelay),
            workers: 1, input: batches, capacity: options.sealWorkers * 4, name: "route")
        let sealed = pipeline.add(SealStage(services: services, dryRun: dryRun), workers: options.sealWorkers,
                                  input: routed, capacity: sealedCapacity, name: "seal")
        return (routed, sealed)
    }

    /// Runs `source` on a thread of its own with its own job store, feeding the pipeline; a failure is kept in
    /// `failure` and stops the pipeline. The semaphore is signalled when the source returns.
    private func feed(_ pipeline: Pipeline, failure: SourceFailure, doing what: String,
                      _ source: @escaping @Sendable (JobStore) throws -> Void) throws -> DispatchSemaphore {
        let services = services
        return try WorkerThread.start(setup: { try services.makeStore() }, body: { store in
            do {
                try source(store)
            } catch {
                failure.set(error)
                pipeline.cancel("\(what) failed: \(error)")
            }
        })
    }
}

/// The claim source's error, handed from its thread to the run's.
private final class SourceFailure: Sendable {
    private let stored = Mutex<(any Error)?>(nil)
    func set(_ error: any Error) { stored.withLock { $0 = error } }
    var error: (any Error)? { stored.withLock { $0 } }
}
