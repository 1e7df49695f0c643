/// The common receipt body (`kvittering`, spec 5.5) of `leveringskvittering`, `aapningskvittering`,
/// `mottakskvittering` and `returpostkvittering`: who issued it, for whom, and when the event happened.
public struct Receipt: Hashable, Sendable, Decodable {
    /// The provider that issued the receipt (`avsender`).
    public var issuer: MessageSender
    /// The original Avsender the receipt is for (`mottaker`).
    public var recipient: OrganisationRecipient
    /// When the event happened (`tidspunkt`).
    public var time: Timestamp

    /// A receipt from its parts.
    public init(issuer: MessageSender, recipient: OrganisationRecipient, time: Timestamp) {
        self.issuer = issuer
        self.recipient = recipient
        self.time = time
    }

    enum CodingKeys: String, CodingKey {
        case issuer = "avsender", recipient = "mottaker", time = "tidspunkt"
    }
}

/// A `varslingfeiletkvittering`: a notification on one channel could not be sent; the letter is still in
/// the mailbox (spec 5.5, 14).
public struct NotificationFailedReceipt: Hashable, Sendable, Decodable {
    /// The channel that failed (`varslingskanal`).
    public enum Channel: String, Hashable, Sendable, Decodable {
        /// `epost`.
        case email = "epost"
        /// `sms`.
        case sms
    }

    /// Issuer, recipient and time, as in every receipt.
    public var receipt: Receipt
    /// The failed channel.
    public var channel: Channel
    /// The provider's explanation (`beskrivelse`).
    public var explanation: String?

    /// A receipt from its parts.
    public init(receipt: Receipt, channel: Channel, explanation: String? = nil) {
        self.receipt = receipt
        self.channel = channel
        self.explanation = explanation
    }

    enum CodingKeys: String, CodingKey {
        case channel = "varslingskanal", explanation = "beskrivelse"
    }

    /// Decodes the flat JSON body: the common receipt fields plus channel and explanation.
    public init(from decoder: any Decoder) throws {
        receipt = try Receipt(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        channel = try container.decode(Channel.self, forKey: .channel)
        explanation = try container.decodeIfPresent(String.self, forKey: .explanation)
    }
}

extension Receipt: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object(writeMembers(to:))
    }

    /// The common members, in the order of the NAV sample, for bodies that extend them.
    func writeMembers(to json: inout JSONWriter) {
        json.member("avsender", issuer)
        json.member("mottaker", recipient)
        json.member("tidspunkt", time.description)
    }
}

extension NotificationFailedReceipt: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            receipt.writeMembers(to: &json)
            json.member("varslingskanal", channel.rawValue)
            json.member("beskrivelse", explanation)
        }
    }
}
