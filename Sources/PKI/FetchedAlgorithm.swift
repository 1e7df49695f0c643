internal import COpenSSL

/// A digest or cipher implementation fetched from OpenSSL's providers once. Given `EVP_sha256()` or
/// `EVP_aes_256_cbc()`, OpenSSL 3 looks the implementation up again in its provider tables on every call (an
/// "implicit fetch"), which showed in profiles of letter sealing; its manual recommends fetching once for
/// code on a hot path.
///
/// `@unchecked Sendable`: a fetched `EVP_MD` or `EVP_CIPHER` is immutable and OpenSSL documents it as
/// shareable between threads; it is freed only when the last reference goes.
final class FetchedAlgorithm: @unchecked Sendable {
    /// SHA-256 for digests, RSA-SHA256 signatures and the RSAES-OAEP hashes.
    static let sha256 = FetchedAlgorithm(EVP_MD_fetch(nil, "SHA256", nil), fallback: EVP_sha256(), free: EVP_MD_free)
    /// AES-256 in CBC mode, the content encryption of DPI packages (spec section 8).
    static let aes256CBC = FetchedAlgorithm(EVP_CIPHER_fetch(nil, "AES-256-CBC", nil), fallback: EVP_aes_256_cbc(),
                                            free: EVP_CIPHER_free)

    /// The `EVP_MD` or `EVP_CIPHER` to pass to OpenSSL: the fetched one, or the built-in one when fetching failed.
    let handle: OpaquePointer?
    private let fetched: OpaquePointer?
    private let free: (OpaquePointer?) -> Void

    private init(_ fetched: OpaquePointer?, fallback: OpaquePointer?, free: @escaping (OpaquePointer?) -> Void) {
        self.fetched = fetched
        self.free = free
        handle = fetched ?? fallback
        if fetched == nil { OpenSSLErrorQueue.clear() }
    }

    deinit {
        free(fetched)
    }
}
