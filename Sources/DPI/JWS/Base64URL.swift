public import Foundation

/// Base64url without padding (RFC 7515 section 2, RFC 4648 section 5): the encoding of every JWS part.
///
/// Hand-written rather than `Data.base64EncodedString()` plus character replacement, because the sender
/// encodes every business message with it (millions per run) and the copy-free form is several times cheaper.
public enum Base64URL {
    private static let invalid: UInt8 = 0xFF
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: invalid, count: 256)
        for (value, character) in Base64Table.url.alphabet.enumerated() {
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
        Base64Table.unpaddedCount(count)
    }

    /// Appends the base64url ASCII of `bytes` (a `Data` or a byte array) to `output`: lets the JWS signer
    /// build the signing input and the compact form without intermediate strings.
    static func append(_ bytes: some ContiguousBytes, to output: inout Data) {
        bytes.withUnsafeBytes { source in
            let start = output.count
            output.count += encodedCount(source.count)
            output.withUnsafeMutableBytes { destination in
                Base64Table.url.encode(source, into: UnsafeMutableRawBufferPointer(rebasing: destination[start...]))
            }
        }
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
