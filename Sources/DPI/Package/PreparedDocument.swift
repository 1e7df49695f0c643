public import Foundation
import PKI

/// A document read and digested once, to go into many packages: the letter a mass mailing sends to every
/// recipient. Its SHA-256 (the XAdES reference, spec 7.4) and CRC-32 (the ZIP entry) are computed here
/// instead of for every letter, which spares two passes over the document per letter; the bytes are shared,
/// not copied, between the letters built from it.
public struct PreparedDocument: Sendable {
    /// The document's bytes.
    public let data: Data
    /// SHA-256 of `data`.
    public let sha256: Data
    /// CRC-32 of `data`, as its ZIP entry records it.
    let crc32: UInt32

    /// `data` with its digests.
    public init(_ data: Data) {
        self.data = data
        sha256 = Digest.sha256(data)
        crc32 = ZIPChecksum.of(data)
    }
}
