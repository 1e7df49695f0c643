import Foundation
internal import COpenSSL

/// AES-256-CBC with PKCS#7 padding, the content encryption of the document package (spec section 8),
/// writing its ciphertext straight into a buffer the caller sized with `ciphertextCount`.
enum AES256CBC {
    /// Key size in bytes.
    static let keyCount = 32
    /// IV (and block) size in bytes.
    static let ivCount = 16

    /// The ciphertext size for `plaintextCount` bytes: PKCS#7 always pads, by a whole block when the
    /// plaintext already ends on a block boundary.
    static func ciphertextCount(plaintextCount: Int) -> Int {
        (plaintextCount / ivCount + 1) * ivCount
    }

    /// Encrypts the concatenation of `pieces` (`plaintextCount` bytes in all) under `key` and `iv` into
    /// `output`, which must be exactly `ciphertextCount(plaintextCount:)` bytes. The pieces are read where
    /// they lie: OpenSSL carries a partial block from one piece into the next.
    static func encrypt(_ pieces: [any ContiguousBytes], plaintextCount: Int, key: Data, iv: Data,
                        into output: UnsafeMutableRawBufferPointer) throws {
        precondition(key.count == keyCount && iv.count == ivCount, "AES-256-CBC needs a 32-byte key and 16-byte IV")
        precondition(pieces.reduce(0) { $0 + $1.withUnsafeBytes(\.count) } == plaintextCount,
                     "the pieces are not plaintextCount bytes")
        precondition(output.count == ciphertextCount(plaintextCount: plaintextCount), "wrong ciphertext buffer size")
        guard let context = EVP_CIPHER_CTX_new() else {
            throw PKIError.openSSL(.openSSLFailure, "could not allocate a cipher context")
        }
        defer { EVP_CIPHER_CTX_free(context) }
        let started = key.withUnsafeBytes { key in
            iv.withUnsafeBytes { iv in
                EVP_EncryptInit_ex(context, FetchedAlgorithm.aes256CBC.handle, nil,
                                   key.bindMemory(to: UInt8.self).baseAddress,
                                   iv.bindMemory(to: UInt8.self).baseAddress)
            }
        }
        guard started == 1 else {
            throw PKIError.openSSL(.openSSLFailure, "AES-256-CBC encryption could not start")
        }
        let output = output.bindMemory(to: UInt8.self)
        var written = 0
        for piece in pieces {
            let encrypted = piece.withUnsafeBytes { input in
                update(context, with: input.bindMemory(to: UInt8.self), into: output, at: written)
            }
            guard let encrypted else {
                throw PKIError.openSSL(.openSSLFailure, "AES-256-CBC encryption failed")
            }
            written += encrypted
        }
        var finalCount: Int32 = 0
        guard let outputBase = output.baseAddress, written < output.count,
              EVP_EncryptFinal_ex(context, outputBase + written, &finalCount) == 1,
              written + Int(finalCount) == output.count else {
            throw PKIError.openSSL(.openSSLFailure, "AES-256-CBC encryption failed")
        }
    }

    /// Encrypts `input` into `output` from `offset` (in pieces of at most 1 GiB, as OpenSSL counts in
    /// `Int32`) and returns the number of bytes written, or nil when OpenSSL fails. The output has room:
    /// the pieces add up to the plaintext it was sized for.
    private static func update(_ context: OpaquePointer, with input: UnsafeBufferPointer<UInt8>,
                               into output: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Int? {
        guard let outputBase = output.baseAddress else { return nil }
        let chunk = 1 << 30
        var read = 0
        var written = 0
        while read < input.count, let inputBase = input.baseAddress {
            let length = min(chunk, input.count - read)
            var count: Int32 = 0
            guard EVP_EncryptUpdate(context, outputBase + offset + written, &count, inputBase + read,
                                    Int32(length)) == 1 else {
                return nil
            }
            read += length
            written += Int(count)
        }
        return written
    }
}
