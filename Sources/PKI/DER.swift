import Foundation

/// The few DER encodings the PKI module builds by hand (enough for AlgorithmIdentifier parameters), and
/// feeding bytes to OpenSSL's `d2i_*` parsers.
enum DER {
    /// Runs an OpenSSL `d2i_*` parser (`d2i_X509(nil, &cursor, count)`) over `bytes`; nil when the bytes
    /// are empty or do not parse. The result owns its memory: nothing points into `bytes` afterwards.
    static func decode(_ bytes: Data, with parser: (inout UnsafePointer<UInt8>?, Int) -> OpaquePointer?)
        -> OpaquePointer? {
        bytes.withUnsafeBytes { raw in
            guard let base = raw.bindMemory(to: UInt8.self).baseAddress else { return nil }
            var cursor: UnsafePointer<UInt8>? = base
            return parser(&cursor, raw.count)
        }
    }

    /// The NULL value (`05 00`).
    static let null = Data([0x05, 0x00])

    /// A SEQUENCE around already-encoded elements.
    static func sequence(_ elements: Data...) -> Data {
        tlv(0x30, elements.reduce(Data(), +))
    }

    /// An EXPLICIT context-specific tag `[number]` around one encoded element.
    static func explicit(_ number: UInt8, _ element: Data) -> Data {
        precondition(number < 31, "high tag numbers are not needed here")
        return tlv(0xA0 | number, element)
    }

    /// An OBJECT IDENTIFIER from its content octets (the encoded arcs, as `openssl asn1parse` shows them).
    static func objectIdentifier(_ content: [UInt8]) -> Data {
        tlv(0x06, Data(content))
    }

    /// Tag, definite length (short form below 128, long form above), content.
    static func tlv(_ tag: UInt8, _ content: Data) -> Data {
        var encoded = Data([tag])
        if content.count < 0x80 {
            encoded.append(UInt8(content.count))
        } else {
            var length = content.count
            var octets: [UInt8] = []
            while length > 0 {
                octets.insert(UInt8(length & 0xFF), at: 0)
                length >>= 8
            }
            encoded.append(0x80 | UInt8(octets.count))
            encoded.append(contentsOf: octets)
        }
        encoded.append(content)
        return encoded
    }
}
