public import Foundation

/// What a stage learned about one letter, to be written with many others in one statement by
/// `JobStore.apply(_:)`. Fields left nil keep their stored value; the state only moves forward
/// (`dpi.state_rank`), and ids once stored are never replaced (PRODUCT.md, "exactly once").
public struct LetterUpdate: Sendable, Equatable, Encodable {
    /// The letter.
    public var recipientId: Int64
    /// The state to move to; ignored when the stored state ranks higher (a receipt got there first).
    public var state: String
    /// `digital` or `print`.
    public var channel: String?
    /// Why this channel (a `RouteReason` code).
    public var routeReason: String?
    /// KRR's answer used for the route, as JSON text.
    public var krrAnswer: String?
    /// The mailbox or print provider's organisation number.
    public var providerOrgno: String?
    /// The mailbox address at the provider.
    public var postboxAddress: String?
    /// Hex SHA-256 of the certificate the letter is encrypted to.
    public var recipientCertSha256: String?
    /// The SBDH instance identifier, written before the first attempt.
    public var messageId: UUID?
    /// The conversation id, written with `messageId`.
    public var conversationId: UUID?
    /// The access point channel the letter is sent on.
    public var kanal: String?
    /// The package fingerprint of the last attempt.
    public var fingerprint: String?
    /// The expected response time.
    public var expiresAt: Date?
    /// Attempts made since the last write.
    public var attemptsAdded: Int?
    /// When to try again (a retry scheduled after a transient failure); nil clears it.
    public var nextAttemptAt: Date?
    /// When the access point accepted the letter.
    public var submittedAt: Date?
    /// The access point's last transport status (`OPPRETTET`, `SENDT`, `FEILET`).
    public var lastStatus: String?
    /// Why the letter ended here, or the last transient failure; nil clears it.
    public var error: String?
    /// The access point's problem+json, as JSON text.
    public var problem: String?
    /// True to keep the lease (the letter goes on to the next stage in this process).
    public var keepsLease: Bool

    /// An update moving `recipientId` to `state`, releasing its lease unless `keepsLease`.
    public init(recipientId: Int64, state: String, keepsLease: Bool = false) {
        self.recipientId = recipientId
        self.state = state
        self.keepsLease = keepsLease
    }

    enum CodingKeys: String, CodingKey {
        case recipientId = "recipient_id", state, channel, routeReason = "route_reason", krrAnswer = "krr_answer"
        case providerOrgno = "provider_orgno", postboxAddress = "postbox_address"
        case recipientCertSha256 = "recipient_cert_sha256", messageId = "message_id"
        case conversationId = "conversation_id", kanal, fingerprint, expiresAt = "expires_at"
        case attemptsAdded = "attempts_added", nextAttemptAt = "next_attempt_at", submittedAt = "submitted_at"
        case lastStatus = "last_status", error, problem, keepsLease = "keeps_lease"
    }
}
