import Foundation

/// Base64 encoding (RFC 4648) of one alphabet through a table of the two characters of every 12-bit
/// value, so each three bytes become two table lookups: the URL-safe alphabet of every JWS part
/// (`Base64URL`) and the standard one of the digests and signature values in each letter's XAdES
/// signature and fingerprint, where Foundation's encoder and the `String` it makes first showed in profiles.
struct Base64Table: Sendable {
    /// The 64 characters, value order.
    let alphabet: [UInt8]
    /// The two characters of every 12-bit value, the first in the low byte.
    private let pairs: [UInt16]

    /// RFC 4648 section 5: `-` and `_` for the last two values, used without padding.
    static let url = Base64Table("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    /// RFC 4648 section 4: `+` and `/`, padded with `=`.
    static let standard = Base64Table("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")

    private init(_ characters: String) {
        let alphabet = Array(characters.utf8)
        self.alphabet = alphabet
        pairs = (0..<4096).map { value in UInt16(alphabet[value >> 6]) | UInt16(alphabet[value & 0x3F]) << 8 }
    }

    /// The number of characters of `count` bytes without padding.
    static func unpaddedCount(_ count: Int) -> Int {
        (count / 3) * 4 + [0, 2, 3][count % 3]
    }

    /// `bytes` in this alphabet padded with `=` to a multiple of four characters.
    func padded(_ bytes: some ContiguousBytes) -> String {
        bytes.withUnsafeBytes { source in
            String(unsafeUninitializedCapacity: Self.paddedCount(source.count)) { writePadded(source, into: $0) }
        }
    }

    /// The characters of `padded(_:)` as bytes, for text written as bytes (XML).
    func paddedBytes(_ bytes: some ContiguousBytes) -> [UInt8] {
        bytes.withUnsafeBytes { source in
            [UInt8](unsafeUninitializedCapacity: Self.paddedCount(source.count)) { destination, initialized in
                initialized = writePadded(source, into: destination)
            }
        }
    }

    private static func paddedCount(_ count: Int) -> Int {
        (count + 2) / 3 * 4
    }

    /// Writes `source` padded into `destination`, which holds exactly `paddedCount(source.count)` bytes;
    /// returns that count.
    private func writePadded(_ source: UnsafeRawBufferPointer, into destination: UnsafeMutableBufferPointer<UInt8>)
        -> Int {
        let count = Self.paddedCount(source.count)
        let written = Self.unpaddedCount(source.count)
        let characters = UnsafeMutableBufferPointer(rebasing: destination[..<written])
        encode(source, into: UnsafeMutableRawBufferPointer(characters))
        destination[written..<count].initialize(repeating: UInt8(ascii: "="))
        return count
    }

    /// Writes `source` without padding into `destination`, which holds exactly `unpaddedCount(source.count)`
    /// bytes.
    func encode(_ source: UnsafeRawBufferPointer, into destination: UnsafeMutableRawBufferPointer) {
        pairs.withUnsafeBufferPointer { pairs in
            var read = 0
            var write = 0
            // Six bytes (four pairs) at a time from one 8-byte load while two bytes beyond them remain readable.
            while read + 8 <= source.count {
                let word = UInt64(bigEndian: source.loadUnaligned(fromByteOffset: read, as: UInt64.self))
                let characters = UInt64(pairs[Int(truncatingIfNeeded: word >> 52)])
                    | UInt64(pairs[Int(truncatingIfNeeded: word >> 40 & 0xFFF)]) << 16
                    | UInt64(pairs[Int(truncatingIfNeeded: word >> 28 & 0xFFF)]) << 32
                    | UInt64(pairs[Int(truncatingIfNeeded: word >> 16 & 0xFFF)]) << 48
                destination.storeBytes(of: characters.littleEndian, toByteOffset: write, as: UInt64.self)
                read += 6
                write += 8
            }
            while read + 3 <= source.count {
                let group = Int(source[read]) << 16 | Int(source[read + 1]) << 8 | Int(source[read + 2])
                destination.storeBytes(of: pairs[group >> 12].littleEndian, toByteOffset: write, as: UInt16.self)
                destination.storeBytes(of: pairs[group & 0xFFF].littleEndian, toByteOffset: write + 2, as: UInt16.self)
                read += 3
                write += 4
            }
            let remaining = source.count - read
            guard remaining > 0 else { return }
            let group = Int(source[read]) << 16 | (remaining == 2 ? Int(source[read + 1]) << 8 : 0)
            destination[write] = alphabet[group >> 18]
            destination[write + 1] = alphabet[group >> 12 & 0x3F]
            if remaining == 2 {
                destination[write + 2] = alphabet[group >> 6 & 0x3F]
            }
        }
    }
}
