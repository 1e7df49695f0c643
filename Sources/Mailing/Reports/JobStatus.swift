public import Foundation
public import Postgres

/// One job's progress as `dpi-batch status` shows it: its state, letters per state and per channel from
/// `dpi.job_summary`, the send rate over the last minute and, while it runs, an estimate of the time left.
public struct JobStatus: Sendable, Equatable, Encodable {
    /// The job id.
    public var jobId: Int64
    /// The job's name.
    public var name: String
    /// The job's state (`ready`, `running`, `paused`, `completed`, `cancelled`, `failed`).
    public var state: String
    /// Letters in the job.
    public var total: Int
    /// Letters per letter state, every state listed (zero included) so scripts need no defaults.
    public var states: [String: Int]
    /// Letters per channel: `digital`, `print`, and `none` for letters not (yet) routed to either.
    public var channels: [String: Int]
    /// Letters whose e-mail/SMS notice failed (still delivered).
    public var notificationFailed: Int
    /// Letters submitted per second over the last minute (`dpi.delivery.submitted_at`).
    public var lettersPerSecond: Double
    /// Seconds until every open letter is submitted at that rate; nil unless the job runs and sends.
    public var etaSeconds: Double?
    /// The scheduled start, creation, first start and finish times.
    public var notBefore: Date?, createdAt: Date, startedAt: Date?, finishedAt: Date?

    /// The states of `dpi.job_summary`, in the order letters move through them.
    public static let letterStates = ["pending", "routed", "submitting", "submitted", "delivered", "opened",
                                      "accepted_for_print", "posted", "returned", "unreachable", "rejected",
                                      "failed", "expired"]

    /// Letters still to be submitted (pending, routed, submitting).
    public var open: Int { JobStore.openStates.reduce(0) { $0 + (states[$1] ?? 0) } }

    init(row: Row, submittedLastMinute: Int) throws {
        jobId = try row.decode("job_id")
        name = try row.decode("name")
        state = try row.decode("job_state")
        total = Int(try row.decode("total", as: Int64.self))
        var states: [String: Int] = [:]
        for name in Self.letterStates {
            states[name] = Int(try row.decode(name, as: Int64.self))
        }
        self.states = states
        let digital = Int(try row.decode("digital", as: Int64.self))
        let print = Int(try row.decode("print", as: Int64.self))
        channels = ["digital": digital, "print": print, "none": total - digital - print]
        notificationFailed = Int(try row.decode("notification_failed", as: Int64.self))
        notBefore = try row.decode("not_before")
        createdAt = try row.decode("created_at")
        startedAt = try row.decode("started_at")
        finishedAt = try row.decode("finished_at")
        lettersPerSecond = Double(submittedLastMinute) / 60
        etaSeconds = nil
        if state == "running", lettersPerSecond > 0 {
            etaSeconds = (Double(open) / lettersPerSecond).rounded()
        }
    }

    enum CodingKeys: String, CodingKey {
        case jobId = "job_id", name, state, total, states, channels, notificationFailed = "notification_failed"
        case lettersPerSecond = "letters_per_second", etaSeconds = "eta_seconds", notBefore = "not_before"
        case createdAt = "created_at", startedAt = "started_at", finishedAt = "finished_at"
    }

    /// Every key, unknown values as `null`, so scripts see the same shape for every job.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(jobId, forKey: .jobId)
        try container.encode(name, forKey: .name)
        try container.encode(state, forKey: .state)
        try container.encode(total, forKey: .total)
        try container.encode(states, forKey: .states)
        try container.encode(channels, forKey: .channels)
        try container.encode(notificationFailed, forKey: .notificationFailed)
        try container.encode(lettersPerSecond, forKey: .lettersPerSecond)
        try container.encode(etaSeconds, forKey: .etaSeconds)
        try container.encode(notBefore, forKey: .notBefore)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(startedAt, forKey: .startedAt)
        try container.encode(finishedAt, forKey: .finishedAt)
    }
}

extension JobStatus {
    /// The statuses of every job (oldest first), or of `job` alone (empty when there is no such job). Two
    /// queries: the summary view and the last minute's submissions.
    public static func read(_ connection: Connection, job: Int64? = nil) throws -> [JobStatus] {
        let rows = try connection.query("""
            SELECT * FROM dpi.job_summary WHERE \(job)::bigint IS NULL OR job_id = \(job) ORDER BY job_id
            """)
        var recent: [Int64: Int] = [:]
        for row in try connection.query("""
            SELECT job_id, count(*) AS n FROM dpi.delivery
            WHERE submitted_at > now() - interval '1 minute' AND (\(job)::bigint IS NULL OR job_id = \(job))
            GROUP BY job_id
            """) {
            recent[try row.decode("job_id")] = Int(try row.decode("n", as: Int64.self))
        }
        return try rows.map { row in
            try JobStatus(row: row, submittedLastMinute: recent[try row.decode("job_id")] ?? 0)
        }
    }
}
