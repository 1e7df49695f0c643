import Foundation
import Postgres

extension ReceiptStore {
    /// A verified receipt, ready to store and apply to its letter.
    struct ReceiptRow: Encodable, Sendable {
        let receiptMessageId: String
        let conversationId: UUID
        let recipientId: Int64
        let type: String
        let occurredAt: String?
        let signerOrgno: String
        let jwt: String
        let payload: String
        let targetState: String?
        let notificationFailed: Bool
        let error: String?

        enum CodingKeys: String, CodingKey {
            case receiptMessageId = "receipt_message_id", conversationId = "conversation_id"
            case recipientId = "recipient_id", type, occurredAt = "occurred_at", signerOrgno = "signer_orgno", jwt
            case payload, targetState = "target_state", notificationFailed = "notification_failed", error
        }
    }

    /// What a stored receipt does to its letter: a receipt row without the bulky JWT and payload.
    struct Effect: Encodable, Sendable {
        let recipientId: Int64
        let type: String
        let occurredAt: String?
        let targetState: String?
        let notificationFailed: Bool
        let error: String?

        init(_ row: ReceiptRow) {
            recipientId = row.recipientId
            type = row.type
            occurredAt = row.occurredAt
            targetState = row.targetState
            notificationFailed = row.notificationFailed
            error = row.error
        }

        enum CodingKeys: String, CodingKey {
            case recipientId = "recipient_id", type, occurredAt = "occurred_at", targetState = "target_state"
            case notificationFailed = "notification_failed", error
        }
    }

    /// An item that goes to `dpi.receipt_quarantine` with the reason.
    struct QuarantineRow: Encodable, Sendable {
        let incomingMessageId: String
        let reason: String
        let jwt: String
        let conversationId: UUID?
        let recipientId: Int64?
        let type: String?

        enum CodingKeys: String, CodingKey {
            case incomingMessageId = "incoming_message_id", reason, jwt, conversationId = "conversation_id"
            case recipientId = "recipient_id", type
        }
    }

    /// What storing a page did.
    struct PageResult: Sendable {
        /// Ids of receipts stored now for the first time.
        let newlyStored: Set<String>
        /// Letters another transaction held: their receipts were not stored and stay unread for the next poll.
        let busyLetters: Set<Int64>
    }

    /// Stores one page in one transaction: locks the receipts' letters (skipping those another transaction
    /// holds, whose receipts wait for the next poll, so reconciliation never waits on a run's write and never
    /// deadlocks), inserts the receipts and the quarantined items (each idempotent on its id, in id order), and
    /// moves each letter forward by its receipts. Returns what was new and which letters were busy.
    func store(receipts: [ReceiptRow], quarantine: [QuarantineRow]) throws -> PageResult {
        try connection.transaction { connection in
            let wanted = Array(Set(receipts.map(\.recipientId)))
            let locked: Set<Int64> = wanted.isEmpty ? [] : Set(try connection.query("""
                SELECT recipient_id FROM dpi.delivery WHERE recipient_id = ANY(\(wanted))
                ORDER BY recipient_id FOR UPDATE SKIP LOCKED
                """).map { try $0.decode("recipient_id", as: Int64.self) })
            let ready = receipts.filter { locked.contains($0.recipientId) }.sorted {
                $0.receiptMessageId < $1.receiptMessageId
            }
            var newlyStored: Set<String> = []
            if !ready.isEmpty {
                for row in try connection.query(Self.insertReceipts(JSONB(ready))) {
                    newlyStored.insert(try row.decode("receipt_message_id"))
                }
                try connection.execute(Self.applyReceipts(JSONB(ready.map(Effect.init))))
            }
            if !quarantine.isEmpty {
                try connection.execute(Self.insertQuarantine(JSONB(quarantine.sorted {
                    $0.incomingMessageId < $1.incomingMessageId
                })))
            }
            return PageResult(newlyStored: newlyStored, busyLetters: Set(wanted).subtracting(locked))
        }
    }

    private static func insertReceipts(_ batch: JSONB<[ReceiptRow]>) -> SQL {
        """
        INSERT INTO dpi.receipt (receipt_message_id, conversation_id, recipient_id, type, occurred_at, signer_orgno,
                                 jwt, payload)
        SELECT receipt_message_id, conversation_id, recipient_id, type, occurred_at, signer_orgno, jwt, payload::jsonb
        FROM jsonb_to_recordset(\(batch)) AS x(
            receipt_message_id text, conversation_id uuid, recipient_id bigint, type text, occurred_at timestamptz,
            signer_orgno text, jwt text, payload text)
        ON CONFLICT (receipt_message_id) DO NOTHING
        RETURNING receipt_message_id
        """
    }

    /// Per letter: the highest-ranked state its receipts name (with that receipt's error), the notification
    /// flag, and the latest receipt. The state applies only when it ranks above the letter's; a receipt for a
    /// letter already in a final failure state (rank 10) that would not leave it there (a late delivery receipt
    /// after `expired`) flags the letter for review instead. Every column only ever moves forward, so applying
    /// the same receipts again changes nothing.
    private static func applyReceipts(_ batch: JSONB<[Effect]>) -> SQL {
        """
        WITH x AS (
            SELECT * FROM jsonb_to_recordset(\(batch)) AS x(
                recipient_id bigint, type text, occurred_at timestamptz, target_state text,
                notification_failed boolean, error text)),
        a AS (
            SELECT recipient_id,
                   (array_agg(target_state ORDER BY dpi.state_rank(target_state) DESC NULLS LAST,
                              occurred_at DESC NULLS LAST))[1] AS target_state,
                   (array_agg(error ORDER BY dpi.state_rank(target_state) DESC NULLS LAST,
                              occurred_at DESC NULLS LAST))[1] AS error,
                   bool_or(notification_failed) AS notification_failed,
                   (array_agg(type ORDER BY occurred_at DESC NULLS LAST))[1] AS last_type,
                   max(occurred_at) AS last_at,
                   array_agg(coalesce(target_state, '')) AS targets
            FROM x GROUP BY recipient_id)
        UPDATE dpi.delivery d SET
            state = CASE WHEN dpi.state_rank(a.target_state) > dpi.state_rank(d.state) THEN a.target_state
                         ELSE d.state END,
            error = CASE WHEN dpi.state_rank(a.target_state) > dpi.state_rank(d.state) THEN a.error ELSE d.error END,
            notification_failed = d.notification_failed OR a.notification_failed,
            needs_review = d.needs_review
                OR (dpi.state_rank(d.state) >= 10 AND EXISTS (SELECT 1 FROM unnest(a.targets) t WHERE t <> d.state)),
            last_receipt_type = CASE WHEN d.last_receipt_at IS NULL OR a.last_at >= d.last_receipt_at
                                     THEN a.last_type ELSE d.last_receipt_type END,
            last_receipt_at = GREATEST(d.last_receipt_at, a.last_at),
            updated_at = now()
        FROM a
        WHERE d.recipient_id = a.recipient_id
        """
    }

    private static func insertQuarantine(_ batch: JSONB<[QuarantineRow]>) -> SQL {
        """
        INSERT INTO dpi.receipt_quarantine (incoming_message_id, reason, jwt, conversation_id, recipient_id, type)
        SELECT incoming_message_id, reason, jwt, conversation_id, recipient_id, type
        FROM jsonb_to_recordset(\(batch)) AS x(
            incoming_message_id text, reason text, jwt text, conversation_id uuid, recipient_id bigint, type text)
        ON CONFLICT (incoming_message_id) DO NOTHING
        """
    }
}
