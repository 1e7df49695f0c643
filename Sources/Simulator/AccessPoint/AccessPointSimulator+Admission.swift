import DPI
import Foundation
import PKI

extension AccessPointSimulator {
    /// Checks one letter with `LetterAdmission` (spec 10.2, 15), then the person's KRR category against the
    /// provider, and returns what to store.
    func admit(jwt: String, cms: Data, token: MaskinportenToken, kanal: String?) throws(LetterRejection)
        -> StoredLetter {
        let letter = try admission.admit(jwt: jwt, cms: cms, token: token)
        let message = letter.message
        let messageId = message.header.documentIdentification.instanceIdentifier.lowercased()
        return StoredLetter(
            messageId: messageId, message: message, provider: letter.provider,
            owners: Set([message.senderOrganisationNumber?.rawValue,
                         letter.fields.sender.organisation.organisationNumber?.rawValue].compactMap { $0 }),
            kanal: kanal, senderIdentifier: letter.fields.sender.senderIdentifier,
            recipientKey: try recipientKey(of: letter.fields, at: providers[letter.provider]),
            acceptedAt: configuration.clock(), transportFails: faults.transportFails(messageId: messageId))
    }

    /// Who the letter is for, as the report counts it; for a digital letter (unless accept-only) the person
    /// must be in KRR with a mailbox at this provider and must not be reserved (spec 4.3).
    private func recipientKey(of letter: LetterFields, at provider: SimulatedProvider) throws(LetterRejection)
        -> String {
        guard let mailboxAddress = letter.mailboxAddress else {
            return "address:" + (letter.postalAddress ?? "")
        }
        let person = directory.person(at: mailboxAddress)
        if configuration.acceptOnly {
            return person.map { "person:" + $0.id } ?? "mailbox:" + mailboxAddress
        }
        guard let person else {
            throw LetterRejection(rule: "unknown-mailbox", detail: "no person in KRR has this postkasseadresse")
        }
        switch person.category {
        case .reserved:
            throw LetterRejection(rule: "recipient-reserved",
                                  detail: "the person has reserved against digital post; send the letter on paper")
        case .digipost, .eboks:
            guard person.category == provider.mailboxCategory else {
                throw LetterRejection(rule: "wrong-mailbox-provider",
                                      detail: "the person's mailbox is at another provider than the SBDH receiver")
            }
        default:
            throw LetterRejection(rule: "recipient-without-mailbox",
                                  detail: "KRR gives the person no digital mailbox (\(person.category.rawValue))")
        }
        return "person:" + person.id
    }
}
