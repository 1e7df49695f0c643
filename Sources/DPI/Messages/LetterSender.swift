/// Who sends a letter: the legal sender (Avsender) and, when a Databehandler signs and sends on its
/// behalf, that processor (spec 5.2, 5.3).
public struct LetterSender: Hashable, Sendable {
    /// The legal sender, written as `avsender` in the business message and as `consumer` in the token.
    public var organisation: OrganisationNumber
    /// The sender unit registered with the providers (`avsenderidentifikator`, at most 100 characters).
    public var senderIdentifier: String?
    /// Invoice reference for the provider's bill (`fakturaReferanse`, at most 40 characters).
    public var invoiceReference: String?
    /// The Databehandler that signs and sends on behalf of `organisation`, if any.
    public var dataProcessor: OrganisationNumber?

    /// A sender; pass `dataProcessor` when sending on behalf of `organisation`.
    public init(organisation: OrganisationNumber, senderIdentifier: String? = nil, invoiceReference: String? = nil,
                dataProcessor: OrganisationNumber? = nil) {
        self.organisation = organisation
        self.senderIdentifier = senderIdentifier
        self.invoiceReference = invoiceReference
        self.dataProcessor = dataProcessor
    }

    /// The SBDH sender and signer: the Databehandler when there is one, else the Avsender.
    public var technicalSender: OrganisationNumber { dataProcessor ?? organisation }

    /// The `avsender` object of the business message.
    var messageSender: MessageSender {
        MessageSender(organisation: OrganisationReference(organisation), senderIdentifier: senderIdentifier,
                      invoiceReference: invoiceReference)
    }
}
