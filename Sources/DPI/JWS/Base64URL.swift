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

    /// Appends the base64url ASCII of `data` to `output`: lets the JWS signer build the signing input
    /// and the compact form without intermediate strings.
    static func append(_ data: Data, to output: inout Data) {
        let start = output.count
        output.count += encodedCount(data.count)
        output.withUnsafeMutableBytes { destination in
            data.withUnsafeBytes { source in
                encode(source, into: UnsafeMutableRawBufferPointer(rebasing: destination[start...]))
            }
        }
    }

    private static func encode(_ source: UnsafeRawBufferPointer, into destination: UnsafeMutableRawBufferPointer) {
        alphabet.withUnsafeBufferPointer { alphabet in
            var read = 0
            var write = 0
            while read + 3 <= source.count {
                let group = UInt32(source[read]) << 16 | UInt32(source[read + 1]) << 8 | UInt32(source[read + 2])
                destination[write] = alphabet[Int(group >> 18)]
                destination[write + 1] = alphabet[Int(group >> 12 & 0x3F)]
                destination[write + 2] = alphabet[Int(group >> 6 & 0x3F)]
                destination[write + 3] = alphabet[Int(group & 0x3F)]
                read += 3
                write += 4
            }
            let remaining = source.count - read
            guard remaining > 0 else { return }
            let group = UInt32(source[read]) << 16 | (remaining == 2 ? UInt32(source[read + 1]) << 8 : 0)
            destination[write] = alphabet[Int(group >> 18)]
            destination[write + 1] = alphabet[Int(group >> 12 & 0x3F)]
            if remaining == 2 {
                destination[write + 2] = alphabet[Int(group >> 6 & 0x3F)]
            }
        }
    }

    /// The bytes of base64url ASCII `characters`, as `decode(_:)`; lets the JWS parser decode slices of its input.
    static func decode(ascii characters: some Collection<UInt8>) -> Data? {
        guard characters.count % 4 != 1 else { return nil }
        var output = Data(capacity: characters.count * 3 / 4)
        var group: UInt32 = 0
        var collected = 0
        for character in characters {
            let value = values[Int(character)]
            guard value != invalid else { return nil }
            group = group << 6 | UInt32(value)
            collected += 1
            if collected == 4 {
                output.append(contentsOf: [UInt8(group >> 16 & 0xFF), UInt8(group >> 8 & 0xFF), UInt8(group & 0xFF)])
                group = 0
                collected = 0
            }
        }
        switch collected {
        case 2:
            output.append(UInt8(group >> 4 & 0xFF))
        case 3:
            output.append(contentsOf: [UInt8(group >> 10 & 0xFF), UInt8(group >> 2 & 0xFF)])
        default:
            break
        }
        return output
    }
}
