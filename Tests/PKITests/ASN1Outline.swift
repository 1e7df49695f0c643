import Foundation
import TestSupport

/// One element of an `openssl asn1parse -inform DER` listing: where it is, how it is encoded, what it is.
struct ASN1Element: Equatable, CustomStringConvertible {
    let offset: Int
    let depth: Int
    let headerLength: Int
    /// The content length; nil for an indefinite length (`l=inf`), which DER forbids.
    let length: Int?
    let constructed: Bool
    /// asn1parse's name of the tag: `SEQUENCE`, `OBJECT`, `cont [ 0 ]`...
    let tag: String
    /// What asn1parse prints after the tag: an OID's name, an INTEGER in hex, `[HEX DUMP]:...`; or "".
    let value: String

    /// What the element is, not where or how long: depth, kind, tag, and the value of an OBJECT or INTEGER
    /// (other values, the hex dumps of keys, IVs and ciphertext, differ from run to run).
    var shape: String {
        let kind = constructed ? "cons" : "prim"
        return tag == "OBJECT" || tag == "INTEGER" ? "\(depth) \(kind) \(tag) :\(value)" : "\(depth) \(kind) \(tag)"
    }

    /// The size of the whole element, header and content (0 content for an indefinite length).
    var size: Int { headerLength + (length ?? 0) }

    var description: String { "\(offset): \(shape) hl=\(headerLength) l=\(length.map(String.init) ?? "inf")" }

    /// The bytes of the whole element (header and content) in `der`.
    func bytes(in der: Data) -> Data {
        der.subdata(in: offset..<offset + size)
    }
}

/// The elements of a DER (or BER) blob as the OpenSSL command line parses them: an independent reading of
/// what our encoder wrote.
enum ASN1Outline {
    static func parse(_ der: Data) throws -> [ASN1Element] {
        let listing = try TemporaryDirectory.with { folder in
            // A file, not stdin: asn1parse reads stdin fine, but a file keeps 16 MiB out of the pipe buffers.
            let file = folder.appendingPathComponent("blob.der")
            try der.write(to: file)
            return try ChildProcess.openssl("asn1parse", "-inform", "DER", "-in", file.path).text
        }
        return try listing.split(separator: "\n").map { line in
            guard let parsed = element(line) else { throw UnreadableLine(line: String(line)) }
            return parsed
        }
    }

    /// asn1parse printed something that is not an element line (an encoding error, for instance).
    struct UnreadableLine: Error {
        let line: String
    }

    /// One line: `  130:d=5  hl=2 l=  56 cons: SEQUENCE`, `  132:d=6  hl=2 l=   9 prim: OBJECT  :rsaesOaep`.
    private static func element(_ line: Substring) -> ASN1Element? {
        let pattern = /\s*(\d+):d=(\d+)\s+hl=(\d+)\s+l=\s*(\d+|inf)\s+(cons|prim):\s*([^:]*?)\s*(?::(.*))?/
        guard let match = try? pattern.wholeMatch(in: line), let offset = Int(match.1), let depth = Int(match.2),
              let headerLength = Int(match.3) else { return nil }
        // Byte strings print as `OCTET STRING      [HEX DUMP]:3F...`: the marker is not part of the tag.
        let tag = match.6.replacing("[HEX DUMP]", with: "").trimmingCharacters(in: .whitespaces)
        return ASN1Element(offset: offset, depth: depth, headerLength: headerLength, length: Int(match.4),
                           constructed: match.5 == "cons", tag: tag,
                           value: (match.7.map(String.init) ?? "").trimmingCharacters(in: .whitespaces))
    }
}
