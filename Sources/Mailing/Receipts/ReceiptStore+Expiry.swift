import Foundation
import Postgres

extension ReceiptStore {
    /// A letter whose expected response time passed without a delivery receipt.
    struct ExpiringLetter: Sendable {
        let recipientId: Int64
        let messageId: UUID
    }

    /// What the statuses endpoint said about an expiring letter, to be written.
    struct Expiry: Encodable, Sendable {
        let recipientId: Int64
        /// `expired`, or `failed` when the access point reported the transport `FEILET`.
        let state: String
        let error: String
        let lastStatus: String?
    }

    /// Up to `limit` letters still `submitted` or `accepted_for_print` whose `expires_at` has passed, after
    /// `recipientId` (a cursor, so a letter whose status cannot be read now does not block the rest).
    func expiring(after recipientId: Int64, limit: Int) throws -> [ExpiringLetter] {
        try connection.query("""
            SELECT recipient_id, message_id FROM dpi.delivery
            WHERE state IN ('submitted', 'accepted_for_print') AND expires_at <= now()
              AND message_id IS NOT NULL AND recipient_id > \(recipientId)
            ORDER BY recipient_id LIMIT \(limit)
            """).map {
                ExpiringLetter(recipientId: try $0.decode("recipient_id"), messageId: try $0.decode("message_id"))
            }
    }

    /// Writes `expiries` in one statement, only to letters still waiting (a receipt that came meanwhile wins).
    /// Returns how many letters changed.
    @discardableResult
    func expire(_ expiries: [Expiry]) throws -> Int {
        guard !expiries.isEmpty else { return 0 }
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let batch = String(decoding: try encoder.encode(expiries), as: UTF8.self)
        return try connection.execute("""
            UPDATE dpi.delivery d SET state = x.state, error = x.error,
                   last_status = coalesce(x.last_status, d.last_status), updated_at = now()
            FROM jsonb_to_recordset(\(batch)::jsonb) AS x(recipient_id bigint, state text, error text, last_status text)
            WHERE d.recipient_id = x.recipient_id AND d.state IN ('submitted', 'accepted_for_print')
            """)
    }
}
