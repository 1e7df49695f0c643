public import Foundation
public import Postgres

/// The run's SQL: claiming letters under a lease, writing what the stages learned in batches, and the
/// job's own state. One per thread (it wraps a `Connection`); every method is one round trip unless it says
/// otherwise.
public final class JobStore {
    /// The connection the store uses; also usable for the caller's own statements.
    public let connection: Connection
    /// Who this process is in `lease_owner`.
    public let owner: LeaseOwner
    /// How long a claim lasts without renewal; a process that stops renewing loses its letters after this.
    public let leaseDuration: TimeInterval

    /// A store on `connection` for `owner`.
    public init(connection: Connection, owner: LeaseOwner, leaseDuration: TimeInterval = 60) {
        self.connection = connection
        self.owner = owner
        self.leaseDuration = leaseDuration
    }

    /// Leases up to `limit` letters of `job` that still need work (pending, routed, or a submission to
    /// resolve), are not leased by a live holder and are not waiting for a retry time. `FOR UPDATE SKIP
    /// LOCKED`, so processes claiming at once get disjoint letters.
    public func claim(job: Int64, limit: Int) throws -> [ClaimedLetter] {
        let rows = try connection.query("""
            WITH claimable AS (
                SELECT recipient_id FROM dpi.delivery
                WHERE job_id = \(job) AND state IN ('pending', 'routed', 'submitting')
                  AND (lease_expires_at IS NULL OR lease_expires_at < clock_timestamp())
                  AND (next_attempt_at IS NULL OR next_attempt_at <= clock_timestamp())
                ORDER BY recipient_id
                LIMIT \(limit)
                FOR UPDATE SKIP LOCKED)
            UPDATE dpi.delivery d
            SET lease_owner = \(owner.id),
                lease_expires_at = clock_timestamp() + \(leaseDuration) * interval '1 second',
                updated_at = now()
            FROM claimable c, dpi.recipient r
            WHERE d.recipient_id = c.recipient_id AND r.id = d.recipient_id
            RETURNING \(Self.letterColumns)
            """)
        return try rows.map(ClaimedLetter.init(row:)).sorted { $0.recipientId < $1.recipientId }
    }

    /// Reads up to `limit` open letters of `job` after `recipientId`, without claiming them: for a dry run,
    /// which must change nothing.
    public func peek(job: Int64, after recipientId: Int64, limit: Int) throws -> [ClaimedLetter] {
        try connection.query("""
            SELECT \(Self.letterColumns)
            FROM dpi.delivery d JOIN dpi.recipient r ON r.id = d.recipient_id
            WHERE d.job_id = \(job) AND d.state IN ('pending', 'routed', 'submitting') AND d.recipient_id > \(recipientId)
            ORDER BY d.recipient_id
            LIMIT \(limit)
            """).map(ClaimedLetter.init(row:))
    }

    /// The columns `ClaimedLetter` reads, from `dpi.delivery d` and `dpi.recipient r`.
    private static let letterColumns = SQL(unescaped: """
        d.recipient_id, r.external_ref, r.person_id, r.name, r.address_lines, r.postal_code, r.city,
        r.country_code, r.document_path, d.state, d.message_id, d.conversation_id, d.expires_at, d.attempts
        """)

