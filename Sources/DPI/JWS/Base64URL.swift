public import Foundation

/// Base64url without padding (RFC 7515 section 2, RFC 4648 section 5): the encoding of every JWS part.
///
/// Hand-written rather than `Data.base64EncodedString()` plus character replacement, because the sender
/// encodes every business message with it (millions per run) and the copy-free form is several times cheaper.
public enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    private static let invalid: UInt8 = 0xFF
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: invalid, count: 256)
        for (value, character) in alphabet.enumerated() {
            table[Int(character)] = UInt8(value)
        }
        return table
    }()

    /// `data` as base64url text without `=` padding.
    public static func encode(_ data: Data) -> String {
        var output = Data()
        append(data, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// The bytes of base64url `text`, or nil when it has padding, a character outside the base64url
    /// alphabet, or an impossible length (one character left over).
    public static func decode(_ text: some StringProtocol) -> Data? {
        decode(ascii: text.utf8)
    }

    /// The number of characters `encode` makes of `count` bytes.
    static func encodedCount(_ count: Int) -> Int {
        (count / 3) * 4 + [0, 2, 3][count % 3]
    }

    /// Appends the base64url ASCII of `bytes` (a `Data` or a byte array) to `output`: lets the JWS signer
    /// build the signing input and the compact form without intermediate strings.
    static func append(_ bytes: some ContiguousBytes, to output: inout Data) {
        bytes.withUnsafeBytes { source in
            let start = output.count
            output.count += encodedCount(source.count)
            output.withUnsafeMutableBytes { destination in
                encode(source, into: UnsafeMutableRawBufferPointer(rebasing: destination[start...]))
            }
        }
    }

    private static func encode(_ source: UnsafeRawBufferPointer, into destination: UnsafeMutableRawBufferPointer) {
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

    /// The two characters of every 12-bit value, the first in the low byte: each 3-byte group is written as
    /// two of these instead of four single characters (a letter's business message is a few kilobytes).
    private static let pairs: [UInt16] = (0..<4096).map { value in
        UInt16(alphabet[value >> 6]) | UInt16(alphabet[value & 0x3F]) << 8
    }

    /// The bytes of base64url ASCII `characters`, as `decode(_:)`; lets the JWS parser decode slices of its input.
    static func decode(ascii characters: some Collection<UInt8>) -> Data? {
        if let decoded = characters.withContiguousStorageIfAvailable(decode(buffer:)) { return decoded }
        return Array(characters).withUnsafeBufferPointer(decode(buffer:))
    }

    /// Decodes over raw buffers, four characters at a time: receipts and tokens are decoded by the thousand,
    /// and an element-wise loop appending to `Data` costs nearly a millisecond per JWS in a debug build.
    private static func decode(buffer characters: UnsafeBufferPointer<UInt8>) -> Data? {
        let rest = characters.count % 4
        guard rest != 1 else { return nil }
        let whole = characters.count - rest
        var output = Data(count: whole / 4 * 3 + max(0, rest - 1))
        let valid = values.withUnsafeBufferPointer { values in
            output.withUnsafeMutableBytes { (output: UnsafeMutableRawBufferPointer) -> Bool in
                var write = 0
                var read = 0
                while read < whole {
                    let (a, b) = (values[Int(characters[read])], values[Int(characters[read + 1])])
                    let (c, d) = (values[Int(characters[read + 2])], values[Int(characters[read + 3])])
                    guard (a | b | c | d) & 0xC0 == 0 else { return false }
                    let group = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                    output[write] = UInt8(truncatingIfNeeded: group >> 16)
                    output[write + 1] = UInt8(truncatingIfNeeded: group >> 8)
                    output[write + 2] = UInt8(truncatingIfNeeded: group)
                    read += 4
                    write += 3
                }
                guard rest > 0 else { return true }
                var group: UInt32 = 0
                for offset in 0..<rest {
                    let value = values[Int(characters[whole + offset])]
                    guard value != invalid else { return false }
                    group = group << 6 | UInt32(value)
                }
                if rest == 2 {
                    output[write] = UInt8(truncatingIfNeeded: group >> 4)
                } else {
                    output[write] = UInt8(truncatingIfNeeded: group >> 10)
                    output[write + 1] = UInt8(truncatingIfNeeded: group >> 2)
                }
                return true
            }
        }
        return valid ? output : nil
    }
}
