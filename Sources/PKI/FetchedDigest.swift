internal import COpenSSL

/// A digest implementation fetched from OpenSSL's providers once. Given `EVP_sha256()`, OpenSSL 3 looks the
/// implementation up again in its provider tables on every call (an "implicit fetch"), which showed in
/// profiles of letter sealing; its manual recommends fetching once for code on a hot path.
///
/// `@unchecked Sendable`: a fetched `EVP_MD` is immutable and OpenSSL documents it as shareable between
/// threads; it is freed only when the last reference goes.
final class FetchedDigest: @unchecked Sendable {
    /// SHA-256 for digests and RSA-SHA256 signatures.
    static let sha256 = FetchedDigest("SHA256", fallback: EVP_sha256())

    /// The `EVP_MD` to pass to OpenSSL: the fetched one, or the built-in one when fetching failed.
    let md: OpaquePointer?
    private let fetched: OpaquePointer?

    private init(_ name: String, fallback: OpaquePointer?) {
        fetched = EVP_MD_fetch(nil, name, nil)
        md = fetched ?? fallback
        if fetched == nil { OpenSSLErrorQueue.clear() }
    }

    deinit {
        EVP_MD_free(fetched)
    }
}
