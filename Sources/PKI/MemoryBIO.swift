import Foundation
internal import COpenSSL

/// Memory BIOs for OpenSSL calls that read or write through a BIO.
///
/// `BIO_new_mem_buf` does not copy: the BIO points into the caller's bytes, so it lives only inside the
/// closure that has them pinned (TOOLCHAIN.md pitfall 5: an escaped pointer works in debug, fails in release).
enum MemoryBIO {
    /// Runs `body` with a read-only BIO over `bytes`.
    static func reading<R>(_ bytes: Data, _ body: (OpaquePointer) throws -> R) throws -> R {
        guard !bytes.isEmpty else {
            // Empty Data has no base address, and BIO_new_mem_buf rejects NULL: read from a zero-length view.
            return try withUnsafeBytes(of: 0) { try reading(pointer: $0.baseAddress, count: 0, body) }
        }
        guard bytes.count <= Int(Int32.max) else {
            throw PKIError(.openSSLFailure, "input larger than 2 GiB", details: "\(bytes.count) bytes")
        }
        return try bytes.withUnsafeBytes { try reading(pointer: $0.baseAddress, count: $0.count, body) }
    }

    private static func reading<R>(pointer: UnsafeRawPointer?, count: Int, _ body: (OpaquePointer) throws -> R)
        throws -> R {
        guard let bio = BIO_new_mem_buf(pointer, Int32(count)) else {
            throw PKIError.openSSL(.openSSLFailure, "could not allocate a memory BIO")
        }
        defer { BIO_free(bio) }
        return try body(bio)
    }

    /// Runs `body` with an empty writable BIO and returns a copy of what it wrote.
    static func writing(_ body: (OpaquePointer) throws -> Void) throws -> Data {
        guard let bio = BIO_new(BIO_s_mem()) else {
            throw PKIError.openSSL(.openSSLFailure, "could not allocate a memory BIO")
        }
        defer { BIO_free(bio) }
        try body(bio)
        var start: UnsafeMutablePointer<CChar>?
        let count = shim_BIO_get_mem_data(bio, &start)
        guard let start, count > 0 else { return Data() }
        return Data(bytes: start, count: count)
    }

    /// Runs `body` with a writable BIO and returns what it wrote as (lossily decoded) UTF-8 text.
    static func text(_ body: (OpaquePointer) throws -> Void) throws -> String {
        String(decoding: try writing(body), as: UTF8.self)
    }
}
