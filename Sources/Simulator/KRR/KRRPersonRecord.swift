import DPI
import Foundation
import PKI

/// One entry of the `personer` array of a KRR v2 lookup, with the field names and values of spec 4.2.
/// Absent fields are left out of the JSON, as KRR does.
struct KRRPersonRecord: Encodable {
    struct Contact: Encodable {
        let epostadresse: String
        let epostadresseOppdatert: String
        let epostadresseSistVerifisert: String
        let mobiltelefonnummer: String
        let mobiltelefonnummerOppdatert: String
        let mobiltelefonnummerSistVerifisert: String

        enum CodingKeys: String, CodingKey {
            case epostadresse, mobiltelefonnummer
            case epostadresseOppdatert = "epostadresse_oppdatert"
            case epostadresseSistVerifisert = "epostadresse_sist_verifisert"
            case mobiltelefonnummerOppdatert = "mobiltelefonnummer_oppdatert"
            case mobiltelefonnummerSistVerifisert = "mobiltelefonnummer_sist_verifisert"
        }
    }

    struct DigitalPost: Encodable {
        let postkasseadresse: String
        let postkasseleverandoeradresse: String
    }

    let personidentifikator: String
    var reservasjon: String?
    var status: String
    var varslingsstatus: String?
    var reservasjonstidspunkt: String?
    var reservasjonOppdatert: String?
    var kontaktinformasjon: Contact?
    var digitalPost: DigitalPost?
    var sertifikat: String?
    var spraak: String?
    var spraakOppdatert: String?

    enum CodingKeys: String, CodingKey {
        case personidentifikator, reservasjon, status, varslingsstatus, reservasjonstidspunkt
        case kontaktinformasjon, sertifikat, spraak
        case reservasjonOppdatert = "reservasjon_oppdatert"
        case digitalPost = "digital_post"
        case spraakOppdatert = "spraak_oppdatert"
    }

    /// What the register says about `person` at `now`. Contact data (with `varslingsstatus` and `spraak`)
    /// only when `contactScope`, mailbox and certificate only when `digitalPostScope` (spec 4.1, 17.2);
    /// `KAN_IKKE_VARSLES` hides contact data, mailbox and certificate (spec 4.2); `reservasjon` and
    /// `status` are always there.
    init(person: KRRSeed.Person, mailbox: KRRSimulator.Provider?, certificate: String?, now: Date,
         contactScope: Bool, digitalPostScope: Bool) {
        personidentifikator = person.id
        reservasjon = person.category == .reserved ? "JA" : "NEI"
        switch person.category {
        case .deleted: status = "SLETTET"
        case .notRegistered: status = "IKKE_REGISTRERT"
        default: status = "AKTIV"
        }
        let days = { (count: Double) in Self.timestamp(now.addingTimeInterval(-count * 86_400)) }
        if status == "AKTIV" {
            reservasjonOppdatert = days(400)
            reservasjonstidspunkt = person.category == .reserved ? days(400) : nil
        }
        let notifiable = [.digipost, .eboks, .noMailbox].contains(person.category)
        guard contactScope || digitalPostScope else { return }
        if contactScope {
            varslingsstatus = notifiable ? "KAN_VARSLES" : "KAN_IKKE_VARSLES"
        }
        guard notifiable else { return }
        let derived = DerivedContact(person: person)
        if contactScope {
            kontaktinformasjon = Contact(
                epostadresse: derived.email, epostadresseOppdatert: days(120), epostadresseSistVerifisert: days(60),
                mobiltelefonnummer: derived.mobile, mobiltelefonnummerOppdatert: days(120),
                mobiltelefonnummerSistVerifisert: days(60))
            spraak = derived.language
            spraakOppdatert = days(120)
        }
        if digitalPostScope, let mailbox {
            digitalPost = DigitalPost(postkasseadresse: derived.mailboxAddress(at: person.category),
                                      postkasseleverandoeradresse: mailbox.organisation.rawValue)
            sertifikat = person.certificate ?? certificate
        }
    }

    /// ISO 8601 with milliseconds and `Z`, as KRR's contact timestamps (`2023-08-05T10:45:15.768Z`).
    private static func timestamp(_ date: Date) -> String {
        Date.ISO8601FormatStyle(includingFractionalSeconds: true).format(date)
    }
}

/// Contact values for a seed person, from the seed when given, else derived from a hash of the
/// identifier: stable for a person, different between persons, never containing the identifier. The access
/// point reads mailbox addresses from it to find the person a digital letter is for.
struct DerivedContact {
    let person: KRRSeed.Person
    private let hash: [UInt8]

    init(person: KRRSeed.Person) {
        self.person = person
        hash = Array(Digest.sha256(Data(person.id.utf8)))
    }

    private var hex: String { hash.prefix(4).map { String(format: "%02x", $0) }.joined() }
    private func digits(_ count: Int) -> String {
        hash.prefix(count).map { String($0 % 10) }.joined()
    }

    var email: String { person.email ?? "sim-\(hex)@example.test" }
    var mobile: String { person.mobile ?? "+4799" + digits(6) }
    var language: String { person.language ?? "nb" }

    /// Digipost addresses look like `test.testesen#8HC7`, e-Boks ones like `0000487204` (spec 2.2).
    func mailboxAddress(at category: KRRCategory) -> String {
        if let address = person.mailboxAddress { return address }
        return category == .eboks ? "00" + digits(8) : "sim.\(hex)#" + hex.prefix(4).uppercased()
    }
}
