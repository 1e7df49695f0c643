/// Error codes of the document package: the structure of a received ASiC-E (spec 7.1, 15 item 8-10), its
/// decryption, and the checks that tie a package to its signed business message (spec 6, 9, 15).
extension DPIError.Code {
    /// The first entry is not `mimetype`, is compressed, or does not hold exactly `application/vnd.etsi.asic-e+zip`.
    public static let invalidMimetypeEntry = DPIError.Code("invalid mimetype entry")
    /// The package has no `META-INF/signatures.xml`.
    public static let missingPackageSignature = DPIError.Code("missing package signature")
    /// The package has a signature file other than `META-INF/signatures.xml`; DPI allows exactly one.
    public static let unexpectedSignatureFile = DPIError.Code("unexpected signature file")
    /// The package has no `manifest.xml`.
    public static let missingPackageManifest = DPIError.Code("missing package manifest")
    /// A file the manifest names (`href`) is not in the package.
    public static let manifestFileMissing = DPIError.Code("manifest file missing")
    /// A file in the package (outside `META-INF`) is not named by the manifest.
    public static let unlistedPackageFile = DPIError.Code("unlisted package file")
    /// The manifest's `mime` of a file differs from the MIME type its signature (`DataObjectFormat`) gives.
    public static let manifestMimeMismatch = DPIError.Code("manifest mime mismatch")
    /// The encrypted package cannot be decrypted with the recipient's key (another recipient, or damaged).
    public static let packageDecryptionFailed = DPIError.Code("package decryption failed")
    /// SHA-256 of the received CMS differs from `dokumentpakkefingeravtrykk` (spec 9): altered or swapped package.
    public static let fingerprintMismatch = DPIError.Code("fingerprint mismatch")
    /// The business message is of a type this check does not take (a letter where a receipt is due, say).
    public static let unexpectedMessageType = DPIError.Code("unexpected message type")
    /// The SBDH receiver is not the provider checking the letter (spec 15 item 2).
    public static let wrongMessageReceiver = DPIError.Code("wrong message receiver")
    /// The JWS signer's organisation is not the SBDH sender (spec 6, 15 item 5).
    public static let signerNotSender = DPIError.Code("signer not sender")
    /// The XAdES signing certificate is not the JWS signing certificate `x5c[0]` (spec 6, 15 item 9).
    public static let packageSignerMismatch = DPIError.Code("package signer mismatch")
    /// The manifest's `avsender` differs from the business message's `avsender` (spec 7.2, 15 item 10).
    public static let manifestSenderMismatch = DPIError.Code("manifest sender mismatch")
    /// The manifest's `postkasseadresse` differs from the business message's (spec 7.2, 15 item 10).
    public static let manifestRecipientMismatch = DPIError.Code("manifest recipient mismatch")
}
