import CZlib
import Foundation

/// A running CRC-32 (the ZIP polynomial), computed by zlib over content fed in chunks.
struct ZIPChecksum {
    private(set) var value: UInt32 = 0

    mutating func update(_ bytes: some ContiguousBytes) {
        value = bytes.withUnsafeBytes { raw in
            guard let base = raw.bindMemory(to: UInt8.self).baseAddress else { return value }
            return UInt32(truncatingIfNeeded: crc32_z(UInt(value), base, raw.count))
        }
    }

    /// Continues the checksum over `part`'s bytes from its precomputed CRC, without reading them.
    mutating func append(_ part: ZIPChecksumPart) {
        value = UInt32(truncatingIfNeeded: crc32_combine_op(UInt(value), UInt(part.crc32), part.appendOperator))
    }

    static func of(_ bytes: some ContiguousBytes) -> UInt32 {
        var checksum = ZIPChecksum()
        checksum.update(bytes)
        return checksum.value
    }
}

/// The CRC-32 of a run of bytes that recurs in many entries, with zlib's operator for appending it to a
/// running checksum: the signer's certificates, most of every letter's `signatures.xml`, are checksummed
/// once per signer instead of once per letter.
struct ZIPChecksumPart: Sendable {
    let crc32: UInt32
    /// `crc32_combine_gen` of the part's length.
    fileprivate let appendOperator: UInt

    init(_ bytes: [UInt8]) {
        crc32 = ZIPChecksum.of(bytes)
        appendOperator = crc32_combine_gen(bytes.count)
    }
}
