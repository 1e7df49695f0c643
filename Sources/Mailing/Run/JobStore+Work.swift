public import Foundation
import Postgres

/// How much of a job is left for the run, as `JobStore.remainingWork(job:)` sees it.
public struct RemainingWork: Sendable, Equatable {
    /// Letters still pending, routed or with a submission to resolve.
    public var open: Int
    /// Of those, the ones another live process holds.
    public var leasedElsewhere: Int
    /// The earliest scheduled retry among the open letters, if any.
    public var nextRetryAt: Date?

    /// True when nothing is left: every letter is submitted or final.
    public var isDone: Bool { open == 0 }
}

extension JobStore {
    /// The states of letters a run still has to work on.
    public static let openStates: Set<String> = ["pending", "routed", "submitting"]

    /// What is left of `job` (one query).
    public func remainingWork(job: Int64) throws -> RemainingWork {
        let rows = try connection.query("""
            SELECT count(*) AS open,
                   count(*) FILTER (WHERE lease_owner IS NOT NULL AND lease_owner <> \(owner.id)
                                      AND lease_expires_at >= clock_timestamp()) AS leased_elsewhere,
                   min(next_attempt_at) AS next_retry_at
            FROM dpi.delivery
            WHERE job_id = \(job) AND state IN ('pending', 'routed', 'submitting')
            """)
        guard let row = rows.first else { return RemainingWork(open: 0, leasedElsewhere: 0, nextRetryAt: nil) }
        return RemainingWork(open: Int(try row.decode("open", as: Int64.self)),
                             leasedElsewhere: Int(try row.decode("leased_elsewhere", as: Int64.self)),
                             nextRetryAt: try row.decode("next_retry_at"))
    }

    /// Counts of `job`'s letters per state (for progress at start and the summary at the end).
    public func stateCounts(job: Int64) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try connection.query("""
            SELECT state, count(*) AS n FROM dpi.delivery WHERE job_id = \(job) GROUP BY state
            """) {
            counts[try row.decode("state")] = Int(try row.decode("n", as: Int64.self))
        }
        return counts
    }
}
