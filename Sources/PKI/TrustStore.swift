public import Foundation
internal import COpenSSL

/// The certificates we trust as roots, and chain verification against them at a given time: is the
/// sender's, a mailbox provider's or Maskinporten's certificate issued under one of our anchors?
///
/// `@unchecked Sendable`: the `X509_STORE` is filled in `init` and only read afterwards; OpenSSL locks
/// its lookups internally, and each `verify` uses its own `X509_STORE_CTX`.
public final class TrustStore: @unchecked Sendable {
    private let store: OpaquePointer
    /// The trust anchors, as given.
    public let anchors: [Certificate]

    /// A store trusting exactly `anchors` (no system roots).
    public init(anchors: [Certificate]) throws {
        guard let store = X509_STORE_new() else {
            throw PKIError.openSSL(.openSSLFailure, "could not allocate a certificate store")
        }
        for anchor in anchors {
            guard X509_STORE_add_cert(store, anchor.x509) == 1 else {
                X509_STORE_free(store)
                throw PKIError.openSSL(.openSSLFailure, "could not add a trust anchor", context: anchor.subject)
            }
        }
        self.store = store
        self.anchors = anchors
    }

    /// A store trusting every certificate of a PEM bundle (`trust-anchors.pem`).
    public convenience init(pem: Data) throws {
        let anchors = try Certificate.bundle(pem: pem)
        guard !anchors.isEmpty else {
            throw PKIError(.malformedCertificate, "the trust anchor file holds no PEM certificate")
        }
        try self.init(anchors: anchors)
    }

    deinit {
        X509_STORE_free(store)
    }

    /// Checks that `leaf` chains to an anchor through `intermediates`, every certificate valid at `time`
    /// with good signatures and CA constraints. Throws `.certificateExpired`, `.certificateNotYetValid`,
    /// `.untrustedCertificate`, `.badCertificateSignature` or `.certificateRejected`, saying which
    /// certificate in the chain failed and why (OpenSSL's verify message).
    public func verify(_ leaf: Certificate, intermediates: [Certificate] = [], at time: Date = Date()) throws {
        guard let context = X509_STORE_CTX_new(), let untrusted = shim_sk_X509_new_null() else {
            throw PKIError.openSSL(.openSSLFailure, "could not allocate a verification context")
        }
        defer {
            X509_STORE_CTX_free(context)
            shim_sk_X509_free(untrusted)   // the certificates stay owned by their Certificate objects
        }
        for certificate in intermediates {
            guard shim_sk_X509_push(untrusted, certificate.x509) > 0 else {
                throw PKIError.openSSL(.openSSLFailure, "could not collect the intermediate certificates")
            }
        }
        guard X509_STORE_CTX_init(context, store, leaf.x509, untrusted) == 1 else {
            throw PKIError.openSSL(.openSSLFailure, "could not start chain verification")
        }
        X509_VERIFY_PARAM_set_time(X509_STORE_CTX_get0_param(context), time_t(time.timeIntervalSince1970))
        let verified = withExtendedLifetime((leaf, intermediates)) { X509_verify_cert(context) }
        guard verified != 1 else { return }

        let reason = X509_STORE_CTX_get_error(context)
        let depth = X509_STORE_CTX_get_error_depth(context)
        let failingSubject = X509_STORE_CTX_get_current_cert(context).map { Certificate.subjectText(of: $0) }
        let why = String(cString: X509_verify_cert_error_string(Int(reason)))
        let which = depth == 0 ? "the certificate" : "its issuer at chain depth \(depth)"
        throw PKIError.openSSL(TrustStore.code(for: reason), "\(which) failed verification: \(why)",
                               context: "leaf \(leaf.subject); failing \(failingSubject ?? "?"); checked at \(time)")
    }

    private static func code(for reason: Int32) -> PKIError.Code {
        switch reason {
        case X509_V_ERR_CERT_HAS_EXPIRED:
            return .certificateExpired
        case X509_V_ERR_CERT_NOT_YET_VALID:
            return .certificateNotYetValid
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT, X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY,
             X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT, X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN,
             X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE, X509_V_ERR_CERT_UNTRUSTED:
            return .untrustedCertificate
        case X509_V_ERR_CERT_SIGNATURE_FAILURE, X509_V_ERR_UNABLE_TO_DECRYPT_CERT_SIGNATURE:
            return .badCertificateSignature
        default:
            return .certificateRejected
        }
    }
}
