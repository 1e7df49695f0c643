internal import COpenSSL
import Synchronization

/// Idle OpenSSL contexts of one key, each set up once for one operation — RS256 signing, RSAES-OAEP
/// encryption — and kept from one use to the next. Setting a context up (a new `EVP_PKEY_CTX`, the provider
/// lookups of its `*_init`, the padding and digests) showed in profiles of letter sealing, which signs twice
/// and encrypts once per letter; `openssl speed` likewise sets its contexts up once.
///
/// A context serves one operation at a time: `take` hands out an idle one (or sets one up) and `give` puts
/// it back, so there are never more contexts than operations at once. Each context holds its own copy of the
/// key (`EVP_PKEY_dup`): OpenSSL keeps an RSA key's blinding values and Montgomery caches in the key behind
/// locks, and threads sharing one key slowed each other down (two threads made 1.78 times the signatures of
/// one; with a copy per context 2.0 times, `ops/bench formats`).
final class KeyContextPool: Sendable {
    /// Prepares a new context for the pool's operation; false when OpenSSL refuses (its error is queued).
    typealias SetUp = @Sendable (OpaquePointer) -> Bool

    private let idle = Mutex<[KeyContext]>([])
    private let setUp: SetUp

    init(setUp: @escaping SetUp) {
        self.setUp = setUp
    }

    /// An idle context, or a new one for `pkey`; nil when OpenSSL cannot set one up (its error is queued).
    func take(for pkey: OpaquePointer) -> KeyContext? {
        if let context = idle.withLock({ $0.popLast() }) { return context }
        guard let copy = EVP_PKEY_dup(pkey) else { return nil }
        defer { EVP_PKEY_free(copy) }
        guard let handle = EVP_PKEY_CTX_new_from_pkey(nil, copy, nil) else { return nil }
        let context = KeyContext(handle)
        return setUp(handle) ? context : nil
    }

    /// Keeps `context` for the next operation. Only for contexts whose last use succeeded.
    func give(_ context: KeyContext) {
        idle.withLock { $0.append(context) }
    }
}

extension KeyContextPool {
    /// Contexts for RSASSA-PKCS1-v1_5 signatures of SHA-256 digests (JWS `RS256`, XML-DSig `rsa-sha256`).
    static func rsaSHA256Signing() -> KeyContextPool {
        KeyContextPool { context in
            EVP_PKEY_sign_init(context) == 1
                && EVP_PKEY_CTX_set_rsa_padding(context, RSA_PKCS1_PADDING) > 0
                && EVP_PKEY_CTX_set_signature_md(context, FetchedAlgorithm.sha256.handle) > 0
        }
    }

    /// Contexts for RSAES-OAEP with SHA-256, MGF1-SHA-256 and an empty label (spec section 8, the CMS key
    /// transport of DPI packages).
    static func rsaOAEPEncryption() -> KeyContextPool {
        KeyContextPool { context in
            EVP_PKEY_encrypt_init(context) == 1
                && EVP_PKEY_CTX_set_rsa_padding(context, RSA_PKCS1_OAEP_PADDING) > 0
                && EVP_PKEY_CTX_set_rsa_oaep_md(context, FetchedAlgorithm.sha256.handle) > 0
                && EVP_PKEY_CTX_set_rsa_mgf1_md(context, FetchedAlgorithm.sha256.handle) > 0
        }
    }
}

/// One `EVP_PKEY_CTX`, freed with it.
///
/// `@unchecked Sendable`: it moves between threads only through `KeyContextPool`, under its lock, and is
/// used by one operation at a time.
final class KeyContext: @unchecked Sendable {
    let handle: OpaquePointer

    fileprivate init(_ handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        EVP_PKEY_CTX_free(handle)
    }
}
