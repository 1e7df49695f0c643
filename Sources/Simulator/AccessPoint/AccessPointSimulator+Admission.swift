import DPI
import Foundation
import PKI

extension AccessPointSimulator {
    /// Checks one letter as corner 2 and corner 4 would (spec 10.2, 15) and returns what to store: the
    /// addressed provider, the JWS and chain, parties, fingerprint, decryption, ASiC-E and manifest
    /// (`LetterVerifier`); the bearer token against the message; and the person's KRR category against the
    /// provider. In accept-only mode only the message is read, to route its receipts.
    func admit(jwt: String, cms: Data, token: MaskinportenToken, kanal: String?) throws(LetterRejection)
        -> StoredLetter {
        guard let parsed = try? JWS.parse(jwt) else {
            throw LetterRejection(rule: "malformed-jws", detail: "forretningsmelding is not a compact JWS")
        }
        let message: BusinessMessage
        do {
            message = try BusinessMessage(jsonData: parsed.payload)
        } catch {
            throw LetterRejection(rule: "malformed-business-message",
                                  detail: (error as? DPIError)?.message ?? "the payload is not a business message")
        }
        let letter = try LetterFields(message)
        guard let receiver = message.receiverOrganisationNumber,
              let index = providers.firstIndex(where: { $0.organisation == receiver }) else {
            throw LetterRejection(rule: "unknown-receiver",
                                  detail: "the SBDH receiver is not a provider served by this access point")
        }
        let provider = providers[index]
        guard provider.isPrint == letter.isPrint else {
            throw LetterRejection(rule: "wrong-provider-for-type",
                                  detail: letter.isPrint ? "utskrift must go to the print provider"
                                      : "digital must go to a mailbox provider")
        }
        if !configuration.acceptOnly {
            let signer = try verify(jwt: jwt, cms: cms, at: provider)
            try Self.checkToken(token, against: letter, signer: signer)
        }
        return StoredLetter(
            messageId: message.header.documentIdentification.instanceIdentifier.lowercased(), message: message,
            provider: index, owners: Set([message.senderOrganisationNumber?.rawValue,
                                          letter.sender.organisation.organisationNumber?.rawValue].compactMap { $0 }),
            kanal: kanal, senderIdentifier: letter.sender.senderIdentifier,
            recipientKey: try recipientKey(of: letter, at: provider), acceptedAt: configuration.clock(),
            transportFails: faults.transportFails(messageId: message.header.documentIdentification.instanceIdentifier
                .lowercased()))
    }

    /// `LetterVerifier` for `provider`; its error code becomes the rule (`bad JWS signature` →
    /// `bad-jws-signature`). Returns the JWS signer's certificate.
    private func verify(jwt: String, cms: Data, at provider: SimulatedProvider) throws(LetterRejection)
        -> Certificate? {
        do {
            return try provider.verifier.verify(jwt: jwt, cms: cms).jws.signer
        } catch let error as DPIError {
            let rule = error.code.description.lowercased().replacingOccurrences(of: " ", with: "-")
            throw LetterRejection(rule: rule, detail: error.message)
        } catch {
            throw LetterRejection(rule: "verification-failed", detail: "the letter could not be verified")
        }
    }

    /// Spec 10.2 and 15 items 3-5: the embedded token is the bearer token, the Avsender is the token's
    /// consumer, and the signer is the token's supplier (data processor) or else its consumer.
    private static func checkToken(_ token: MaskinportenToken, against letter: LetterFields, signer: Certificate?)
        throws(LetterRejection) {
        guard letter.maskinportenToken == token.compact else {
            throw LetterRejection(rule: "token-mismatch",
                                  detail: "maskinportentoken in the message is not the bearer token of the request")
        }
        guard letter.sender.organisation.organisationNumber?.rawValue == token.consumer.organisationNumber else {
            throw LetterRejection(rule: "avsender-not-token-consumer",
                                  detail: "the message's avsender is not the consumer of the token")
        }
        guard signer?.organisationNumber == token.sendingParty.organisationNumber else {
            throw LetterRejection(rule: "signer-not-token-party",
                                  detail: "the message is signed by another organisation than the token's "
                                      + "supplier (or consumer)")
        }
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
