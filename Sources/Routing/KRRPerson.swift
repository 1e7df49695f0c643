public import Foundation

/// What KRR answered for one person (spec 4.2): the fields routing and notification need, and the answer
/// itself as `snapshot` so it can be stored with the letter and a report can show why it went on paper.
public struct KRRPerson: Sendable, Equatable {
    /// `status`: whether the person is in the register.
    public enum Status: Sendable, Equatable {
        /// `AKTIV`.
        case active
        /// `SLETTET`: deleted from the register.
        case deleted
        /// `IKKE_REGISTRERT`: the register has nothing on the person.
        case notRegistered
        /// Any other value, kept verbatim (treated as not active).
        case other(String)

        init(_ text: String?) {
            switch text {
            case "AKTIV": self = .active
            case "SLETTET": self = .deleted
            case "IKKE_REGISTRERT", nil: self = .notRegistered
            case let text?: self = .other(text)
            }
        }
    }

    /// `digital_post`: the person's chosen digital mailbox.
    public struct Mailbox: Sendable, Equatable {
        /// `postkasseadresse`, the address inside the provider's service.
        public var address: String
        /// `postkasseleverandoeradresse`, the 9-digit organisation number of the mailbox provider.
        public var provider: String

        /// A mailbox at `provider` with `address`.
        public init(address: String, provider: String) {
            self.address = address
            self.provider = provider
        }
    }

    /// `personidentifikator`, the 11 digits. Never log it.
    public var identifier: String
    /// `reservasjon == "JA"`: reserved against digital communication.
    public var reserved: Bool
    /// `status`.
    public var status: Status
    /// `varslingsstatus == "KAN_VARSLES"`: contact information is recent enough to notify (spec 4.6).
    public var canBeNotified: Bool
    /// `digital_post`, when present and complete.
    public var mailbox: Mailbox?
    /// `sertifikat`: the mailbox encryption certificate as KRR sent it (PEM or bare base64 DER).
    public var certificate: String?
    /// `kontaktinformasjon.epostadresse`.
    public var email: String?
    /// `kontaktinformasjon.mobiltelefonnummer`.
    public var mobile: String?
    /// `spraak`, e.g. `nb`.
    public var language: String?
    /// When the e-mail address was last updated or verified, whichever is later (the 18-month rule, spec 4.6).
    public var emailConfirmedAt: Date?
    /// When the mobile number was last updated or verified, whichever is later.
    public var mobileConfirmedAt: Date?
    /// The person's JSON object as KRR sent it, keys sorted: the snapshot to store with the letter.
    public var snapshot: String

    /// A record from its fields; `snapshot` defaults to empty (for tests and callers that build records).
    public init(identifier: String, reserved: Bool = false, status: Status = .active, canBeNotified: Bool = true,
                mailbox: Mailbox? = nil, certificate: String? = nil, email: String? = nil, mobile: String? = nil,
                language: String? = nil, emailConfirmedAt: Date? = nil, mobileConfirmedAt: Date? = nil,
                snapshot: String = "") {
        self.identifier = identifier
        self.reserved = reserved
        self.status = status
        self.canBeNotified = canBeNotified
        self.mailbox = mailbox
        self.certificate = certificate
        self.email = email
        self.mobile = mobile
        self.language = language
        self.emailConfirmedAt = emailConfirmedAt
        self.mobileConfirmedAt = mobileConfirmedAt
        self.snapshot = snapshot
    }

    /// A record from one element of `personer`; nil when it has no `personidentifikator`.
    init?(json object: [String: Any]) {
        guard let identifier = object["personidentifikator"] as? String else { return nil }
        let contact = object["kontaktinformasjon"] as? [String: Any] ?? [:]
        let digital = object["digital_post"] as? [String: Any] ?? [:]
        var mailbox: Mailbox?
        if let address = digital["postkasseadresse"] as? String,
           let provider = digital["postkasseleverandoeradresse"] as? String {
            mailbox = Mailbox(address: address, provider: provider)
        }
        let snapshot = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
            .map { String(decoding: $0, as: UTF8.self) } ?? ""
        self.init(identifier: identifier, reserved: object["reservasjon"] as? String == "JA",
                  status: Status(object["status"] as? String),
                  canBeNotified: object["varslingsstatus"] as? String == "KAN_VARSLES",
                  mailbox: mailbox, certificate: object["sertifikat"] as? String,
                  email: contact["epostadresse"] as? String, mobile: contact["mobiltelefonnummer"] as? String,
                  language: object["spraak"] as? String,
                  emailConfirmedAt: KRRTime.latest(contact["epostadresse_oppdatert"],
                                                   contact["epostadresse_sist_verifisert"]),
                  mobileConfirmedAt: KRRTime.latest(contact["mobiltelefonnummer_oppdatert"],
                                                    contact["mobiltelefonnummer_sist_verifisert"]),
                  snapshot: snapshot)
    }
}
