public import Foundation
internal import COpenSSL

/// Incremental SHA-256 for data that arrives in pieces (a package streamed to disk or to the network).
///
/// Not `Sendable`: the `EVP_MD_CTX` it owns holds running state; use one hasher per stream and thread.
public final class SHA256Hasher {
    private let context: OpaquePointer
    private var finished = false
    /// How many bytes have been hashed.
    private(set) var count = 0
    /// SHA-256 works on blocks of 64 bytes: input that keeps to them is hashed where it lies, not copied.
    static let blockSize = 64

    /// A hasher with nothing hashed yet.
    public init() {
        guard let context = EVP_MD_CTX_new(),
              EVP_DigestInit_ex(context, FetchedAlgorithm.sha256.handle, nil) == 1 else {
            preconditionFailure("EVP_MD_CTX for SHA-256 unavailable: \(OpenSSLErrorQueue.drain())")
        }
        self.context = context
    }

    deinit {
        EVP_MD_CTX_free(context)
    }

    /// Hashes the next piece.
    public func update(_ data: Data) {
        data.withUnsafeBytes { update($0) }
    }

    /// Hashes the next piece where it lies.
    func update(_ bytes: UnsafeRawBufferPointer) {
        precondition(!finished, "SHA256Hasher.update after finalize")
        let ok = EVP_DigestUpdate(context, bytes.baseAddress, bytes.count)
        precondition(ok == 1, "EVP_DigestUpdate failed: \(OpenSSLErrorQueue.drain())")
        count += bytes.count
    }

    /// Runs `body` with the running `EVP_MD_CTX` and the number of bytes hashed so far; `body` feeds the
    /// context directly and returns what it computed with how many bytes it hashed. For a loop of hundreds
    /// of small updates a letter (`AES256CBC`): each `update` through the object retains and releases it, two
    /// atomic instructions that also wait for every earlier store.
    func feed<Result>(_ body: (_ context: OpaquePointer, _ hashedBefore: Int) -> (Result, hashed: Int)) -> Result {
        precondition(!finished, "SHA256Hasher.feed after finalize")
        let (result, hashed) = withExtendedLifetime(self) { body(context, count) }
        count += hashed
        return result
    }

    /// The SHA-256 of everything hashed (32 bytes). Call once; the hasher is spent afterwards.
    public func finalize() -> Data {
        precondition(!finished, "SHA256Hasher.finalize called twice")
        finished = true
        var output = Data(count: 32)
        let ok = output.withUnsafeMutableBytes {
            EVP_DigestFinal_ex(context, $0.bindMemory(to: UInt8.self).baseAddress, nil)
        }
        precondition(ok == 1, "EVP_DigestFinal_ex failed: \(OpenSSLErrorQueue.drain())")
        return output
    }
}
