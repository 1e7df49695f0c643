import CZlib
import Foundation

/// A running CRC-32 (the ZIP polynomial), computed by zlib over content fed in chunks.
struct ZIPChecksum {
    private(set) var value: UInt32 = 0

    mutating func update(_ bytes: Data) {
        value = bytes.withUnsafeBytes { raw in
            guard let base = raw.bindMemory(to: UInt8.self).baseAddress else { return value }
            return UInt32(truncatingIfNeeded: crc32_z(UInt(value), base, raw.count))
        }
    }

    static func of(_ bytes: Data) -> UInt32 {
        var checksum = ZIPChecksum()
        checksum.update(bytes)
        return checksum.value
    }
}
