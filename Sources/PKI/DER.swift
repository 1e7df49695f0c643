import Foundation

/// The few small DER encodings the PKI module builds by hand (AlgorithmIdentifiers), and the bridge to
/// OpenSSL's `d2i_*` parsers and `i2d_*` encoders. Large elements are written by `DERWriter`.
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

    /// Runs an OpenSSL `i2d_*` encoder (`i2d_X509(x509, &cursor)`) twice, for the size and into the result;
    /// nil when OpenSSL cannot encode the object.
    static func encode(with encoder: (UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>?) -> Int32) -> Data? {
        let count = encoder(nil)
        guard count > 0 else { return nil }
        var der = Data(count: Int(count))
        let written = der.withUnsafeMutableBytes { raw in
            var cursor = raw.bindMemory(to: UInt8.self).baseAddress
            return encoder(&cursor)
        }
        return written == count ? der : nil
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

    /// Tag, definite length (`DERWriter.header`), content.
    static func tlv(_ tag: UInt8, _ content: Data) -> Data {
        Data(DERWriter.header(tag, contentCount: content.count)) + content
    }
}
