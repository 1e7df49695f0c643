/// The `utskrift` business message (spec 5.4, 13): a letter printed and posted by the print provider.
public struct PrintMessage: Hashable, Sendable, Decodable {
    /// Black-and-white or colour print (`utskriftstype`); colour applies to every sheet and is priced apart.
    public enum Colour: String, Hashable, Sendable, Decodable {
        /// `SORT_HVIT`.
        case blackAndWhite = "SORT_HVIT"
        /// `FARGE`.
        case colour = "FARGE"
    }

    /// Priority or economy post (`posttype`).
    public enum PostType: String, Hashable, Sendable, Decodable {
        /// `A`: priority.
        case a = "A"
        /// `B`: economy, the reference default.
        case b = "B"
    }

    /// What happens to letters that cannot be delivered (`returposthaandtering`).
    public enum ReturnHandling: String, Hashable, Sendable, Decodable {
        /// `DIREKTE_RETUR`: returned physically to the return address.
        case directReturn = "DIREKTE_RETUR"
        /// `MAKULERING_MED_MELDING`: shredded, reported with a `returpostkvittering`.
        case shredWithNotice = "MAKULERING_MED_MELDING"
    }

    /// The legal sender (`avsender`).
    public var sender: MessageSender
    /// The recipient's postal address (`mottaker`).
    public var recipient: PostalAddress
    /// SHA-256 of the encrypted package (`dokumentpakkefingeravtrykk`).
    public var fingerprint: PackageFingerprint
    /// The Maskinporten access token used as bearer for the upload (`maskinportentoken`).
    public var maskinportenToken: String
    /// Print colour (`utskriftstype`).
    public var colour: Colour
    /// Where undeliverable letters go (`retur.mottaker`).
    public var returnAddress: PostalAddress
    /// What happens to undeliverable letters (`retur.returposthaandtering`).
    public var returnHandling: ReturnHandling
    /// Priority or economy (`posttype`); the provider's default when nil.
    public var postType: PostType?

    /// A message from its parts; `BusinessMessage.print(_:_:)` builds one from a validated letter.
    public init(sender: MessageSender, recipient: PostalAddress, fingerprint: PackageFingerprint,
                maskinportenToken: String, colour: Colour, returnAddress: PostalAddress,
                returnHandling: ReturnHandling, postType: PostType?) {
        self.sender = sender
        self.recipient = recipient
        self.fingerprint = fingerprint
        self.maskinportenToken = maskinportenToken
        self.colour = colour
        self.returnAddress = returnAddress
        self.returnHandling = returnHandling
        self.postType = postType
    }

    private struct Return: Decodable {
        let mottaker: PostalAddress
        let returposthaandtering: ReturnHandling
    }

    enum CodingKeys: String, CodingKey {
        case sender = "avsender", recipient = "mottaker", fingerprint = "dokumentpakkefingeravtrykk"
        case maskinportenToken = "maskinportentoken", colour = "utskriftstype", retur, postType = "posttype"
    }

    /// Decodes the JSON body, ignoring unknown fields.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sender = try container.decode(MessageSender.self, forKey: .sender)
        recipient = try container.decode(PostalAddress.self, forKey: .recipient)
        fingerprint = try container.decode(PackageFingerprint.self, forKey: .fingerprint)
        maskinportenToken = try container.decode(String.self, forKey: .maskinportenToken)
        colour = try container.decode(Colour.self, forKey: .colour)
        let retur = try container.decode(Return.self, forKey: .retur)
        returnAddress = retur.mottaker
        returnHandling = retur.returposthaandtering
        postType = try container.decodeIfPresent(PostType.self, forKey: .postType)
    }
}

extension PrintMessage: JSONWritable {
    /// Keys in the order of `utskrift-forretningsmelding.json`.
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("avsender", sender)
            json.member("mottaker", recipient)
            json.member("dokumentpakkefingeravtrykk", fingerprint)
            json.member("maskinportentoken", maskinportenToken)
            json.member("utskriftstype", colour.rawValue)
            json.object("retur") { json in
                json.member("mottaker", returnAddress)
                json.member("returposthaandtering", returnHandling.rawValue)
            }
            json.member("posttype", postType?.rawValue)
        }
    }
}
