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

    /// Encrypts `plaintext` under `key` and `iv` into `output`, which must be exactly
    /// `ciphertextCount(plaintextCount:)` bytes.
    static func encrypt(_ plaintext: UnsafeRawBufferPointer, key: Data, iv: Data,
                        into output: UnsafeMutableRawBufferPointer) throws {
        precondition(key.count == keyCount && iv.count == ivCount, "AES-256-CBC needs a 32-byte key and 16-byte IV")
        precondition(output.count == ciphertextCount(plaintextCount: plaintext.count), "wrong ciphertext buffer size")
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
        let written = encrypt(plaintext.bindMemory(to: UInt8.self), with: context,
                              into: output.bindMemory(to: UInt8.self))
        guard written == output.count else {
            throw PKIError.openSSL(.openSSLFailure, "AES-256-CBC encryption failed")
        }
    }

    /// Update in chunks (OpenSSL takes `int` lengths), then Final; the number of bytes written, or nil.
    private static func encrypt(_ input: UnsafeBufferPointer<UInt8>, with context: OpaquePointer,
                                into output: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        guard let outputBase = output.baseAddress else { return nil }
        let chunk = 1 << 30
        var read = 0
        var written = 0
        while read < input.count, let inputBase = input.baseAddress {
            let length = min(chunk, input.count - read)
            var count: Int32 = 0
            guard EVP_EncryptUpdate(context, outputBase + written, &count, inputBase + read, Int32(length)) == 1 else {
                return nil
            }
            read += length
            written += Int(count)
        }
        var count: Int32 = 0
        guard EVP_EncryptFinal_ex(context, outputBase + written, &count) == 1 else { return nil }
        return written + Int(count)
    }
}
