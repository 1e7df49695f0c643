public import Foundation
public import PKI

/// The `dokumentpakke` of a letter (spec 8, 9): the signed ASiC-E package encrypted as CMS for the
/// mailbox or print provider, and the way back for a receiver.
///
/// Memory: sealing holds the ZIP and the CMS (encrypted straight into its final buffer) at once, about twice
/// the package. The ZIP is kept as the pieces it was written in: records and small files gathered in arrays,
/// each document as the bytes it was read into (a file in chunks of 1 MiB), so a document shared by many
/// letters is encrypted from the one copy of it in memory. Opening holds the CMS and the ZIP.
public enum DocumentPackage {
    /// Builds `container` in memory, signed by `signer` at `signingTime`, encrypts it to `recipient` (the
    /// provider's certificate from KRR or the print certificate endpoint) with a fresh AES key, and
    /// fingerprints the CMS bytes. Throws `DPIError` (manifest, ZIP, signing) or `PKIError` (encryption).
    public static func seal(_ container: ASiCEContainer, signer: XAdESSigner, signingTime: Date,
                            timeZone: TimeZone = TimeZone(secondsFromGMT: 0)!, compressionLevel: Int = 6,
                            to recipient: Certificate) throws -> SealedPackage {
        let cms = try CMSEnvelope.encryptWithDigest(
            pieces: container.pieces(signer: signer, signingTime: signingTime, timeZone: timeZone,
                                     compressionLevel: compressionLevel),
            to: recipient)
        return SealedPackage(cms: cms.der, fingerprint: PackageFingerprint(sha256: cms.sha256))
    }

    /// Decrypts `cms` with the recipient's `key` (and `certificate`, to pick its recipient entry), then
    /// verifies the package with `verifier` at `time`. Throws `.packageDecryptionFailed` when the package is
    /// not for this key or cannot be decrypted, then the verifier's errors.
    public static func open(cms: Data, key: PrivateKey, certificate: Certificate? = nil,
                            verifier: ASiCEVerifier = ASiCEVerifier(), at time: Date = Date()) throws -> VerifiedASiCE {
        try verifier.verify(decrypt(cms, key: key, certificate: certificate), at: time)
    }

    /// The ZIP inside `cms`; PKI's decryption errors become `.packageDecryptionFailed` with the reason kept.
    static func decrypt(_ cms: Data, key: PrivateKey, certificate: Certificate?) throws -> Data {
        do {
            return try CMSEnvelope.decrypt(cms, with: key, certificate: certificate)
        } catch let error as PKIError {
            throw DPIError(.packageDecryptionFailed, "the document package cannot be decrypted with this key "
                           + "(encrypted to another recipient, or damaged)", details: error.debugDescription)
        }
    }
}
