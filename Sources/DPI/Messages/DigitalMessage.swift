/// The `digital` business message (spec 5.3): a letter to a citizen's digital mailbox.
public struct DigitalMessage: Hashable, Sendable, Decodable {
    /// The legal sender (`avsender`), not the Databehandler.
    public var sender: MessageSender
    /// The citizen's mailbox address from KRR (`mottaker.postkasseadresse`).
    public var mailboxAddress: String
    /// SHA-256 of the encrypted package (`dokumentpakkefingeravtrykk`).
    public var fingerprint: PackageFingerprint
    /// The Maskinporten access token used as bearer for the upload (`maskinportentoken`).
    public var maskinportenToken: String
    /// Authentication level needed to open the letter, 3 or 4 (`sikkerhetsnivaa`).
    public var securityLevel: Int
    /// The day the letter becomes visible, `YYYY-MM-DD` (`virkningsdato`).
    public var effectiveDate: String?
    /// The instant the letter becomes visible (`virkningstidspunkt`; the reference uses this one).
    public var effectiveTime: Timestamp?
    /// Whether an opening receipt is requested (`aapningskvittering`).
    public var requestsOpeningReceipt: Bool?
    /// The title shown before login and in notifications, 1–255 characters, nothing sensitive (`ikkesensitivtittel`).
    public var nonSensitiveTitle: String
    /// ISO 639-1 language code, two letters (`spraak`).
    public var language: String
    /// Sender-controlled notifications (`varsler`).
    public var notifications: Notifications?

    /// A message from its parts; `BusinessMessage.digital(_:_:)` builds one from a validated letter.
    public init(sender: MessageSender, mailboxAddress: String, fingerprint: PackageFingerprint,
                maskinportenToken: String, securityLevel: Int, effectiveDate: String? = nil,
                effectiveTime: Timestamp? = nil, requestsOpeningReceipt: Bool? = false, nonSensitiveTitle: String,
                language: String, notifications: Notifications? = Notifications()) {
        self.sender = sender
        self.mailboxAddress = mailboxAddress
        self.fingerprint = fingerprint
        self.maskinportenToken = maskinportenToken
        self.securityLevel = securityLevel
        self.effectiveDate = effectiveDate
        self.effectiveTime = effectiveTime
        self.requestsOpeningReceipt = requestsOpeningReceipt
        self.nonSensitiveTitle = nonSensitiveTitle
        self.language = language
        self.notifications = notifications
    }

    private struct Mailbox: Decodable {
        let postkasseadresse: String
    }

    enum CodingKeys: String, CodingKey {
        case sender = "avsender", mottaker, fingerprint = "dokumentpakkefingeravtrykk"
        case maskinportenToken = "maskinportentoken", securityLevel = "sikkerhetsnivaa"
        case effectiveDate = "virkningsdato", effectiveTime = "virkningstidspunkt"
        case requestsOpeningReceipt = "aapningskvittering", nonSensitiveTitle = "ikkesensitivtittel"
        case language = "spraak", notifications = "varsler"
    }

    /// Decodes the JSON body, ignoring unknown fields.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sender = try container.decode(MessageSender.self, forKey: .sender)
        mailboxAddress = try container.decode(Mailbox.self, forKey: .mottaker).postkasseadresse
        fingerprint = try container.decode(PackageFingerprint.self, forKey: .fingerprint)
        maskinportenToken = try container.decode(String.self, forKey: .maskinportenToken)
        securityLevel = try container.decode(Int.self, forKey: .securityLevel)
        effectiveDate = try container.decodeIfPresent(String.self, forKey: .effectiveDate)
        effectiveTime = try container.decodeIfPresent(Timestamp.self, forKey: .effectiveTime)
        requestsOpeningReceipt = try container.decodeIfPresent(Bool.self, forKey: .requestsOpeningReceipt)
        nonSensitiveTitle = try container.decode(String.self, forKey: .nonSensitiveTitle)
        language = try container.decode(String.self, forKey: .language)
        notifications = try container.decodeIfPresent(Notifications.self, forKey: .notifications)
    }
}

extension DigitalMessage: JSONWritable {
    /// Keys in the order of `digital-forretningsmelding.json`; `virkningsdato` (absent there) before
    /// `virkningstidspunkt`, as in the schema.
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("avsender", sender)
            json.object("mottaker") { json in json.member("postkasseadresse", mailboxAddress) }
            json.member("dokumentpakkefingeravtrykk", fingerprint)
            json.member("maskinportentoken", maskinportenToken)
            json.member("sikkerhetsnivaa", securityLevel)
            json.member("virkningsdato", effectiveDate)
            json.member("virkningstidspunkt", effectiveTime?.description)
            json.member("aapningskvittering", requestsOpeningReceipt)
            json.member("ikkesensitivtittel", nonSensitiveTitle)
            json.member("spraak", language)
            json.member("varsler", notifications)
        }
    }
}
