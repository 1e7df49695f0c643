import DPI

/// The fields of a `digital` or `utskrift` message the access point checks and routes by.
struct LetterFields: Sendable {
    let sender: MessageSender
    let maskinportenToken: String
    /// `dokumentpakkefingeravtrykk`: the SHA-256 of the CMS bytes the sender signed.
    let fingerprint: PackageFingerprint
    /// The mailbox address of a digital letter; nil for print.
    let mailboxAddress: String?
    /// The postal address of a print letter, as one line; nil for digital.
    let postalAddress: String?

    var isPrint: Bool { mailboxAddress == nil }

    init(_ message: BusinessMessage) throws(LetterRejection) {
        switch message.body {
        case .digital(let digital):
            sender = digital.sender
            maskinportenToken = digital.maskinportenToken
            fingerprint = digital.fingerprint
            mailboxAddress = digital.mailboxAddress
            postalAddress = nil
        case .print(let print):
            sender = print.sender
            maskinportenToken = print.maskinportenToken
            fingerprint = print.fingerprint
            mailboxAddress = nil
            let address = print.recipient
            postalAddress = ([address.name] + address.lines
                + [address.postalCode, address.city, address.countryCode, address.country].compactMap { $0 })
                .joined(separator: ", ")
        default:
            throw LetterRejection(rule: "not-a-letter", detail: "only digital and utskrift messages can be sent")
        }
    }
}
