import Foundation

/// A minimal DER reader (tag, length, value) for the one thing OpenSSL's name printing cannot give us:
/// the certificate issuer in the reference sender's Java form (`IssuerName.swift`).
struct DERReader {
    /// One TLV: its tag byte, its content, and the whole encoding.
    struct Value {
        let tag: UInt8
        let content: ArraySlice<UInt8>
        let encoding: ArraySlice<UInt8>

        /// The values inside a constructed value (SEQUENCE, SET, context tags).
        var children: [Value] {
            get throws {
                var reader = DERReader(content)
                var values: [Value] = []
                while !reader.isAtEnd {
                    values.append(try reader.next())
                }
                return values
            }
        }
    }

    /// A DER structure is not what a certificate's `Name` should be.
    struct Malformed: Error {}

    private let bytes: ArraySlice<UInt8>
    private var offset: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        offset = bytes.startIndex
    }

    var isAtEnd: Bool { offset >= bytes.endIndex }

    /// Reads the next value; only single-byte tags and definite lengths up to four bytes (all DER needs here).
    mutating func next() throws -> Value {
        let start = offset
        guard bytes.endIndex - offset >= 2, bytes[offset] & 0x1F != 0x1F else { throw Malformed() }
        let tag = bytes[offset]
        var length = Int(bytes[offset + 1])
        offset += 2
        if length & 0x80 != 0 {
            let count = length & 0x7F
            guard (1...4).contains(count), bytes.endIndex - offset >= count else { throw Malformed() }
            length = bytes[offset..<offset + count].reduce(0) { $0 << 8 | Int($1) }
            offset += count
        }
        guard bytes.endIndex - offset >= length else { throw Malformed() }
        let content = bytes[offset..<offset + length]
        offset += length
        return Value(tag: tag, content: content, encoding: bytes[start..<offset])
    }

    /// The single value that makes up `bytes` (a whole certificate, say).
    static func value(of bytes: ArraySlice<UInt8>) throws -> Value {
        var reader = DERReader(bytes)
        let value = try reader.next()
        guard reader.isAtEnd else { throw Malformed() }
        return value
    }
}
