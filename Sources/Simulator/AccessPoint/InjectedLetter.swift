public import DPI
public import Foundation

/// A letter the simulated access point is told it holds although nobody sent it, with the receipts its
/// provider returns: the facility behind the receipt reconciliation tests and `ops/bench receipts`, which
/// need tens of thousands of receipts (sending that many letters takes minutes), receipts signed by another
/// provider than the one a letter went to, receipts for conversations the sender never had, and letters whose
/// transport fails. Give it to `AccessPointSimulator.inject(_:)`.
public struct InjectedLetter: Sendable {
    /// One of the simulated providers.
    public enum Provider: Sendable, CaseIterable {
        /// Digipost (a mailbox provider).
        case digipost
        /// e-Boks (a mailbox provider).
        case eboks
        /// The print provider: the conversation's process is `utskrift`.
        case print
    }

    /// One receipt the provider returns, visible at once.
    public struct Receipt: Sendable {
        /// A receipt type (`leveringskvittering`, `feil`, ...).
        public var type: BusinessMessageType
        /// The event time (`tidspunkt`).
        public var occurredAt: Date
        /// How many times the same receipt (same id) is queued: 2 for a duplicate.
        public var copies: Int

        /// A receipt of `type` that happened at `occurredAt`, queued `copies` times.
        public init(_ type: BusinessMessageType, occurredAt: Date = Date(), copies: Int = 1) {
            self.type = type
            self.occurredAt = occurredAt
            self.copies = copies
        }
    }

    /// The letter's message id (its transport statuses answer to it).
    public var messageId: UUID
    /// The conversation its receipts name.
    public var conversationId: UUID
    /// The Avsender (SBDH sender): only a token of this organisation reads the receipts.
    public var sender: OrganisationNumber
    /// The provider that answers: its key signs the receipts.
    public var provider: Provider
    /// The receipts, queued in this order.
    public var receipts: [Receipt]
    /// The kanal the letter was "sent" with (lower-cased by the access point); nil for none.
    public var kanal: String?
    /// The `avsenderidentifikator` it was "sent" with, if any.
    public var senderIdentifier: String?
    /// Whether its transport statuses end in `FEILET`.
    public var transportFails: Bool

    /// A letter with its receipts.
    public init(messageId: UUID = UUID(), conversationId: UUID, sender: OrganisationNumber, provider: Provider,
                receipts: [Receipt], kanal: String?, senderIdentifier: String? = nil, transportFails: Bool = false) {
        self.messageId = messageId
        self.conversationId = conversationId
        self.sender = sender
        self.provider = provider
        self.receipts = receipts
        self.kanal = kanal
        self.senderIdentifier = senderIdentifier
        self.transportFails = transportFails
    }
}
