public import Foundation

/// An encrypted document package ready to upload: the CMS bytes exactly as sent (`dokumentpakke`) and
/// their fingerprint for the business message (spec 8, 9). Keep both for retries: re-encrypting changes
/// the fingerprint.
public struct SealedPackage: Sendable {
    /// The CMS EnvelopedData (DER) of the ASiC-E package.
    public let cms: Data
    /// SHA-256 of `cms`, as `dokumentpakkefingeravtrykk`.
    public let fingerprint: PackageFingerprint
}
