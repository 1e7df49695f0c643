/// Builds one ZIP record (header, descriptor, directory entry) in little-endian byte order.
///
/// Collected in an array, which goes to the output as it is: appending to `Data` byte by byte goes
/// through its general replace path for every byte, which showed in profiles of package writing.
struct ZIPRecordBuffer {
    /// The record's bytes.
    private(set) var bytes: [UInt8] = []

    /// An empty record with room for `capacity` bytes (a record's fixed part and its name), so it grows once.
    init(capacity: Int = 64) {
        bytes.reserveCapacity(capacity)
    }

    init(signature: UInt32, capacity: Int = 64) {
        self.init(capacity: capacity)
        u32(signature)
    }

    mutating func u16(_ value: UInt16) {
        bytes.append(UInt8(truncatingIfNeeded: value))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    mutating func u32(_ value: UInt32) {
        bytes.append(UInt8(truncatingIfNeeded: value))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
        bytes.append(UInt8(truncatingIfNeeded: value >> 16))
        bytes.append(UInt8(truncatingIfNeeded: value >> 24))
    }

    mutating func u64(_ value: UInt64) {
        u32(UInt32(truncatingIfNeeded: value))
        u32(UInt32(truncatingIfNeeded: value >> 32))
    }

    mutating func append(_ other: [UInt8]) {
        bytes.append(contentsOf: other)
    }
}

/// The record signatures and magic values of the ZIP format (PKWARE APPNOTE 6.3.x, section 4.3).
enum ZIPSignature {
    static let localHeader: UInt32 = 0x0403_4B50
    static let dataDescriptor: UInt32 = 0x0807_4B50
    static let centralHeader: UInt32 = 0x0201_4B50
    static let end: UInt32 = 0x0605_4B50
    static let zip64End: UInt32 = 0x0606_4B50
    static let zip64Locator: UInt32 = 0x0706_4B50
    /// Header ID of the ZIP64 extended information extra field.
    static let zip64Extra: UInt16 = 0x0001
    /// A 32-bit field holding this says "the real value is in the ZIP64 record".
    static let overflow32: UInt32 = 0xFFFF_FFFF
    static let overflow16: UInt16 = 0xFFFF
}

/// General-purpose flag bits used by the writer and checked by the reader.
enum ZIPFlag {
    static let encrypted: UInt16 = 0x0001
    static let dataDescriptor: UInt16 = 0x0008
    static let strongEncryption: UInt16 = 0x0040
    static let utf8: UInt16 = 0x0800
}
