public import Foundation
public import PKI

/// What a valid `signatures.xml` says: who signed (to be checked against the expected organisation and,
/// if the verifier had none, a trust store), when, and which files with which MIME types.
public struct VerifiedSignature: Sendable {
    /// The signing certificate (the first `KeyInfo` certificate, matched by `SigningCertificate`).
    public let signer: Certificate
    /// The other `KeyInfo` certificates, in document order (issuing CA, root).
    public let chain: [Certificate]
    /// The claimed `SigningTime`.
    public let signingTime: Date
    /// The signed files in reference order, with the MIME types of their `DataObjectFormat`
    /// (empty when the signature gives none).
    public let files: [XAdESSignature.File]
}
