public import Foundation
internal import COpenSSL

/// One-shot message digests: SHA-256 for package fingerprints (spec section 9), XAdES and JWS;
/// SHA-1 where old formats still name it.
public enum Digest {
    /// SHA-256 of `data` (32 bytes).
    public static func sha256(_ data: Data) -> Data {
        data.withUnsafeBytes { digest($0, FetchedAlgorithm.sha256.handle) }
    }

    /// The SHA-256 of `bytes` (32 bytes), for text built as an array of bytes (signed XML, JWS input).
    public static func sha256(_ bytes: [UInt8]) -> Data {
        bytes.withUnsafeBytes { digest($0, FetchedAlgorithm.sha256.handle) }
    }

    /// SHA-1 of `data` (20 bytes).
    public static func sha1(_ data: Data) -> Data {
        data.withUnsafeBytes { digest($0, EVP_sha1()) }
    }

    /// SHA-256 of a file read in 1 MiB chunks, so a large package is never held in memory for hashing.
    public static func sha256(contentsOf file: URL) throws -> Data {
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: file)
        } catch {
            throw PKIError(.fileNotReadable, "cannot open the file to hash; check the path",
                           details: "\(file.path): \(error)")
        }
        defer { try? handle.close() }
        let hasher = SHA256Hasher()
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                hasher.update(chunk)
            }
        } catch {
            throw PKIError(.fileNotReadable, "reading the file to hash failed", details: "\(file.path): \(error)")
        }
        return hasher.finalize()
    }

    /// EVP_Digest cannot fail for the built-in SHA-256/SHA-1 with a correctly sized buffer, short of
    /// memory exhaustion; that is treated like any other allocation failure (a crash).
    private static func digest(_ input: UnsafeRawBufferPointer, _ md: OpaquePointer?) -> Data {
        var output = Data(count: Int(EVP_MD_get_size(md)))
        let ok = output.withUnsafeMutableBytes { out in
            EVP_Digest(input.baseAddress, input.count, out.bindMemory(to: UInt8.self).baseAddress, nil, md, nil)
        }
        precondition(ok == 1, "EVP_Digest failed: \(OpenSSLErrorQueue.drain())")
        return output
    }
}
