/// The organisation a receipt is addressed to (`virksomhetmottaker`): the original Avsender, with its
/// `avsenderidentifikator` copied into the misspelt `motakeridentifikator` (spec 5.5).
public struct OrganisationRecipient: Hashable, Sendable, Decodable {
    /// The organisation (`virksomhetsidentifikator`).
    public var organisation: OrganisationReference
    /// The original sender identifier (`motakeridentifikator`, at most 100 characters).
    public var recipientIdentifier: String?

    /// A recipient from its parts.
    public init(organisation: OrganisationReference, recipientIdentifier: String? = nil) {
        self.organisation = organisation
        self.recipientIdentifier = recipientIdentifier
    }

    enum CodingKeys: String, CodingKey {
        case organisation = "virksomhetsidentifikator"
        case recipientIdentifier = "motakeridentifikator"
    }
}

extension OrganisationRecipient: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("virksomhetsidentifikator", organisation)
            json.member("motakeridentifikator", recipientIdentifier)
        }
    }
}
