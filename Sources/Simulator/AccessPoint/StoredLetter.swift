import DPI
import Foundation

/// A letter the access point accepted: what it needs to answer status queries, route receipts back to
/// the sender's queue (spec 10.2: message id, conversation, Avsender/Databehandler, avsenderidentifikator,
/// kanal), and count deliveries per recipient.
struct StoredLetter: Sendable {
    /// The message id (lower-case UUID text).
    let messageId: String
    /// The business message as sent.
    let message: BusinessMessage
    /// Index of the provider it was addressed to, in `AccessPointSimulator.providers`.
    let provider: Int
    /// Organisations allowed to read its statuses and receipts: the SBDH sender and the Avsender.
    let owners: Set<String>
    /// The channel given when sending, lower-cased; nil when none.
    let kanal: String?
    /// `avsender.avsenderidentifikator`, when given.
    let senderIdentifier: String?
    /// Who the letter is for: the seed person (digital) or the postal address (print), as the report counts.
    let recipientKey: String
    /// When it was accepted.
    let acceptedAt: Date
    /// Whether its transport fails (status `FEILET`, no receipts), by `FaultSettings.transportFailureShare`.
    let transportFails: Bool

    /// Whether the letter asked for an opening receipt.
    var requestsOpeningReceipt: Bool {
        if case .digital(let digital) = message.body { return digital.requestsOpeningReceipt == true }
        return false
    }
}
