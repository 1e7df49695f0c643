public import Foundation

/// The values that belong to one sending of a letter rather than to the letter: ids, times, the package
/// fingerprint and the access token.
public struct Transmission: Hashable, Sendable {
    /// The message id; a new UUID per sending, never reused (spec 2.3).
    public var messageId: UUID
    /// The conversation id every receipt will carry.
    public var conversationId: UUID
    /// When the message is created (`creationDateAndTime`); also "now" for validation.
    public var createdAt: Timestamp
    /// The delivery deadline (`expectedResponseDateTime`).
    public var expectedResponseBy: Timestamp
    /// SHA-256 of the encrypted package.
    public var fingerprint: PackageFingerprint
    /// The Maskinporten access token used as bearer for the upload.
    public var maskinportenToken: String

    /// A transmission; the deadline defaults to creation + 24 hours, as in the reference (spec 5.2).
    public init(messageId: UUID, conversationId: UUID, createdAt: Timestamp, expectedResponseBy: Timestamp? = nil,
                fingerprint: PackageFingerprint, maskinportenToken: String) {
        self.messageId = messageId
        self.conversationId = conversationId
        self.createdAt = createdAt
        self.expectedResponseBy = expectedResponseBy ?? createdAt.adding(seconds: 24 * 3600)
        self.fingerprint = fingerprint
        self.maskinportenToken = maskinportenToken
    }
}
