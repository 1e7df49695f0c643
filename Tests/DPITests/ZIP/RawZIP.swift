import Foundation

/// A deliberately simple ZIP parser written for the tests, independent of `ZIPReader`, to check the
/// exact bytes our writer lays down (spec 7.1) and compare them with the reference packages.
struct RawZIP {
    struct Entry {
        let name: String
        let versionMadeBy: UInt16
        let versionNeeded: UInt16
        let flags: UInt16
        let method: UInt16
        let crc32: UInt32
        let compressedSize: UInt32
        let uncompressedSize: UInt32
        let extraLength: Int
        let comment: String
        let localOffset: Int
        let localVersionNeeded: UInt16
        let localFlags: UInt16
        let localMethod: UInt16
        let localExtraLength: Int
        let localCRC32: UInt32
    }

    let bytes: [UInt8]
    let entries: [Entry]
    let comment: String
    let endSignatures: [UInt32]

    init(_ data: Data) {
        bytes = [UInt8](data)
        var end = bytes.count - 22
        while Self.u32(bytes, end) != 0x0605_4B50 { end -= 1 }
        comment = String(decoding: bytes[(end + 22)...], as: UTF8.self)
        var signatures = [Self.u32(bytes, end)]
        var position = Int(Self.u32(bytes, end + 16)), count = Int(Self.u16(bytes, end + 10))
        if end >= 20, Self.u32(bytes, end - 20) == 0x0706_4B50 {
            // ZIP64: take the count and directory offset from the ZIP64 end record (32-bit reads suffice here).
            let zip64End = Int(Self.u32(bytes, end - 12))
            signatures.insert(Self.u32(bytes, end - 20), at: 0)
            signatures.insert(Self.u32(bytes, zip64End), at: 0)
            count = Int(Self.u32(bytes, zip64End + 32))
            position = Int(Self.u32(bytes, zip64End + 48))
        }
        endSignatures = signatures
        var entries: [Entry] = []
        for _ in 0..<count {
            entries.append(Self.entry(bytes, at: position))
            let lengths = Int(Self.u16(bytes, position + 28)) + Int(Self.u16(bytes, position + 30))
                + Int(Self.u16(bytes, position + 32))
            position += 46 + lengths
        }
        self.entries = entries
    }

    private static func entry(_ bytes: [UInt8], at position: Int) -> Entry {
        let nameLength = Int(u16(bytes, position + 28)), extraLength = Int(u16(bytes, position + 30))
        let commentStart = position + 46 + nameLength + extraLength
        var local = Int(u32(bytes, position + 42))
        if local == 0xFFFF_FFFF {
            // In the ZIP64 extra field (our writer puts only it there) the offset is the last value.
            let extra = position + 46 + nameLength
            local = Int(u32(bytes, extra + 4 + Int(u16(bytes, extra + 2)) - 8))
        }
        return Entry(
            name: String(decoding: bytes[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self),
            versionMadeBy: u16(bytes, position + 4), versionNeeded: u16(bytes, position + 6),
            flags: u16(bytes, position + 8), method: u16(bytes, position + 10), crc32: u32(bytes, position + 16),
            compressedSize: u32(bytes, position + 20), uncompressedSize: u32(bytes, position + 24),
            extraLength: extraLength,
            comment: String(decoding: bytes[commentStart..<commentStart + Int(u16(bytes, position + 32))],
                            as: UTF8.self),
            localOffset: local, localVersionNeeded: u16(bytes, local + 4), localFlags: u16(bytes, local + 6),
            localMethod: u16(bytes, local + 8), localExtraLength: Int(u16(bytes, local + 28)),
            localCRC32: u32(bytes, local + 14))
    }

    static func u16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    static func u32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(u16(bytes, at)) | UInt32(u16(bytes, at + 2)) << 16
    }

    /// A copy of `data` with a little-endian field overwritten.
    static func patching(_ data: Data, at offset: Int, _ value: UInt32, width: Int) -> Data {
        var bytes = [UInt8](data)
        for index in 0..<width {
            bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index))
        }
        return Data(bytes)
    }
}
