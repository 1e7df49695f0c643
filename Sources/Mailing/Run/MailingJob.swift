public import Foundation
import Postgres

/// One `dpi.mailing_job` row.
public struct MailingJob: Sendable, Equatable {
    /// The job's states (PRODUCT.md).
    public enum State: String, Sendable, CaseIterable {
        case ready, running, paused, completed, cancelled, failed
    }

    /// The job id.
    public var id: Int64
    /// The job's name.
    public var name: String
    /// The pipeline definition as stored (jsonb text).
    public var pipelineJSON: String
    /// The job's state.
    public var state: State
    /// The scheduled start, if any.
    public var notBefore: Date?

    init(row: Row) throws {
        id = try row.decode("id")
        name = try row.decode("name")
        pipelineJSON = try row.decode("pipeline")
        let stateText: String = try row.decode("state")
        guard let state = State(rawValue: stateText) else {
            throw MailingError(.corruptRow, "job \(id) has the unknown state \(stateText)")
        }
        self.state = state
        notBefore = try row.decode("not_before")
    }
}

extension JobStore {
    /// The job with `id`, or nil.
    public func job(_ id: Int64) throws -> MailingJob? {
        try connection.query("""
            SELECT id, name, pipeline::text AS pipeline, state, not_before FROM dpi.mailing_job WHERE id = \(id)
            """).first.map(MailingJob.init(row:))
    }

    /// Jobs `run --due` should work on: ready or running, with `not_before` passed or unset, oldest first.
    /// Paused, cancelled and completed jobs are left alone.
    public func dueJobs() throws -> [Int64] {
        try connection.query("""
            SELECT id FROM dpi.mailing_job
            WHERE state IN ('ready', 'running') AND (not_before IS NULL OR not_before <= now())
            ORDER BY coalesce(not_before, created_at), id
            """).map { try $0.decode("id") }
    }

    /// Marks `job` running (from ready or paused: an explicit run resumes a paused job) and sets
    /// `started_at` the first time. Returns the state it was in.
    @discardableResult
    public func begin(job: Int64) throws -> MailingJob.State? {
        let rows = try connection.query("""
            WITH before AS (SELECT id, state FROM dpi.mailing_job WHERE id = \(job) FOR UPDATE)
            UPDATE dpi.mailing_job j
            SET state = CASE WHEN before.state IN ('ready', 'paused', 'running', 'failed') THEN 'running'
                             ELSE j.state END,
                started_at = coalesce(j.started_at, now())
            FROM before WHERE j.id = before.id
            RETURNING before.state
            """)
        return try rows.first.flatMap { MailingJob.State(rawValue: try $0.decode("state")) }
    }

    /// The job's current state (checked between claims, to notice `pause` and `cancel`).
    public func state(of job: Int64) throws -> MailingJob.State? {
        try connection.query("SELECT state FROM dpi.mailing_job WHERE id = \(job)").first
            .flatMap { MailingJob.State(rawValue: try $0.decode("state")) }
    }

    /// Marks a running job completed once nothing is left to send; a paused or cancelled job keeps its state.
    public func completeIfDone(job: Int64) throws -> Bool {
        try connection.execute("""
            UPDATE dpi.mailing_job SET state = 'completed', finished_at = now()
            WHERE id = \(job) AND state = 'running'
              AND NOT EXISTS (SELECT 1 FROM dpi.delivery WHERE job_id = \(job)
                              AND state IN ('pending', 'routed', 'submitting'))
            """) == 1
    }

    /// Moves `job` to `state` when it is in one of `from`; returns whether it moved.
    public func transition(job: Int64, to state: MailingJob.State, from: [MailingJob.State]) throws -> Bool {
        let finished = state == .cancelled || state == .completed
        return try connection.execute("""
            UPDATE dpi.mailing_job
            SET state = \(state.rawValue),
                finished_at = CASE WHEN \(finished) THEN now() ELSE finished_at END
            WHERE id = \(job) AND state = ANY(\(from.map(\.rawValue)))
            """) == 1
    }
}
