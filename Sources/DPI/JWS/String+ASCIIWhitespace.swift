extension StringProtocol where UTF8View: BidirectionalCollection {
    /// The text without leading and trailing ASCII spaces, tabs and line breaks. Compact JWS and tokens are
    /// ASCII, and Foundation's `trimmingCharacters(in:)` walks a long string as UTF-16 on Linux — for a
    /// business message of tens of kilobytes that was a third of the simulator's time per letter.
    public func trimmingASCIIWhitespace() -> String {
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { !Self.isASCIIWhitespace($0) }),
              let last = bytes.lastIndex(where: { !Self.isASCIIWhitespace($0) }) else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }

    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r")
    }
}
