public import Foundation
internal import COpenSSL

/// Cryptographically secure random bytes from OpenSSL's CSPRNG (nonces, JWT ids, test keys).
public enum SecureRandom {
    /// `count` random bytes; throws only if the CSPRNG cannot be seeded.
    public static func bytes(count: Int) throws -> Data {
        var bytes = Data(count: count)
        let ok = bytes.withUnsafeMutableBytes { raw in
            raw.isEmpty ? 1 : RAND_bytes(raw.bindMemory(to: UInt8.self).baseAddress, Int32(raw.count))
        }
        guard ok == 1 else {
            throw PKIError.openSSL(.openSSLFailure, "the random number generator failed")
        }
        return bytes
    }
}
