public import Foundation
public import PKI

/// What a mailbox or print provider (corner 4) checks on a received letter, in the order of spec 15, for
/// the simulator and the tests: the JWS and its signer's chain; the business message; that it is addressed
/// to this provider and signed by its SBDH sender; the package fingerprint; decryption with this provider's
/// key; the ASiC-E package; that the package is signed by the JWS signer; and that the manifest agrees with
/// the message. Each failure is a `DPIError` with its own code.
///
/// Not checked here: the JSON schema, the Maskinporten token and sender registration (spec 15 items 2-4, 11).
public struct LetterVerifier: Sendable {
    /// The provider's identity: its key opens the package.
    public let recipient: Identity
    /// The expected SBDH receiver: the provider's organisation number.
    public let receiver: String?
    private let jwsVerifier: JWSVerifier
    private let packageVerifier: ASiCEVerifier
    private let clock: @Sendable () -> Date

    /// A verifier for letters to `recipient`, trusting `trustStore` (completing chains with `intermediates`)
    /// at the time `clock` gives. The expected SBDH receiver is `organisation`, by default the one in the
    /// recipient's certificate (give it for a key whose certificate names none, like the official examples').
    public init(trustStore: TrustStore, intermediates: [Certificate] = [], recipient: Identity,
                organisation: OrganisationNumber? = nil, limits: ZIPReader.Limits = ZIPReader.Limits(),
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.recipient = recipient
        receiver = organisation?.rawValue ?? recipient.certificate.organisationNumber
        jwsVerifier = JWSVerifier(trustStore: trustStore, intermediates: intermediates, clock: clock)
        // The package signer must equal the JWS signer, whose chain is checked, so no second chain check.
        packageVerifier = ASiCEVerifier(limits: limits)
        self.clock = clock
    }

    /// Verifies the business message `jwt` and its package `cms`. Throws the JWS verifier's codes,
    /// `.malformedBusinessMessage`, `.unexpectedMessageType`, `.wrongMessageReceiver`, `.signerNotSender`,
    /// `.fingerprintMismatch`, `.packageDecryptionFailed`, the package verifier's codes,
    /// `.packageSignerMismatch`, `.manifestSenderMismatch` or `.manifestRecipientMismatch`.
    public func verify(jwt: String, cms: Data) throws -> VerifiedLetter {
        let jws = try jwsVerifier.verify(jwt)
        let message = try BusinessMessage(jsonData: jws.payload)
        let package = try verifyContents(of: message, signedBy: jws.signer, cms: cms)
        return VerifiedLetter(jws: jws, message: message, package: package)
    }

    /// The checks after the JWS, for a caller that verified the JWS itself and checks more in between (the
    /// simulated access point): parties, fingerprint, decryption, package, package signer, manifest. `signer`
    /// must be the verified JWS's `x5c[0]`. Throws the codes of `verify(jwt:cms:)` after the JWS's.
    public func verifyContents(of message: BusinessMessage, signedBy signer: Certificate?, cms: Data) throws
        -> VerifiedASiCE {
        let (sender, fingerprint, mailboxAddress) = try Self.letterFields(of: message)
        try checkParties(of: message, signer: signer)
        guard fingerprint.digestMethod == PackageFingerprint.sha256Method,
              fingerprint.digestValue == PackageFingerprint(cms: cms).digestValue else {
            throw DPIError(.fingerprintMismatch, "the package's SHA-256 is not the fingerprint in the signed message",
                           field: "dokumentpakkefingeravtrykk")
        }
        let zip = try DocumentPackage.decrypt(cms, key: recipient.privateKey, certificate: recipient.certificate)
        let package = try packageVerifier.verify(zip, at: clock())
        guard package.signer.der == signer?.der else {
            throw DPIError(.packageSignerMismatch, "the package is signed by another certificate than the message",
                           details: "package \(package.signer.subject)")
        }
        try Self.checkManifest(package.manifest, sender: sender, mailboxAddress: mailboxAddress)
        return package
    }

    /// The Avsender, fingerprint and (digital) mailbox address of a letter message.
    private static func letterFields(of message: BusinessMessage) throws
        -> (MessageSender, PackageFingerprint, String?) {
        switch message.body {
        case .digital(let digital):
            return (digital.sender, digital.fingerprint, digital.mailboxAddress)
        case .print(let print):
            return (print.sender, print.fingerprint, nil)
        default:
            throw DPIError(.unexpectedMessageType, "a letter must be a digital or utskrift message",
                           field: "standardBusinessDocumentHeader.documentIdentification.type",
                           details: message.type.rawValue)
        }
    }

    /// The SBDH receiver is this provider and the SBDH sender is the JWS signer (spec 15 items 2 and 5).
    private func checkParties(of message: BusinessMessage, signer: Certificate?) throws {
        guard let receiver = message.receiverOrganisationNumber,
              receiver.rawValue == self.receiver else {
            throw DPIError(.wrongMessageReceiver, "the message is addressed to another provider",
                           field: "standardBusinessDocumentHeader.receiver",
                           details: "receiver \(message.receiverOrganisationNumber?.rawValue ?? "none")")
        }
        guard let sender = message.senderOrganisationNumber, sender.rawValue == signer?.organisationNumber else {
            throw DPIError(.signerNotSender, "the message is signed by another organisation than its SBDH sender",
                           field: "standardBusinessDocumentHeader.sender",
                           details: "signer \(signer?.organisationNumber ?? "none")")
        }
    }

    /// The manifest's Avsender and mailbox address are the message's (spec 7.2, 15 item 10).
    private static func checkManifest(_ manifest: SDPManifest, sender: MessageSender, mailboxAddress: String?) throws {
        let expected = SDPManifest.Sender(organisation: sender.organisation.value,
                                          senderIdentifier: sender.senderIdentifier,
                                          invoiceReference: sender.invoiceReference)
        guard manifest.sender == expected else {
            throw DPIError(.manifestSenderMismatch, "the manifest's avsender differs from the message's avsender",
                           field: "manifest.avsender")
        }
        if let mailboxAddress, manifest.mailboxAddress != mailboxAddress {
            throw DPIError(.manifestRecipientMismatch, "the manifest's postkasseadresse differs from the message's",
                           field: "manifest.mottaker.person.postkasseadresse")
        }
    }
}
