public import Foundation
import Postgres

/// One row of `dpi.delivery_report`: a recipient's letter as the report shows it. Deliberately without the
/// person id (the view has none): reports go to people who need the outcome, not the identity.
public struct DeliveryReportRow: Sendable, Equatable, Encodable {
    /// The recipient row's id (`dpi.recipient.id`).
    public var recipientId: Int64
    /// The caller's id for the recipient.
    public var externalRef: String
    /// `digital`, `print`, or nil when the letter was never routed.
    public var channel: String?
    /// The mailbox or print provider's organisation number.
    public var providerOrgno: String?
    /// The letter state.
    public var state: String
    /// The SBDH instance identifier and conversation id, once written.
    public var messageId: String?, conversationId: String?
    /// The last receipt's type and when it came.
    public var lastReceiptType: String?, lastReceiptAt: Date?
    /// Whether the e-mail/SMS notice failed.
    public var notificationFailed: Bool
    /// Why the letter failed or waits, if it did.
    public var error: String?

    /// The column names, in the order CSV and table print them.
    public static let columns = ["recipient_id", "external_ref", "channel", "provider_orgno", "state", "message_id",
                                 "conversation_id", "last_receipt_type", "last_receipt_at", "notification_failed",
                                 "error"]

    init(row: Row) throws {
        recipientId = try row.decode("recipient_id")
        externalRef = try row.decode("external_ref")
        channel = try row.decode("channel")
        providerOrgno = try row.decode("provider_orgno")
        state = try row.decode("state")
        messageId = try row.decode("message_id")
        conversationId = try row.decode("conversation_id")
        lastReceiptType = try row.decode("last_receipt_type")
        lastReceiptAt = try row.decode("last_receipt_at")
        notificationFailed = try row.decode("notification_failed")
        error = try row.decode("error")
    }

    /// The values in `columns` order as text; nil for NULL.
    public var fields: [String?] {
        [String(recipientId), externalRef, channel, providerOrgno, state, messageId, conversationId,
         lastReceiptType, lastReceiptAt.map { $0.formatted(Date.ISO8601FormatStyle()) },
         String(notificationFailed), error]
    }

    enum CodingKeys: String, CodingKey {
        case recipientId = "recipient_id", externalRef = "external_ref", channel, providerOrgno = "provider_orgno"
        case state, messageId = "message_id", conversationId = "conversation_id"
        case lastReceiptType = "last_receipt_type", lastReceiptAt = "last_receipt_at"
        case notificationFailed = "notification_failed", error
    }

    /// Every column, NULL as `null` (not left out), so each JSON object has the same keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(recipientId, forKey: .recipientId)
        try container.encode(externalRef, forKey: .externalRef)
        try container.encode(channel, forKey: .channel)
        try container.encode(providerOrgno, forKey: .providerOrgno)
        try container.encode(state, forKey: .state)
        try container.encode(messageId, forKey: .messageId)
        try container.encode(conversationId, forKey: .conversationId)
        try container.encode(lastReceiptType, forKey: .lastReceiptType)
        try container.encode(lastReceiptAt, forKey: .lastReceiptAt)
        try container.encode(notificationFailed, forKey: .notificationFailed)
        try container.encode(error, forKey: .error)
    }
}
