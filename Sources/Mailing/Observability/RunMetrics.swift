import AccessPoint
import Pipeline

/// The metrics of dpi-batch (names documented in the README, "Metrics"), and the handle a run's stages use
/// to bump them for one job.
public struct RunMetrics: Sendable {
    /// Letters of a job per state, from the database (`job`, `state`).
    public static let letters = "dpi_batch_letters"
    /// Letter outcomes this process recorded, by state (`job`, `state`).
    public static let recorded = "dpi_batch_letters_recorded_total"
    /// Letters this process brought to submitted or a final state per second, over the last 10 s (`job`).
    public static let lettersPerSecond = "dpi_batch_letters_per_second"
    /// Letters being submitted to the access point right now (`job`).
    public static let inFlight = "dpi_batch_letters_in_flight"
    /// Answers of the access point to submissions, by class (`job`, `answer`).
    public static let answers = "dpi_batch_access_point_answers_total"
    /// 429 Too Many Requests answers (`job`).
    public static let rateLimited = "dpi_batch_rate_limited_total"
    /// Items waiting in each bounded queue between the stages (`job`, `queue`).
    public static let queueDepth = "dpi_batch_queue_depth"
    /// Receipt lag in seconds (`job`): how long the oldest letter still without its first receipt has waited
    /// since it was submitted (read from the database with the letter counts).
    public static let receiptLag = "dpi_batch_receipt_lag_seconds"

    /// A registry with every dpi-batch metric declared.
    public static func registry() -> Metrics {
        let metrics = Metrics()
        metrics.register(letters, .gauge, help: "Letters of the job per state, read from the database.")
        metrics.register(recorded, .counter, help: "Letter outcomes this process recorded, by state.")
        metrics.register(lettersPerSecond, .gauge,
                         help: "Letters this process brought to submitted or a final state per second, last 10 s.")
        metrics.register(inFlight, .gauge, help: "Letters being submitted to the access point right now.")
        metrics.register(answers, .counter, help: "Answers of the access point to submissions, by class.")
        metrics.register(rateLimited, .counter, help: "429 Too Many Requests answers from the access point.")
        metrics.register(queueDepth, .gauge, help: "Items waiting in each bounded queue between run stages.")
        metrics.register(receiptLag, .gauge,
                         help: "Seconds the oldest submitted letter without a receipt has waited since submission.")
        return metrics
    }

    /// The registry.
    public let metrics: Metrics
    /// The job's label.
    public let job: String

    /// The handle for `jobId` on `metrics`.
    public init(metrics: Metrics, jobId: Int64) {
        self.metrics = metrics
        job = String(jobId)
    }

    /// Counts an outcome written to the database.
    func recorded(state: String) {
        metrics.add(Self.recorded, labels: ["job": job, "state": state])
    }

    /// Counts the access point's answer to one submission (and a 429 on its own counter too).
    func answered(_ outcome: SendOutcome) {
        metrics.add(Self.answers, labels: ["job": job, "answer": outcome.metricLabel])
        if case .rateLimited = outcome { metrics.add(Self.rateLimited, labels: ["job": job]) }
    }

    /// One more (`+1`) or one fewer (`-1`) letter in flight.
    func inFlight(_ delta: Double) {
        metrics.add(Self.inFlight, delta, labels: ["job": job])
    }

    /// Reads the depth of `queue` (named `name`) whenever the metrics are rendered.
    func watch<Element>(_ queue: BoundedQueue<Element>, name: String) {
        metrics.sample(Self.queueDepth, labels: ["job": job, "queue": name]) { Double(queue.count) }
    }

    /// Reads the run's rate from its progress meter whenever the metrics are rendered.
    func watch(_ progress: ProgressMeter) {
        metrics.sample(Self.lettersPerSecond, labels: ["job": job]) { progress.snapshot.lettersPerSecond }
    }
}

extension SendOutcome {
    /// The `answer` label: the outcome's case in snake case.
    var metricLabel: String {
        switch self {
        case .accepted: "accepted"
        case .rejected: "rejected"
        case .unauthorized: "unauthorized"
        case .forbidden: "forbidden"
        case .rateLimited: "rate_limited"
        case .unavailable: "unavailable"
        case .uncertain: "uncertain"
        case .notSent: "not_sent"
        case .failed: "failed"
        }
    }
}

extension RunMetrics {
    /// Samples the depth of each queue between the run's stages and the run's rate at every rendering.
    func watch<A, B, C, D>(claimed: BoundedQueue<A>, routed: BoundedQueue<B>, sealed: BoundedQueue<C>,
                           outcomes: BoundedQueue<D>, progress: ProgressMeter) {
        watch(claimed, name: "claimed")
        watch(routed, name: "routed")
        watch(sealed, name: "sealed")
        watch(outcomes, name: "outcomes")
        watch(progress)
    }
}

extension RunServices {
    /// The run's metrics handle for its job, when it keeps metrics.
    var runMetrics: RunMetrics? { metrics.map { RunMetrics(metrics: $0, jobId: jobId) } }
}
