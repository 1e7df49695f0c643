public import Foundation
import Postgres

/// Tokens granted from a job's shared rate budget, and how long sending is paused after a 429.
public struct RateGrant: Sendable, Equatable {
    /// Letters this process may send now.
    public var tokens: Int
    /// Seconds until the 429 pause that some process recorded ends (0 when not paused).
    public var pausedFor: TimeInterval
}

extension JobStore {
    /// Takes up to `wanted` tokens from `job`'s bucket (refilled at `ratePerSecond`, holding at most
    /// `burst`; `openBudget` first). One statement, row-locked, so every process of the job draws from the
    /// same budget (ARCHITECTURE.md, "Scale"). Nothing is granted while a 429 pause lasts.
    public func grantTokens(job: Int64, wanted: Int, ratePerSecond: Double, burst: Int) throws -> RateGrant {
        let rows = try connection.query("""
            WITH bucket AS (
                SELECT job_id, tokens, refilled_at, blocked_until FROM dpi.rate_budget
                WHERE job_id = \(job) FOR UPDATE),
            state AS (
                SELECT job_id, blocked_until,
                       least(\(Double(burst)), tokens + extract(epoch FROM clock_timestamp() - refilled_at)
                             * \(ratePerSecond)) AS available
                FROM bucket),
            grant_ AS (
                SELECT job_id, available, blocked_until,
                       CASE WHEN blocked_until > clock_timestamp() THEN 0
                            ELSE least(floor(available)::int, \(wanted)) END AS granted
                FROM state)
            UPDATE dpi.rate_budget r
            SET tokens = g.available - g.granted, refilled_at = clock_timestamp()
            FROM grant_ g WHERE r.job_id = g.job_id
            RETURNING g.granted,
                      extract(epoch FROM greatest(g.blocked_until - clock_timestamp(), interval '0'))::float8
                          AS paused_for
            """)
        guard let row = rows.first else { return RateGrant(tokens: 0, pausedFor: 0) }
        return RateGrant(tokens: Int(try row.decode("granted", as: Int32.self)),
                         pausedFor: try row.decode("paused_for", as: Double?.self) ?? 0)
    }

    /// Creates `job`'s bucket, full (`burst` tokens), unless another process already did.
    public func openBudget(job: Int64, burst: Int) throws {
        try connection.execute("""
            INSERT INTO dpi.rate_budget (job_id, tokens) VALUES (\(job), \(Double(burst)))
            ON CONFLICT (job_id) DO NOTHING
            """)
    }

    /// Pauses every process of `job` for `seconds` (a 429's Retry-After), never shortening a longer pause.
    public func pauseSending(job: Int64, for seconds: TimeInterval) throws {
        try connection.execute("""
            UPDATE dpi.rate_budget
            SET blocked_until = greatest(coalesce(blocked_until, '-infinity'),
                                         clock_timestamp() + \(seconds) * interval '1 second'),
                rejections = rejections + 1
            WHERE job_id = \(job)
            """)
    }
}
