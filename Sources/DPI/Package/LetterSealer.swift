public import Foundation
public import PKI

/// Turns typed letters into their wire form (`SealedLetter`): the SDP manifest from the letter, the signed
/// ASiC-E package, its CMS encryption to the provider, the fingerprint, and the signed business message.
///
/// Make one per sender identity and share it between worker threads: it is immutable, holds the identity
/// and a `JWSSigner` whose header is encoded once, and each letter costs exactly two RSA private-key
/// operations (the XAdES signature and the JWS) plus one RSA public-key operation (the CMS key transport).
public struct LetterSealer: Sendable {
    /// The signing identity (the Avsender's, or its Databehandler's, enterprise certificate).
    public var identity: Identity { packageSigner.identity }
    /// The rules letters are checked against before anything is built.
    public let validation: LetterValidation
    /// zlib's level (0...9) for documents that are not compressed already (text, HTML); 6 like the reference.
    public let compressionLevel: Int
    private let packageSigner: XAdESSigner
    private let signer: JWSSigner

    /// A sealer signing with `identity`; `additionalCertificates` go to the XAdES `KeyInfo` after the keystore's
    /// chain (the root when the keystore lacks it, spec 7.4). Throws `.signingFailed` when the certificate
    /// carries no organisation number (it could not be matched to the letters' sender).
    public init(identity: Identity, additionalCertificates: [Certificate] = [],
                validation: LetterValidation = LetterValidation(), compressionLevel: Int = 6) throws {
        guard identity.certificate.organisationNumber != nil else {
            throw DPIError(.signingFailed, "the signing certificate names no organisation number; DPI needs an "
                           + "enterprise certificate", details: identity.certificate.subject, disposition: .abort)
        }
        packageSigner = try XAdESSigner(identity: identity, additionalCertificates: additionalCertificates)
        self.validation = validation
        self.compressionLevel = compressionLevel
        signer = JWSSigner(identity: identity)
    }

    /// Seals a digital letter for its mailbox provider. `contents` are the documents' bytes in
    /// `letter.documents` order; `recipient` is the mailbox provider's certificate from KRR. The letter is
    /// validated first (`.invalidLetter`), so a bad letter costs no RSA work.
    public func seal(_ letter: DigitalLetter, contents: [DocumentContents], messageId: UUID, conversationId: UUID,
                     createdAt: Timestamp, expectedResponseBy: Timestamp? = nil, maskinportenToken: String,
                     recipient: Certificate) throws -> SealedLetter {
        try checkSigner(for: letter.sender)
        let transmission = Transmission(messageId: messageId, conversationId: conversationId, createdAt: createdAt,
                                        expectedResponseBy: expectedResponseBy, fingerprint: .pending,
                                        maskinportenToken: maskinportenToken)
        try validation.validate(letter, now: createdAt.date)
        return try seal(SDPManifest(letter), contents, transmission, recipient) { sent in
            BusinessMessage.digital(validated: letter, sent)
        }
    }

    /// Seals a print letter for the print provider (`recipient`: the certificate of the print certificate
    /// endpoint). As `seal(_:contents:...)` for digital letters.
    public func seal(_ letter: PrintLetter, contents: [DocumentContents], messageId: UUID, conversationId: UUID,
                     createdAt: Timestamp, expectedResponseBy: Timestamp? = nil, maskinportenToken: String,
                     recipient: Certificate) throws -> SealedLetter {
        try checkSigner(for: letter.sender)
        let transmission = Transmission(messageId: messageId, conversationId: conversationId, createdAt: createdAt,
                                        expectedResponseBy: expectedResponseBy, fingerprint: .pending,
                                        maskinportenToken: maskinportenToken)
        try validation.validate(letter)
        return try seal(SDPManifest(letter), contents, transmission, recipient) { sent in
            BusinessMessage.print(validated: letter, sent)
        }
    }

    /// The signer must be the SBDH sender (spec 6): the Databehandler when there is one, else the Avsender.
    private func checkSigner(for sender: LetterSender) throws {
        guard identity.certificate.organisationNumber == sender.technicalSender.rawValue else {
            throw DPIError(.signerNotSender, "the signing certificate belongs to another organisation than the "
                           + "letter's sender (or Databehandler)", field: "avsender",
                           details: "certificate \(identity.certificate.organisationNumber ?? "none")",
                           disposition: .abort)
        }
    }

    /// Builds and encrypts the package, then signs the business message `message` makes of the transmission
    /// with the package's fingerprint (spec 9): the message is made once, when everything in it is known.
    private func seal(_ manifest: SDPManifest, _ contents: [DocumentContents], _ transmission: Transmission,
                      _ recipient: Certificate, message: (Transmission) -> BusinessMessage) throws -> SealedLetter {
        let container = try ASiCEContainer(manifest: manifest, contents: contents)
        let package = try DocumentPackage.seal(
            container, signer: packageSigner, signingTime: transmission.createdAt.date,
            timeZone: TimeZone(secondsFromGMT: transmission.createdAt.utcOffsetSeconds) ?? .gmt,
            compressionLevel: compressionLevel, to: recipient)
        var sent = transmission
        sent.fingerprint = package.fingerprint
        let jwt = try signer.sign(message(sent).jsonBytes())
        return SealedLetter(jwt: jwt, cms: package.cms, fingerprint: package.fingerprint,
                            messageId: transmission.messageId, conversationId: transmission.conversationId)
    }
}

extension PackageFingerprint {
    /// Stands in for the fingerprint until the package exists.
    static let pending = PackageFingerprint(digestValue: "")
}
