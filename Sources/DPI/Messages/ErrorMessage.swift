/// A `feil` message (spec 5.5, 12.2): the provider could not accept or process the letter.
public struct ErrorMessage: Hashable, Sendable, Decodable {
    /// Whose fault it is (`feiltype`).
    public enum Kind: String, Hashable, Sendable, Decodable {
        /// `KLIENT`: our input is wrong; fix it and send a new message.
        case client = "KLIENT"
        /// `SERVER`: the provider or infrastructure failed; contact Digdir.
        case server = "SERVER"
    }

    /// Issuer, recipient and time, as in every receipt.
    public var receipt: Receipt
    /// Client or server error.
    public var kind: Kind
    /// The provider's explanation (`detaljer`); may quote the letter, so not for logs.
    public var details: String?

    /// An error message from its parts.
    public init(receipt: Receipt, kind: Kind, details: String? = nil) {
        self.receipt = receipt
        self.kind = kind
        self.details = details
    }

    enum CodingKeys: String, CodingKey {
        case kind = "feiltype", details = "detaljer"
    }

    /// Decodes the flat JSON body: the common receipt fields plus kind and details.
    public init(from decoder: any Decoder) throws {
        receipt = try Receipt(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(Kind.self, forKey: .kind)
        details = try container.decodeIfPresent(String.self, forKey: .details)
    }
}

extension ErrorMessage: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            receipt.writeMembers(to: &json)
            json.member("feiltype", kind.rawValue)
            json.member("detaljer", details)
        }
    }
}
