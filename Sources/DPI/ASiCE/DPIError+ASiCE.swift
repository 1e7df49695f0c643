/// Error codes of the ASiC-E part: the SDP manifest, the container manifest and the XAdES signature.
extension DPIError.Code {
    /// A manifest value breaks a rule of `sdp-manifest.xsd` or of the package (spec 7.2): fix the letter's data.
    public static let invalidManifest = DPIError.Code("invalid manifest")
    /// An XML document does not conform to its XML Schema (e.g. `manifest.xml` to `sdp-manifest.xsd`).
    public static let schemaViolation = DPIError.Code("schema violation")
    /// An XML Schema file could not be read or compiled: a configuration error.
    public static let unusableSchema = DPIError.Code("unusable schema")
    /// A file handed to the XAdES signer has an empty, duplicate or reserved name (spec 7.1, 7.4).
    public static let invalidSignedFile = DPIError.Code("invalid signed file")
    /// `signatures.xml` is not well-formed XML or lacks the structure or algorithms of the DPI XAdES profile.
    public static let malformedSignature = DPIError.Code("malformed signature")
    /// A package file (outside `META-INF`, other than `mimetype`) is not covered by any signature reference.
    public static let missingSignatureReference = DPIError.Code("missing signature reference")
    /// A signature reference names a file the package does not hold, or names a file a second time.
    public static let extraSignatureReference = DPIError.Code("extra signature reference")
    /// A referenced file (or the SignedProperties) does not hash to the digest in its reference.
    public static let signatureDigestMismatch = DPIError.Code("signature digest mismatch")
    /// The RSA-SHA256 `SignatureValue` does not verify over the canonical `SignedInfo` with the signer's key.
    public static let badSignatureValue = DPIError.Code("bad signature value")
    /// `SigningCertificate` (digest or serial) does not describe the first certificate of `KeyInfo`.
    public static let certificateDigestMismatch = DPIError.Code("certificate digest mismatch")
    /// Signing failed for a reason outside the letter: the key, or libxml2 (configuration or programmer error).
    public static let signingFailed = DPIError.Code("signing failed")
}
