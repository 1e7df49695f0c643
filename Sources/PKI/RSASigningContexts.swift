internal import COpenSSL
import Synchronization

/// Idle OpenSSL contexts of one RSA key, each set up once for RSASSA-PKCS1-v1_5 with SHA-256, so that a
/// signature costs a SHA-256 digest and `EVP_PKEY_sign` — what `openssl speed rsa2048` measures — and not a
/// new context with its provider lookups (`EVP_DigestSignInit`) every time; a mass mailing signs twice per
/// letter.
///
/// A context serves one signature at a time: `take` hands out an idle one (or makes one) and `give` puts
/// it back, so there are never more contexts than signatures made at once.
final class RSASigningContexts: Sendable {
    private let idle = Mutex<[RSASigningContext]>([])

    /// An idle context, or a new one for `pkey`; nil when OpenSSL cannot set one up (its error is queued).
    func take(for pkey: OpaquePointer) -> RSASigningContext? {
        if let context = idle.withLock({ $0.popLast() }) { return context }
        return RSASigningContext(pkey)
    }

    /// Keeps `context` for the next signature. Only for contexts whose last use succeeded.
    func give(_ context: RSASigningContext) {
        idle.withLock { $0.append(context) }
    }
}

/// One `EVP_PKEY_CTX` after `EVP_PKEY_sign_init`, PKCS#1 v1.5 padding and SHA-256 as the signature's digest.
///
/// `@unchecked Sendable`: it moves between threads only through `RSASigningContexts`, under its lock, and
/// is used by one signature at a time.
final class RSASigningContext: @unchecked Sendable {
    let handle: OpaquePointer

    fileprivate init?(_ pkey: OpaquePointer) {
        guard let handle = EVP_PKEY_CTX_new_from_pkey(nil, pkey, nil) else { return nil }
        guard EVP_PKEY_sign_init(handle) == 1,
              EVP_PKEY_CTX_set_rsa_padding(handle, RSA_PKCS1_PADDING) > 0,
              EVP_PKEY_CTX_set_signature_md(handle, FetchedAlgorithm.sha256.handle) > 0 else {
            EVP_PKEY_CTX_free(handle)
            return nil
        }
        self.handle = handle
    }

    deinit {
        EVP_PKEY_CTX_free(handle)
    }
}
