public import Foundation
public import PKI

/// Makes XAdES signatures (`META-INF/signatures.xml`) for one signer. Everything that depends only on the
/// signer — the `KeyInfo` certificates, the issuer name in Java's form, the certificate digest — is
/// prepared once here, so that signing a letter costs its RSA operation and little else (a mass mailing
/// signs millions). Immutable and `Sendable`: share one between worker threads.
public struct XAdESSigner: Sendable {
    /// The identity whose key signs.
    public let identity: Identity
    private let parts: XAdESSignerParts

    /// A signer for `identity`. `KeyInfo` holds its certificate, its keystore chain and then
    /// `additionalCertificates` (the profile wants the chain up to the root; pass the root when the keystore
    /// lacks it), each once. Throws `.signingFailed` when the certificate's issuer name cannot be read.
    public init(identity: Identity, additionalCertificates: [Certificate] = []) throws {
        var certificates: [Data] = []
        for certificate in [identity.certificate] + identity.chain + additionalCertificates
        where !certificates.contains(certificate.der) {
            certificates.append(certificate.der)
        }
        let issuerName: String
        do {
            issuerName = try IssuerName.javaString(ofCertificate: identity.certificate.der)
        } catch {
            throw DPIError(.signingFailed, "the signer certificate's issuer name cannot be read",
                           details: identity.certificate.subject, disposition: .abort)
        }
        self.identity = identity
        parts = XAdESSignerParts(certificates: certificates,
                                 certificateDigest: Digest.sha1(identity.certificate.der).base64EncodedString(),
                                 issuerName: issuerName, serialNumber: identity.certificate.serialNumber)
    }

    /// Signs `signature`'s files at its signing time and returns the `signatures.xml` bytes. Throws
    /// `.invalidSignedFile` for a bad file list, or the key's `PKIError` when signing fails.
    public func sign(_ signature: XAdESSignature) throws -> Data {
        Data(try signedDocument(signature).text())
    }

    /// `sign(_:)`'s `signatures.xml` with its CRC-32, for the package's ZIP entry (the signer's certificates
    /// are checksummed once, here, not in every letter).
    func signWithChecksum(_ signature: XAdESSignature) throws -> (text: Data, crc32: UInt32) {
        let (text, crc32) = try signedDocument(signature).textWithChecksum()
        return (Data(text), crc32)
    }

    private func signedDocument(_ signature: XAdESSignature) throws -> XAdESDocument {
        try signature.validate()
        var document = XAdESDocument(
            references: signature.files.map {
                .init(uri: XAdESSignature.uri(for: $0.name), mimeType: $0.mimeType, sha256: $0.sha256)
            },
            signingTime: SigningTime.format(signature.signingTime, in: signature.timeZone), signer: parts)
        document.signedPropertiesDigest = Digest.sha256(document.signedProperties(.canonical))
        document.signatureValue = try identity.privateKey.signRSASHA256(document.signedInfo(.canonical))
        return document
    }
}