    /// Writes `updates` in one statement and returns the state each letter is in afterwards (a receipt may
    /// already have moved it further). Letters whose update keeps no lease are released.
    @discardableResult
    public func apply(_ updates: [LetterUpdate]) throws -> [Int64: String] {
        guard !updates.isEmpty else { return [:] }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Date.ISO8601FormatStyle(includingFractionalSeconds: true).format(date))
        }
        let batch = String(decoding: try encoder.encode(updates), as: UTF8.self)
        let rows = try connection.query(Self.applyStatement(batch: batch, owner: owner.id))
        var states: [Int64: String] = [:]
        for row in rows {
            states[try row.decode("recipient_id")] = try row.decode("state")
        }
        return states
    }

    /// One UPDATE joining the batch as a record set. An update applies when its state ranks at least the
    /// stored one; ids are written once (`coalesce(stored, new)`), whatever the rank.
    private static func applyStatement(batch: String, owner: String) -> SQL {
        """
        WITH x AS (
            SELECT * FROM jsonb_to_recordset(\(batch)::jsonb) AS x(
                recipient_id bigint, state text, channel text, route_reason text, krr_answer text,
                provider_orgno text, postbox_address text, recipient_cert_sha256 text, message_id uuid,
                conversation_id uuid, kanal text, fingerprint text, expires_at timestamptz, attempts_added int,
                next_attempt_at timestamptz, submitted_at timestamptz, last_status text, error text,
                problem text, keeps_lease boolean))
        UPDATE dpi.delivery d SET
            state = CASE WHEN dpi.state_rank(x.state) > dpi.state_rank(d.state) THEN x.state ELSE d.state END,
            channel = coalesce(x.channel, d.channel),
            route_reason = coalesce(x.route_reason, d.route_reason),
            krr_answer = coalesce(x.krr_answer::jsonb, d.krr_answer),
            provider_orgno = coalesce(x.provider_orgno, d.provider_orgno),
            postbox_address = coalesce(x.postbox_address, d.postbox_address),
            recipient_cert_sha256 = coalesce(x.recipient_cert_sha256, d.recipient_cert_sha256),
            message_id = coalesce(d.message_id, x.message_id),
            conversation_id = coalesce(d.conversation_id, x.conversation_id),
            kanal = coalesce(x.kanal, d.kanal),
            fingerprint = coalesce(x.fingerprint, d.fingerprint),
            expires_at = coalesce(d.expires_at, x.expires_at),
            attempts = d.attempts + coalesce(x.attempts_added, 0),
            next_attempt_at = CASE WHEN dpi.state_rank(x.state) >= dpi.state_rank(d.state)
                                   THEN x.next_attempt_at ELSE d.next_attempt_at END,
            submitted_at = coalesce(d.submitted_at, x.submitted_at),
            last_status = coalesce(x.last_status, d.last_status),
            error = CASE WHEN dpi.state_rank(x.state) >= dpi.state_rank(d.state) THEN x.error ELSE d.error END,
            problem = coalesce(x.problem::jsonb, d.problem),
            lease_owner = CASE WHEN x.keeps_lease THEN d.lease_owner
                               WHEN d.lease_owner = \(owner) THEN NULL ELSE d.lease_owner END,
            lease_expires_at = CASE WHEN x.keeps_lease THEN d.lease_expires_at
                                    WHEN d.lease_owner = \(owner) THEN NULL ELSE d.lease_expires_at END,
            updated_at = now()
        FROM x
        WHERE d.recipient_id = x.recipient_id
        RETURNING d.recipient_id, d.state
        """
    }

    /// Extends every lease this process holds; returns how many letters it holds.
    @discardableResult
    public func renewLeases() throws -> Int {
        try connection.execute("""
            UPDATE dpi.delivery
            SET lease_expires_at = clock_timestamp() + \(leaseDuration) * interval '1 second'
            WHERE lease_owner = \(owner.id)
            """)
    }

    /// Gives back every letter this process still holds (a clean stop), so another run takes them at once.
    @discardableResult
    public func releaseLeases() throws -> Int {
        try connection.execute("""
            UPDATE dpi.delivery SET lease_owner = NULL, lease_expires_at = NULL
            WHERE lease_owner = \(owner.id)
            """)
    }

    /// Ends the leases of processes of this host that are gone (SIGKILL, crash), so their letters can be
    /// claimed now rather than when the leases expire. Returns the letters freed.
    @discardableResult
    public func takeOverDeadLocalLeases(job: Int64) throws -> Int {
        let holders = try connection.query("""
            SELECT DISTINCT lease_owner FROM dpi.delivery
            WHERE job_id = \(job) AND lease_owner IS NOT NULL AND lease_expires_at >= clock_timestamp()
            """).map { LeaseOwner(id: try $0.decode("lease_owner")) }
        let dead = holders.filter { $0 != owner && $0.isDeadProcessOnThisHost }.map(\.id)
        guard !dead.isEmpty else { return 0 }
        return try connection.execute("""
            UPDATE dpi.delivery SET lease_owner = NULL, lease_expires_at = NULL
            WHERE job_id = \(job) AND lease_owner = ANY(\(dead))
            """)
    }
}
