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
    ///
    /// With `hasher`, the ciphertext is also hashed as it is written (`CiphertextWriter`), as if `output` were
    /// passed to `hasher` afterwards.
    static func encrypt(_ pieces: [any ContiguousBytes], plaintextCount: Int, key: Data, iv: Data,
                        into output: UnsafeMutableRawBufferPointer, hashingInto hasher: SHA256Hasher?) throws {
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
        let encrypted: Bool
        if let hasher {
            encrypted = hasher.feed { digest, hashedBefore in
                var writer = CiphertextWriter(output: output, digest: digest, hashedBefore: hashedBefore)
                return (writer.encrypt(pieces, with: context), hashed: writer.hashed)
            }
        } else {
            var writer = CiphertextWriter(output: output)
            encrypted = writer.encrypt(pieces, with: context)
        }
        guard encrypted else {
            throw PKIError.openSSL(.openSSLFailure, "AES-256-CBC encryption failed")
        }
    }

    /// Writes the ciphertext into the output front to back and, with a hasher, hashes it as it goes.
    ///
    /// CBC encryption is a chain (each block waits for the one before), so AES-NI mostly waits for its own
    /// results; SHA-256 with the CPU's SHA extensions is another chain, on other execution units. Encrypting
    /// in steps of one SHA-256 block and hashing what was written before each step lets the two run side by
    /// side. `dpi-bench formats` on all cores, six alternating runs of the builds without and with it, 30 KB
    /// document: shared 80.9% → 82.4% of the signing rate ÷ 2 (its cryptography alone 87.4% → 89.1%), own
    /// 76.8% → 78.2%; a first set for own documents, on a busier machine, showed no difference (76.5% and
    /// 76.1%): the overlap needs the core's execution units to itself. It is also lost when a step hashes
    /// bytes still being stored (the step in flight), when the hash is fed off its block boundaries (the DER
    /// before the ciphertext is not a whole number of blocks) or a step ends off an AES block boundary
    /// (documents start anywhere in the package): OpenSSL then copies each step through a buffer of its
    /// own. In C, a misaligned hash alone took the gain from 15 µs per 32 KB to none; in the letters,
    /// misaligned AES steps left none. Calling the hasher object at each step cost about 1 point more.
    private struct CiphertextWriter {
        /// Plaintext per step when hashing: one SHA-256 block, four AES blocks. Smaller steps spend more in
        /// calls than they save; 128 bytes saved half as much in C and as much in the letters.
        static let hashedStep = SHA256Hasher.blockSize
        /// Without a hasher nothing runs beside: 1 GiB at a time, as OpenSSL counts in `Int32`.
        static let plainStep = 1 << 30

        private let output: UnsafeMutableBufferPointer<UInt8>
        /// The hasher's `EVP_MD_CTX` (`SHA256Hasher.feed`), or nil when only encrypting.
        private let digest: OpaquePointer?
        /// Where the hash's first block boundary falls in `output`, given what it took before the ciphertext.
        private let firstBlockEnd: Int
        /// Plaintext bytes encrypted so far, over all pieces: a step ends where this is a whole number of
        /// AES blocks, so OpenSSL encrypts from the input in place rather than through its partial block.
        private var consumed = 0
        /// Bytes of `output` written so far.
        private var written = 0
        /// Bytes of `output` hashed so far.
        private(set) var hashed = 0

        /// Encryption only.
        init(output: UnsafeMutableBufferPointer<UInt8>) {
            self.output = output
            digest = nil
            firstBlockEnd = 0
        }

        /// Encryption with the ciphertext hashed into `digest`, which has taken `hashedBefore` bytes before it.
        init(output: UnsafeMutableBufferPointer<UInt8>, digest: OpaquePointer, hashedBefore: Int) {
            self.output = output
            self.digest = digest
            let blockSize = SHA256Hasher.blockSize
            firstBlockEnd = (blockSize - hashedBefore % blockSize) % blockSize
        }

        /// Encrypts the pieces and the padding into the whole output; false when OpenSSL fails or the output
        /// is not filled exactly.
        mutating func encrypt(_ pieces: [any ContiguousBytes], with context: OpaquePointer) -> Bool {
            for piece in pieces {
                let encrypted = piece.withUnsafeBytes { input in
                    encrypt(input.bindMemory(to: UInt8.self), with: context)
                }
                guard encrypted else { return false }
            }
            return finish(with: context)
        }

        /// Encrypts `input` into the output after what is written; false when OpenSSL fails. The output has
        /// room: the pieces add up to the plaintext it was sized for.
        private mutating func encrypt(_ input: UnsafeBufferPointer<UInt8>, with context: OpaquePointer) -> Bool {
            guard let inputBase = input.baseAddress, let outputBase = output.baseAddress else { return true }
            let step = digest == nil ? Self.plainStep : Self.hashedStep
            var read = 0
            while read < input.count {
                let length = min(step - consumed % AES256CBC.ivCount, input.count - read)
                var count: Int32 = 0
                guard EVP_EncryptUpdate(context, outputBase + written, &count, inputBase + read,
                                        Int32(length)) == 1,
                      hash(upTo: blockBoundary(atOrBefore: written)) else {
                    return false
                }
                read += length
                consumed += length
                written += Int(count)
            }
            return true
        }

        /// Writes the last block (the padding) and hashes what is left; false when OpenSSL fails or the output
        /// was not filled exactly.
        private mutating func finish(with context: OpaquePointer) -> Bool {
            var finalCount: Int32 = 0
            guard let outputBase = output.baseAddress, written < output.count,
                  EVP_EncryptFinal_ex(context, outputBase + written, &finalCount) == 1,
                  written + Int(finalCount) == output.count else {
                return false
            }
            written += Int(finalCount)
            return hash(upTo: written)
        }

        /// The last of the hash's block boundaries in `output` at or before `offset`, or where hashing stands
        /// when there is none after it.
        private func blockBoundary(atOrBefore offset: Int) -> Int {
            guard offset > firstBlockEnd else { return hashed }
            return offset - (offset - firstBlockEnd) % SHA256Hasher.blockSize
        }

        /// Hashes the output from where hashing stopped up to `end`; false when OpenSSL fails.
        private mutating func hash(upTo end: Int) -> Bool {
            guard let digest, end > hashed, let outputBase = output.baseAddress else { return true }
            guard EVP_DigestUpdate(digest, outputBase + hashed, end - hashed) == 1 else { return false }
            hashed = end
            return true
        }
    }
}
