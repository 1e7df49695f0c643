import Foundation

/// Writes compact UTF-8 JSON straight into one buffer, objects' keys in the order written, so business
/// messages come out with keys in the order of the official examples (Foundation's `JSONEncoder` does not
/// preserve key order). No whitespace, `/` not escaped, non-ASCII characters written as UTF-8.
///
/// Every letter's business message is written with it, so values go into the buffer as they are met,
/// without a tree of intermediate values. Members whose value is nil (absent optional fields) are left out.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Whether the next value or key follows another in the same object or array.
    private var needsComma = false

    /// An empty buffer with room for `capacity` bytes.
    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// An object whose members `members` writes.
    mutating func object(_ members: (inout JSONWriter) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
        members(&self)
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// An array with one element per item, each written by `write`.
    mutating func array<Item>(_ items: [Item], _ write: (inout JSONWriter, Item) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
        for item in items {
            write(&self, item)
        }
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// A string value, escaped where JSON needs it.
    mutating func string(_ text: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        appendEscaped(text)
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// An integer value.
    mutating func integer(_ number: Int) {
        separate()
        bytes.append(contentsOf: String(number).utf8)
        needsComma = true
    }

    /// `true` or `false`.
    mutating func bool(_ flag: Bool) {
        separate()
        bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        needsComma = true
    }

    /// A member whose value is an object.
    mutating func object(_ key: String, _ members: (inout JSONWriter) -> Void) {
        self.key(key)
        object(members)
    }

    /// A member whose value is an array (see `array(_:_:)`).
    mutating func array<Item>(_ key: String, _ items: [Item], _ write: (inout JSONWriter, Item) -> Void) {
        self.key(key)
        array(items, write)
    }

    /// A member with a string value; nothing when `value` is nil (as for the other `member` overloads).
    mutating func member(_ key: String, _ value: String?) {
        guard let value else { return }
        self.key(key)
        string(value)
    }

    mutating func member(_ key: String, _ value: Int?) {
        guard let value else { return }
        self.key(key)
        integer(value)
    }

    mutating func member(_ key: String, _ value: Bool?) {
        guard let value else { return }
        self.key(key)
        bool(value)
    }

    /// A member whose value writes itself.
    mutating func member(_ key: String, _ value: (some JSONWritable)?) {
        guard let value else { return }
        self.key(key)
        value.write(to: &self)
    }

    /// A member's key: the next value written is its value. Keys are the schema's member names (letters and
    /// digits), which JSON never escapes, so they are copied without the scan a value gets.
    mutating func key(_ key: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: key.utf8)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    private mutating func appendEscaped(_ text: String) {
        let utf8 = text.utf8
        // Most values (tokens, ids, titles) need no escape: checked over a span of the string's bytes and
        // copied in one go.
        guard Self.needsEscape(utf8.span) else {
            bytes.append(contentsOf: utf8)
            return
        }
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20: bytes.append(contentsOf: Array(String(format: "\\u%04x", byte).utf8))
            default: bytes.append(byte)
            }
        }
    }

    /// Whether any of `bytes` needs escaping inside a JSON string: a control character, the quote or the
    /// backslash. Every byte is looked at, without a branch per byte, so the compiler can check many at once
    /// (a letter's message is a few kilobytes, a third of it the access token).
    private static func needsEscape(_ bytes: Span<UInt8>) -> Bool {
        var found: UInt8 = 0
        for index in bytes.indices {
            let byte = bytes[index]
            let isQuoteOrBackslash = byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
            found |= (byte < 0x20 ? 1 : 0) | (isQuoteOrBackslash ? 1 : 0)
        }
        return found != 0
    }
}

/// A part of a business message that writes itself as ordered JSON.
protocol JSONWritable {
    /// Writes the value with keys in the order of the official examples.
    func write(to json: inout JSONWriter)
}
