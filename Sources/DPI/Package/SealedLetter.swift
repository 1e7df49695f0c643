public import Foundation

/// One letter in its wire form (spec 10.2): the signed business message and the encrypted document
/// package it fingerprints, with the ids that tie receipts back to it.
public struct SealedLetter: Sendable {
    /// The compact JWS of the business message (`forretningsmelding`).
    public let jwt: String
    /// The CMS-encrypted ASiC-E (`dokumentpakke`), exactly the bytes the fingerprint covers.
    public let cms: Data
    /// SHA-256 of `cms`, as written in the business message.
    public let fingerprint: PackageFingerprint
    /// The message id of this sending.
    public let messageId: UUID
    /// The conversation id every receipt will carry.
    public let conversationId: UUID
}
