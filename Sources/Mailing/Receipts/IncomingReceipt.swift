import DPI
import Foundation
import PKI

/// A receipt from `GET /messages/in`, read but not yet verified: enough to find the letter it answers (and so
/// the provider whose signature it must carry) and to acknowledge it. Verification comes next, against the
/// provider recorded for that letter (`ReceiptVerifier.verify(_:from:)`).
struct IncomingReceipt: Sendable {
    /// The compact JWS as received, stored whole.
    let jwt: String
    /// The receipt's own SBDH `instanceIdentifier` (lower case): its key in `dpi.receipt` and the id to acknowledge.
    let messageId: String
    /// The conversation of the letter it answers.
    let conversationId: UUID
    /// Its message type.
    let type: BusinessMessageType
    /// The signed payload (the SBD JSON) as received.
    let payload: Data

    /// Reads `jwt` without checking its signature. Throws `DPIError` when it is not a JWS over a business
    /// message, `MailingError.unreadableReceipt` when it lacks a UUID message id or conversation id.
    init(jwt: String) throws {
        let payload = try Self.payload(of: jwt)
        let message = try BusinessMessage(jsonData: payload)
        guard let messageId = message.messageId else {
            throw MailingError(.unreadableReceipt, "the receipt has no UUID message id", disposition: .reject)
        }
        guard let conversationId = message.conversationId else {
            throw MailingError(.unreadableReceipt, "the receipt names no conversation id (a UUID)",
                               disposition: .reject)
        }
        self.jwt = jwt
        self.messageId = messageId.uuidString.lowercased()
        self.conversationId = conversationId
        type = message.type
        self.payload = payload
    }

    /// The middle part of a compact JWS, decoded: cheaper than `JWS.parse`, which also reads the header and
    /// its certificates — verification does that once the provider to expect is known.
    private static func payload(of jwt: String) throws -> Data {
        let bytes = jwt.utf8
        guard let first = bytes.firstIndex(of: UInt8(ascii: ".")), let last = bytes.lastIndex(of: UInt8(ascii: ".")),
              first < last, let payload = Base64URL.decode(jwt[bytes.index(after: first)..<last]) else {
            throw MailingError(.unreadableReceipt, "the receipt is not a compact JWS with a base64url payload",
                               disposition: .reject)
        }
        return payload
    }

    /// The quarantine key of an item that cannot be read at all: `sha256:` and the hex digest of its text, so
    /// that seeing it again stores nothing new.
    static func unreadableKey(of jwt: String) -> String {
        "sha256:" + Digest.sha256(Data(jwt.utf8)).hexString
    }
}
