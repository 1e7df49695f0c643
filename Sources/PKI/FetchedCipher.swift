internal import COpenSSL

/// A cipher implementation fetched from OpenSSL's providers once, for the same reason as `FetchedDigest`:
/// `EVP_aes_256_cbc()` makes OpenSSL 3 look the implementation up again on every `EVP_EncryptInit_ex`.
///
/// `@unchecked Sendable`: a fetched `EVP_CIPHER` is immutable and OpenSSL documents it as shareable between
/// threads; it is freed only when the last reference goes.
final class FetchedCipher: @unchecked Sendable {
    /// AES-256 in CBC mode, the content encryption of DPI packages (spec section 8).
    static let aes256CBC = FetchedCipher("AES-256-CBC", fallback: EVP_aes_256_cbc())

    /// The `EVP_CIPHER` to pass to OpenSSL: the fetched one, or the built-in one when fetching failed.
    let cipher: OpaquePointer?
    private let fetched: OpaquePointer?

    private init(_ name: String, fallback: OpaquePointer?) {
        fetched = EVP_CIPHER_fetch(nil, name, nil)
        cipher = fetched ?? fallback
        if fetched == nil { OpenSSLErrorQueue.clear() }
    }

    deinit {
        EVP_CIPHER_free(fetched)
    }
}
