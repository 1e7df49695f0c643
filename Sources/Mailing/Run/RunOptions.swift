public import Foundation

/// How a run is sized and what it does; defaults suit a single host.
public struct RunOptions: Sendable {
    /// Letters claimed (and looked up in KRR in one request) per batch.
    public var claimBatchSize: Int
    /// Build/sign/encrypt workers; `buildWorkers: 0` in the pipeline means one per core.
    public var sealWorkers: Int
    /// Letters in flight to the access point at once (the pipeline's `maxInFlight`).
    public var submitWorkers: Int
    /// The job's send rate across all processes (the pipeline's `messagesPerSecond`).
    public var messagesPerSecond: Double
    /// Set for `--dry-run DIR`: build into this folder, send and change nothing.
    public var dryRunDirectory: URL?
    /// Whether to show progress (a live line on a terminal, else a log line every few seconds).
    public var showsProgress: Bool
    /// How long letters wait when KRR stays unavailable past its retries.
    public var krrOutageDelay: TimeInterval
    /// Set to reconcile receipts on a thread beside the run (the command line does unless `--no-receipts`).
    public var receipts: ReceiptServices?

    /// Options; `sealWorkers` 0 means one per active core. `claimBatchSize` nil means about two seconds of
    /// sending at `messagesPerSecond`, between 100 and KRR's 1,000 per request: leases stay short, processes
    /// sharing a job get even shares, and a fast job asks KRR for 1,000 persons at a time.
    public init(claimBatchSize: Int? = nil, sealWorkers: Int = 0, submitWorkers: Int = 32,
                messagesPerSecond: Double = 200, dryRunDirectory: URL? = nil, showsProgress: Bool = false,
                krrOutageDelay: TimeInterval = 30, receipts: ReceiptServices? = nil) {
        let twoSeconds = min(max(Int(min(messagesPerSecond * 2, 1000)), 100), 1000)
        self.claimBatchSize = min(max(claimBatchSize ?? twoSeconds, 1), 1000)
        self.sealWorkers = sealWorkers > 0 ? sealWorkers : ProcessInfo.processInfo.activeProcessorCount
        self.submitWorkers = max(1, submitWorkers)
        self.messagesPerSecond = messagesPerSecond
        self.dryRunDirectory = dryRunDirectory
        self.showsProgress = showsProgress
        self.krrOutageDelay = krrOutageDelay
        self.receipts = receipts
    }
}

/// What a run did.
public struct RunSummary: Sendable, Equatable {
    /// The job.
    public var jobId: Int64
    /// Letters this process brought to `submitted` or a final state (built, for a dry run).
    public var lettersHandled: Int
    /// The job's letters per state when the run ended.
    public var states: [String: Int]
    /// Set when the run stopped early: `paused`, `cancelled`, or the signal's reason.
    public var stoppedBecause: String?
    /// True when the job has no open letters left.
    public var isJobDone: Bool
}
