public import Foundation
public import PKI

/// Verifies the `META-INF/signatures.xml` of a received ASiC-E package (spec 7.4, 15): its structure, that
/// every package file outside `META-INF` (except `mimetype`) is referenced exactly once with a matching
/// SHA-256, the SignedProperties digest, that `SigningCertificate` describes the `KeyInfo` leaf, and the
/// RSA-SHA256 signature over the canonical `SignedInfo`. Optionally checks the signer's chain.
public struct XAdESVerifier: Sendable {
    /// When set, the signer must chain to one of its anchors through the `KeyInfo` certificates.
    public let trustStore: TrustStore?

    /// A verifier; without a trust store the caller must check `VerifiedSignature.signer` itself.
    public init(trustStore: TrustStore? = nil) {
        self.trustStore = trustStore
    }

    /// Verifies `signatures` against the package's entries (name → uncompressed bytes; `mimetype` and
    /// `META-INF/` entries may be included and are skipped). See `verify(_:fileDigests:at:)`.
    public func verify(_ signatures: Data, files: [String: Data], at time: Date = Date()) throws -> VerifiedSignature {
        try verify(signatures, fileDigests: files.mapValues(Digest.sha256), at: time)
    }

    /// Verifies `signatures` against the SHA-256 digests of the package's entries. Throws `DPIError`
    /// `.malformedSignature`, `.extraSignatureReference`, `.missingSignatureReference`,
    /// `.signatureDigestMismatch` (field: the file, or `SignedProperties`), `.certificateDigestMismatch` or
    /// `.badSignatureValue`; and, with a trust store, its `PKIError` when the chain fails at `time`.
    public func verify(_ signatures: Data, fileDigests: [String: Data], at time: Date = Date()) throws
        -> VerifiedSignature {
        let tree = try XMLTree(parsing: signatures, invalid: .malformedSignature, what: "signatures.xml")
        let structure = try SignatureStructure(tree)
        try Self.checkReferences(structure.fileReferences, against: fileDigests)
        let signedProperties = try structure.signedProperties.canonical(structure.signedPropertiesTransform)
        guard Digest.sha256(signedProperties) == structure.signedPropertiesDigest else {
            throw DPIError(.signatureDigestMismatch, "the signed properties do not match their digest (altered)",
                           field: "SignedProperties")
        }
        let certificates = try structure.certificates.map { der in
            do {
                return try Certificate(der: der)
            } catch {
                throw SignatureStructure.malformed("a KeyInfo certificate cannot be parsed", details: "\(error)")
            }
        }
        let signer = certificates[0]
        try Self.checkSigningCertificate(structure.certificateDigests, describe: signer)
        guard signer.verifyRSASHA256(signature: structure.signatureValue,
                                     data: try structure.signedInfo.canonical(structure.canonicalization)) else {
            throw DPIError(.badSignatureValue, "the signature value does not verify with the signer's key over "
                           + "SignedInfo", details: "signer \(signer.subject)")
        }
        guard let signingTime = SigningTime.parse(structure.signingTime) else {
            throw SignatureStructure.malformed("SigningTime is not an xsd:dateTime with time zone",
                                               details: structure.signingTime)
        }
        try trustStore?.verify(signer, intermediates: Array(certificates.dropFirst()), at: time)
        let files = structure.fileReferences.map { reference in
            XAdESSignature.File(name: reference.uri, mimeType: reference.id.flatMap { structure.mimeTypes[$0] } ?? "",
                                sha256: reference.sha256)
        }
        return VerifiedSignature(signer: signer, chain: Array(certificates.dropFirst()), signingTime: signingTime,
                                 files: files)
    }
}
