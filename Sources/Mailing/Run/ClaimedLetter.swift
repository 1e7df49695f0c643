public import Foundation
import Postgres

/// One letter a run has leased: its recipient row and what earlier runs recorded about it.
public struct ClaimedLetter: Sendable, Equatable {
    /// `dpi.recipient.id`, also the key of its `dpi.delivery` row.
    public var recipientId: Int64
    /// The caller's id of the row.
    public var externalRef: String
    /// National identity number or D-number as imported; nil for print-only letters.
    public var personId: String?
    /// The recipient's name (for the print address).
    public var name: String?
    /// Up to four postal address lines.
    public var addressLines: [String]
    /// Norwegian postal code.
    public var postalCode: String?
    /// Postal town.
    public var city: String?
    /// ISO 3166 alpha-2; nil means Norway.
    public var countryCode: String?
    /// The per-recipient main document, overriding the pipeline's.
    public var documentPath: String?
    /// The letter's state when it was claimed: `pending`, `routed` or `submitting`.
    public var state: String
    /// Set once the letter is routed; every attempt reuses it.
    public var messageId: UUID?
    /// Set with `messageId`.
    public var conversationId: UUID?
    /// The letter's expected response time; it is not sent after this.
    public var expiresAt: Date?
    /// Submission attempts so far.
    public var attempts: Int

    /// True when an earlier run may already have handed this letter to the access point (it was routed and
    /// got its ids), so its outcome must be resolved through the statuses endpoint before anything final.
    public var mayHaveBeenSubmitted: Bool { messageId != nil && state != "pending" }

    init(row: Row) throws {
        recipientId = try row.decode("recipient_id")
        externalRef = try row.decode("external_ref")
        personId = try row.decode("person_id")
        name = try row.decode("name")
        addressLines = try row.decode("address_lines", as: [String]?.self) ?? []
        postalCode = try row.decode("postal_code")
        city = try row.decode("city")
        countryCode = try row.decode("country_code")
        documentPath = try row.decode("document_path")
        state = try row.decode("state")
        messageId = try row.decode("message_id")
        conversationId = try row.decode("conversation_id")
        expiresAt = try row.decode("expires_at")
        attempts = Int(try row.decode("attempts", as: Int32.self))
    }
}
