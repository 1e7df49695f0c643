import Foundation

/// Writes DER front to back into one buffer of exactly the output's size. Every length is computed before
/// the first byte is written, so a large content (the encrypted package) can be produced straight into its
/// final place: one allocation, no copy, no buffer growth.
///
/// Lengths are definite (X.690 8.1.3): one octet below 128, otherwise `0x80 | n` and `n` big-endian octets,
/// for any size.
struct DERWriter {
    private let buffer: UnsafeMutableRawBufferPointer
    /// How many bytes have been written so far.
    private(set) var count = 0

    private init(_ buffer: UnsafeMutableRawBufferPointer) {
        self.buffer = buffer
    }

    /// Allocates `count` bytes, lets `body` fill them all through a writer, and returns them without a copy.
    /// Writing more or fewer bytes than `count` is a programmer error (the layout arithmetic is wrong).
    static func encode(count: Int, _ body: (inout DERWriter) throws -> Void) throws -> Data {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 1)
        var writer = DERWriter(buffer)
        do {
            try body(&writer)
        } catch {
            buffer.deallocate()
            throw error
        }
        precondition(writer.count == count, "DER layout said \(count) bytes, \(writer.count) were written")
        guard let base = buffer.baseAddress else { return Data() }
        return Data(bytesNoCopy: base, count: count, deallocator: .custom { pointer, _ in pointer.deallocate() })
    }

    /// The size of the tag and length octets of an element with `contentCount` content bytes.
    static func headerCount(contentCount: Int) -> Int {
        precondition(contentCount >= 0, "a DER length cannot be negative")
        return contentCount < 0x80 ? 2 : 2 + lengthOctetCount(contentCount)
    }

    /// The size of a whole element (tag, length octets, content) with `contentCount` content bytes.
    static func elementCount(contentCount: Int) -> Int {
        headerCount(contentCount: contentCount) + contentCount
    }

    /// Tag and definite length octets of an element with `contentCount` content bytes.
    static func header(_ tag: UInt8, contentCount: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: headerCount(contentCount: contentCount)) { buffer, initialized in
            var writer = DERWriter(UnsafeMutableRawBufferPointer(buffer))
            writer.writeHeader(tag, contentCount: contentCount)
            initialized = writer.count
        }
    }

    /// How many big-endian octets the long form needs for `length`.
    private static func lengthOctetCount(_ length: Int) -> Int {
        (Int.bitWidth - length.leadingZeroBitCount + 7) / 8
    }

    /// Writes the tag and length of an element whose `contentCount` content bytes follow.
    mutating func writeHeader(_ tag: UInt8, contentCount: Int) {
        let header = reserve(DERWriter.headerCount(contentCount: contentCount))
        header[0] = tag
        guard contentCount >= 0x80 else {
            header[1] = UInt8(contentCount)
            return
        }
        let octets = header.count - 2
        header[1] = 0x80 | UInt8(octets)
        for index in 0..<octets {
            header[2 + index] = UInt8(truncatingIfNeeded: contentCount >> ((octets - 1 - index) * 8))
        }
    }

    /// Copies already-encoded bytes (a whole element, or content).
    mutating func write(_ bytes: Data) {
        let destination = reserve(bytes.count)
        bytes.withUnsafeBytes { destination.copyMemory(from: $0) }
    }

    /// The bytes written so far (to hash them before what follows is written).
    var written: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: buffer[..<count])
    }

    /// Hands `body` the next `count` bytes to fill in place (an encryption writing its output there), then
    /// moves past them. `body` must fill all of them.
    mutating func fill(_ count: Int, _ body: (UnsafeMutableRawBufferPointer) throws -> Void) throws {
        try body(reserve(count))
    }

    private mutating func reserve(_ length: Int) -> UnsafeMutableRawBufferPointer {
        precondition(length <= buffer.count - count, "DER layout too small: \(count) + \(length) > \(buffer.count)")
        defer { count += length }
        return UnsafeMutableRawBufferPointer(rebasing: buffer[count..<count + length])
    }
}
