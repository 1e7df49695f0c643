internal import COpenSSL
import Synchronization

/// Idle OpenSSL contexts of one key, each set up once for one operation — RS256 signing, RSAES-OAEP
/// encryption — and kept from one use to the next. Setting a context up (a new `EVP_PKEY_CTX`, the provider
/// lookups of its `*_init`, the padding and digests) showed in profiles of letter sealing, which signs twice
/// and encrypts once per letter; `openssl speed` likewise sets its contexts up once.
///
/// A context serves one operation at a time: `take` hands out an idle one (or sets one up) and `give` puts
/// it back. Each context holds its own copy of the key (`EVP_PKEY_dup`), and goes back to the thread that
/// used it last: OpenSSL keeps an RSA key's blinding values and Montgomery caches in the key, fast for the
/// thread that made them and behind locks for others, and threads sharing one key or passing contexts
/// around slowed each other down (`ops/bench formats`, two threads: 1.78 times the bare signatures of one
/// thread with one shared key, 2.0 times with a copy per context).
final class KeyContextPool: Sendable {
    /// Prepares a new context for the pool's operation; false when OpenSSL refuses (its error is queued).
    typealias SetUp = @Sendable (OpaquePointer) -> Bool

    /// Idle contexts kept in all; beyond it, a returned context replaces one of another thread's.
    static let limit = 64

    private let idle = Mutex(IdleContexts())
    private let setUp: SetUp

    init(setUp: @escaping SetUp) {
        self.setUp = setUp
    }

    /// The calling thread's idle context, or a new one for `pkey`; nil when OpenSSL cannot set one up (its
    /// error is queued).
    func take(for pkey: OpaquePointer) -> KeyContext? {
        let thread = pthread_self()
        if let context = idle.withLock({ $0.take(for: thread) }) { return context }
        guard let copy = EVP_PKEY_dup(pkey) else { return nil }
        defer { EVP_PKEY_free(copy) }
        guard let handle = EVP_PKEY_CTX_new_from_pkey(nil, copy, nil) else { return nil }
        let context = KeyContext(handle)
        return setUp(handle) ? context : nil
    }

    /// Keeps `context` for the calling thread's next operation. Only for contexts whose last use succeeded.
    func give(_ context: KeyContext) {
        let thread = pthread_self()
        idle.withLock { $0.keep(context, for: thread, limit: Self.limit) }
    }
}

/// Idle contexts by the thread that used them last.
struct IdleContexts {
    private var byThread: [pthread_t: [KeyContext]] = [:]
    private var count = 0

    mutating func take(for thread: pthread_t) -> KeyContext? {
        guard let context = byThread[thread]?.popLast() else { return nil }
        count -= 1
        return context
    }

    /// Keeps `context` for `thread`; at `limit`, one of another thread's goes (threads come and go).
    mutating func keep(_ context: KeyContext, for thread: pthread_t, limit: Int) {
        if count >= limit, let other = byThread.first(where: { $0.key != thread && !$0.value.isEmpty })?.key {
            byThread[other]?.removeLast()
            if byThread[other]?.isEmpty == true { byThread[other] = nil }
            count -= 1
        }
        guard count < limit else { return }
        byThread[thread, default: []].append(context)
        count += 1
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
