import Foundation

/// `bytea` hex format: `\x` followed by two lowercase hex digits per byte, both ways.
enum Bytea {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func hexText(_ bytes: some Collection<UInt8>) -> String {
        var text = [UInt8](repeating: 0, count: 2 + 2 * bytes.count)
        text[0] = UInt8(ascii: "\\")
        text[1] = UInt8(ascii: "x")
        var index = 2
        for byte in bytes {
            text[index] = hexDigits[Int(byte >> 4)]
            text[index + 1] = hexDigits[Int(byte & 0x0f)]
            index += 2
        }
        return String(decoding: text, as: UTF8.self)
    }

    static func data(fromHex text: String) throws -> Data {
        let utf8 = Array(text.utf8)
        guard utf8.count >= 2, utf8[0] == UInt8(ascii: "\\"), utf8[1] == UInt8(ascii: "x"), utf8.count % 2 == 0 else {
            throw TextFormatError(description: "not bytea hex output (\\x…); is bytea_output set to escape?")
        }
        var data = Data(capacity: (utf8.count - 2) / 2)
        var index = 2
        while index < utf8.count {
            guard let high = nibble(utf8[index]), let low = nibble(utf8[index + 1]) else {
                throw TextFormatError(description: "bytea hex output has a non-hex digit")
            }
            data.append(high << 4 | low)
            index += 2
        }
        return data
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
