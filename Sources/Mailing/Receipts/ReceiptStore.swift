import Foundation
public import Postgres

/// Reconciliation's SQL: the letters receipts answer, one transaction per page that stores receipts and
/// quarantined items and moves letters forward, and what is still awaited. One per thread (it wraps a
/// `Connection`).
public final class ReceiptStore {
    /// The connection the store uses.
    public let connection: Connection

    /// A store on `connection`.
    public init(connection: Connection) {
        self.connection = connection
    }

    /// A letter a receipt names by its conversation id.
    struct Letter: Sendable {
        let recipientId: Int64
        let providerOrgno: String?
        let channel: String?
    }

    /// The letters with these conversation ids (one query).
    func letters(conversations: [UUID]) throws -> [UUID: Letter] {
        guard !conversations.isEmpty else { return [:] }
        var letters: [UUID: Letter] = [:]
        for row in try connection.query("""
            SELECT conversation_id, recipient_id, provider_orgno, channel FROM dpi.delivery
            WHERE conversation_id = ANY(\(conversations))
            """) {
            letters[try row.decode("conversation_id")] = Letter(
                recipientId: try row.decode("recipient_id"), providerOrgno: try row.decode("provider_orgno"),
                channel: try row.decode("channel"))
        }
        return letters
    }

    /// The `avsenderidentifikator` values of every job's pipeline: receipts of letters sent with one are
    /// polled with it (spec 10.4), and nil stands for letters sent without one.
    func senderIdentifiers() throws -> [String?] {
        let named: [String?] = try connection.query("""
            SELECT DISTINCT pipeline->'sender'->>'avsenderidentifikator' AS id FROM dpi.mailing_job
            WHERE pipeline->'sender'->>'avsenderidentifikator' IS NOT NULL ORDER BY 1
            """).map { try $0.decode("id", as: String.self) }
        return [nil] + named
    }

    /// How many letters of `job` (every job when nil) still await receipts, and how many are not yet submitted.
    public func backlog(job: Int64?) throws -> ReceiptBacklog {
        let row = try connection.query("""
            SELECT count(*) FILTER (WHERE state IN ('submitted', 'accepted_for_print')) AS awaiting,
                   count(*) FILTER (WHERE state IN ('pending', 'routed', 'submitting')) AS unsent
            FROM dpi.delivery WHERE \(job)::bigint IS NULL OR job_id = \(job)
            """)[0]
        return ReceiptBacklog(awaiting: Int(try row.decode("awaiting", as: Int64.self)),
                              unsent: Int(try row.decode("unsent", as: Int64.self)))
    }

    /// Whether job `id` exists.
    public func jobExists(_ id: Int64) throws -> Bool {
        try !connection.query("SELECT 1 FROM dpi.mailing_job WHERE id = \(id)").isEmpty
    }
}

/// Letters still waiting for receipts, as `ReceiptStore.backlog(job:)` counts them.
public struct ReceiptBacklog: Sendable, Equatable {
    /// Letters `submitted` or `accepted_for_print`: not settled until a delivery (posting) receipt, a `feil`
    /// or expiry. `delivered` settles a digital letter even when it asked for an opening receipt, since the
    /// citizen may never open it; an `aapningskvittering` that comes later still moves it to `opened`.
    public var awaiting: Int
    /// Letters not yet submitted (`pending`, `routed`, `submitting`): the run's work, not reconciliation's.
    public var unsent: Int

    /// A backlog from its counts.
    public init(awaiting: Int, unsent: Int) {
        self.awaiting = awaiting
        self.unsent = unsent
    }
}
