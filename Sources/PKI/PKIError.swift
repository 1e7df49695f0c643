public import ErrorDisposition

/// The one error type of the PKI module: what went wrong with a key, certificate, keystore or CMS package.
///
/// `description` is safe to log (no key material, no passwords, no package content); the OpenSSL error
/// queue and other details are in `debugDescription`. Errors compare by `code`.
public struct PKIError: ClassifiedError, Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What kind of failure this is; switch or compare on it.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        enum Base: String, Sendable {
            case fileNotReadable = "file not readable"
            case malformedCertificate = "malformed certificate"
            case malformedKey = "malformed private key"
            case unsupportedKey = "unsupported key type"
            case wrongPassword = "wrong password"
            case malformedKeystore = "malformed keystore"
            case keyMismatch = "private key does not match certificate"
            case untrustedCertificate = "untrusted certificate"
            case certificateExpired = "certificate expired"
            case certificateNotYetValid = "certificate not yet valid"
            case badCertificateSignature = "bad certificate signature"
            case certificateRejected = "certificate rejected"
            case notCMS = "not a CMS EnvelopedData package"
            case corruptedCMS = "corrupted CMS package"
            case noMatchingRecipient = "no matching CMS recipient"
            case wrongRecipientKey = "wrong key for CMS recipient"
            case openSSLFailure = "OpenSSL failure"
        }
        let base: Base

        /// A file (keystore, PEM) could not be read: missing, unreadable or a folder.
        public static let fileNotReadable = Code(base: .fileNotReadable)
        /// Bytes that should be a certificate (PEM or DER) are not one.
        public static let malformedCertificate = Code(base: .malformedCertificate)
        /// Bytes that should be a private key (PEM) are not one.
        public static let malformedKey = Code(base: .malformedKey)
        /// The key is not RSA; DPI signs (RS256, XAdES) and encrypts (RSAES-OAEP) with RSA only.
        public static let unsupportedKey = Code(base: .unsupportedKey)
        /// The password of an encrypted key or a PKCS#12 keystore is wrong (or missing).
        public static let wrongPassword = Code(base: .wrongPassword)
        /// A PKCS#12 keystore is truncated, corrupt, or lacks a key or certificate.
        public static let malformedKeystore = Code(base: .malformedKeystore)
        /// A private key and the certificate said to belong to it have different public keys.
        public static let keyMismatch = Code(base: .keyMismatch)
        /// The chain does not lead to a trust anchor (unknown or untrusted issuer, self-signed).
        public static let untrustedCertificate = Code(base: .untrustedCertificate)
        /// A certificate in the chain had expired at the checked time.
        public static let certificateExpired = Code(base: .certificateExpired)
        /// A certificate in the chain was not yet valid at the checked time.
        public static let certificateNotYetValid = Code(base: .certificateNotYetValid)
        /// A certificate's signature does not verify with its issuer's key.
        public static let badCertificateSignature = Code(base: .badCertificateSignature)
        /// Chain verification failed for another reason (extensions, purpose, path length...).
        public static let certificateRejected = Code(base: .certificateRejected)
        /// The bytes are not a DER/BER CMS ContentInfo holding EnvelopedData.
        public static let notCMS = Code(base: .notCMS)
        /// The CMS parsed but its encrypted content does not decrypt (damaged ciphertext or padding).
        public static let corruptedCMS = Code(base: .corruptedCMS)
        /// The given certificate is not among the package's recipients.
        public static let noMatchingRecipient = Code(base: .noMatchingRecipient)
        /// The private key cannot unwrap the package's content key: the package is for someone else.
        public static let wrongRecipientKey = Code(base: .wrongRecipientKey)
        /// OpenSSL failed where it should not (allocation, internal error); details in debugDescription.
        public static let openSSLFailure = Code(base: .openSSLFailure)

        /// A short, log-safe name of the code.
        public var description: String { base.rawValue }
    }


    /// The kind of failure.
    public let code: Code
    /// A log-safe sentence: what is wrong and what to fix.
    public let message: String
    /// Details for debugging: the OpenSSL error queue drained right after the failing call, paths, subjects.
    public let details: String

    init(_ code: Code, _ message: String, details: String = "") {
        self.code = code
        self.message = message
        self.details = details
    }

    /// Loading failures (keys, keystores, files) are configuration errors; certificate and package
    /// failures concern the item at hand. A caller that knows better (its own sender certificate
    /// expired) may treat a `.reject` as fatal.
    public var disposition: Disposition {
        switch code.base {
        case .fileNotReadable, .malformedKey, .unsupportedKey, .wrongPassword, .malformedKeystore, .keyMismatch,
             .openSSLFailure:
            return .abort
        case .malformedCertificate, .untrustedCertificate, .certificateExpired, .certificateNotYetValid,
             .badCertificateSignature, .certificateRejected, .notCMS, .corruptedCMS, .noMatchingRecipient,
             .wrongRecipientKey:
            return .reject
        }
    }

    /// `code: message`, safe to log.
    public var description: String { "PKIError.\(code.base): \(message)" }

    /// The description followed by the details.
    public var debugDescription: String { details.isEmpty ? description : "\(description) [\(details)]" }

    /// Errors are equal when their codes are: messages and details vary with the input.
    public static func == (lhs: PKIError, rhs: PKIError) -> Bool { lhs.code == rhs.code }
}
