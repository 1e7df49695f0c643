import DPI
import Foundation
import PKI

/// One corner 4 behind the simulated access point: a mailbox provider (Digipost, e-Boks) or the print
/// provider, with the verifier that opens letters addressed to it and the signer of its receipts.
struct SimulatedProvider: Sendable {
    /// The provider's organisation number (from its certificate).
    let organisation: OrganisationNumber
    /// The KRR category of the persons whose mailbox it holds; nil for the print provider.
    let mailboxCategory: KRRCategory?
    /// Checks letters as this provider would (spec 15).
    let verifier: LetterVerifier
    /// Signs this provider's receipts (spec 16).
    let signer: JWSSigner

    /// A provider of `identity`; throws `.invalidConfiguration` when its certificate has no organisation number.
    init(identity: Identity, mailboxCategory: KRRCategory?, configuration: AccessPointSimulator.Configuration) throws {
        guard let number = identity.certificate.organisationNumber,
              let organisation = try? OrganisationNumber(number) else {
            throw SimulatorError(.invalidConfiguration, "a provider certificate names no organisation number",
                                 details: identity.certificate.subject)
        }
        self.organisation = organisation
        self.mailboxCategory = mailboxCategory
        verifier = LetterVerifier(trustStore: configuration.trustStore, intermediates: configuration.intermediates,
                                  recipient: identity, clock: configuration.clock)
        signer = JWSSigner(identity: identity)
    }

    /// Whether this is the print provider.
    var isPrint: Bool { mailboxCategory == nil }
}
