/// The legal sender of a letter (`avsender`, spec 5.6): the Avsender, never the Databehandler that signs
/// for it. In a receipt it is the provider that issued the receipt.
public struct MessageSender: Hashable, Sendable, Decodable {
    /// The organisation (`virksomhetsidentifikator`).
    public var organisation: OrganisationReference
    /// The sender unit registered with the mailbox providers (`avsenderidentifikator`, at most 100 characters).
    public var senderIdentifier: String?
    /// An invoice reference for the provider's bill (`fakturaReferanse`, at most 40 characters).
    public var invoiceReference: String?

    /// A sender from its parts.
    public init(organisation: OrganisationReference, senderIdentifier: String? = nil, invoiceReference: String? = nil) {
        self.organisation = organisation
        self.senderIdentifier = senderIdentifier
        self.invoiceReference = invoiceReference
    }

    enum CodingKeys: String, CodingKey {
        case organisation = "virksomhetsidentifikator"
        case senderIdentifier = "avsenderidentifikator"
        case invoiceReference = "fakturaReferanse"
    }
}

extension MessageSender: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("virksomhetsidentifikator", organisation)
            json.member("avsenderidentifikator", senderIdentifier)
            json.member("fakturaReferanse", invoiceReference)
        }
    }
}
