import Foundation

extension UUID {
    /// The lowercase 8-4-4-4-12 form business messages carry their ids in (`uuidString.lowercased()`).
    /// Written from the bytes: two ids per letter, and Foundation's `uuidString` plus `lowercased()` cost
    /// more than the rest of the message header.
    var lowercasedText: String {
        let hexDigits = Self.hexDigits
        let value = uuid
        let bytes = [value.0, value.1, value.2, value.3, value.4, value.5, value.6, value.7,
                     value.8, value.9, value.10, value.11, value.12, value.13, value.14, value.15]
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
