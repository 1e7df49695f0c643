import DPI
import Foundation
import PKI

/// One corner 4 behind the simulated access point: a mailbox provider (Digipost, e-Boks) or the print
/// provider, with the identity whose key opens letters addressed to it and the signer of its receipts.
struct SimulatedProvider: Sendable {
    /// The provider's organisation number: the SBDH receiver of the letters it takes.
    let organisation: OrganisationNumber
    /// The KRR category of the persons whose mailbox it holds; nil for the print provider.
    let mailboxCategory: KRRCategory?
    /// Its key and certificate: letters to it are encrypted to this certificate (spec 15 item 7).
    let identity: Identity
    /// Signs this provider's receipts (spec 16).
    let signer: JWSSigner

    /// A provider of `identity` for `organisation`; the example key pair `eksempel.pem` names no organisation
    /// in its certificate, so the organisation is given apart from the identity.
    init(identity: Identity, organisation: OrganisationNumber, mailboxCategory: KRRCategory?) {
        self.organisation = organisation
        self.mailboxCategory = mailboxCategory
        self.identity = identity
        signer = JWSSigner(identity: identity)
    }

    /// A provider of `identity`, for the organisation its certificate names; throws `.invalidConfiguration`
    /// when the certificate names none.
    init(identity: Identity, mailboxCategory: KRRCategory?) throws {
        guard let number = identity.certificate.organisationNumber,
              let organisation = try? OrganisationNumber(number) else {
            throw SimulatorError(.invalidConfiguration, "a provider certificate names no organisation number",
                                 details: identity.certificate.subject)
        }
        self.init(identity: identity, organisation: organisation, mailboxCategory: mailboxCategory)
    }

    /// Whether this is the print provider.
    var isPrint: Bool { mailboxCategory == nil }
}
