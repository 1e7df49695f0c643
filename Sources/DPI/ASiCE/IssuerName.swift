import Foundation

/// The issuer of a certificate rendered as the reference sender writes `X509IssuerName` (spec 7.4 item 6):
/// Java's `X500Name.toString()` — most specific RDN first, `", "` between RDNs, `" + "` inside a
/// multi-valued RDN, Java's keywords for known attribute types and `OID.<dotted>` for the others
/// (`CN=Buypass Class 3 Test4 CA G2 ST Business, O=Buypass AS, OID.2.5.4.97=NTRNO-983163327, C=NO`).
/// OpenSSL prints a different form (RFC 2253, no spaces), so this reads the DER itself.
enum IssuerName {
    /// The Java-style issuer name of a DER certificate; throws `DERReader.Malformed` for a broken certificate.
    static func javaString(ofCertificate der: Data) throws -> String {
        let certificate = try DERReader.value(of: ArraySlice(der))
        guard let tbs = try certificate.children.first else { throw DERReader.Malformed() }
        var fields = try tbs.children[...]
        if fields.first?.tag == 0xA0 { fields = fields.dropFirst() }   // explicit [0] version
        // serialNumber, signature AlgorithmIdentifier, then issuer Name.
        guard fields.count >= 3 else { throw DERReader.Malformed() }
        let issuer = fields[fields.startIndex + 2]
        return try issuer.children.reversed().map { relativeName in
            try relativeName.children.map(attribute).joined(separator: " + ")
        }.joined(separator: ", ")
    }

    /// `KEYWORD=value` for one AttributeTypeAndValue.
    private static func attribute(_ pair: DERReader.Value) throws -> String {
        let parts = try pair.children
        guard parts.count == 2, parts[0].tag == 0x06 else { throw DERReader.Malformed() }
        let oid = try objectIdentifier(parts[0].content)
        let keyword = keywords[oid] ?? "OID." + oid
        guard let value = string(parts[1]) else {
            return keyword + "=#" + parts[1].encoding.map { String(format: "%02X", $0) }.joined()
        }
        return keyword + "=" + quoted(value)
    }

    /// Java's `AVA` keywords for its DEFAULT format; where two keywords share an OID, the later one wins there.
    private static let keywords: [String: String] = [
        "2.5.4.3": "CN", "2.5.4.6": "C", "2.5.4.7": "L", "2.5.4.8": "ST", "2.5.4.10": "O", "2.5.4.11": "OU",
        "2.5.4.12": "T", "1.3.6.1.4.1.42.2.11.2.1": "IP", "2.5.4.9": "STREET", "0.9.2342.19200300.100.1.25": "DC",
        "2.5.4.46": "DNQ", "2.5.4.4": "SURNAME", "2.5.4.42": "GIVENNAME", "2.5.4.43": "INITIALS",
        "2.5.4.44": "GENERATION", "1.2.840.113549.1.9.1": "EMAILADDRESS", "0.9.2342.19200300.100.1.1": "UID",
        "2.5.4.5": "SERIALNUMBER",
    ]

    private static func objectIdentifier(_ content: ArraySlice<UInt8>) throws -> String {
        var arcs: [UInt64] = []
        var arc: UInt64 = 0
        for byte in content {
            guard arc >> 56 == 0 else { throw DERReader.Malformed() }
            arc = arc << 7 | UInt64(byte & 0x7F)
            if byte & 0x80 == 0 {
                arcs.append(arc)
                arc = 0
            }
        }
        guard let first = arcs.first else { throw DERReader.Malformed() }
        let head: [UInt64] = first < 80 ? [first / 40, first % 40] : [2, first - 80]
        return (head + arcs.dropFirst()).map(String.init).joined(separator: ".")
    }

    /// The text of the ASN.1 string types Java reads as strings; nil for anything else (rendered as hex).
    private static func string(_ value: DERReader.Value) -> String? {
        let bytes = Array(value.content)
        switch value.tag {
        case 0x0C, 0x13, 0x16, 0x12, 0x1A:   // UTF8String, PrintableString, IA5String, NumericString, VisibleString
            return String(decoding: bytes, as: UTF8.self)
        case 0x14:   // TeletexString: Java decodes it as ISO-8859-1
            return String(bytes.map { Character(Unicode.Scalar($0)) })
        case 0x1E:   // BMPString, UTF-16BE
            guard bytes.count % 2 == 0 else { return nil }
            let units = stride(from: 0, to: bytes.count, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
            return String(decoding: units, as: UTF16.self)
        default:
            return nil
        }
    }

    /// Java's quoting: a value with special characters, leading/trailing or doubled spaces is put in
    /// quotes; `"` and `\` are escaped with a backslash either way.
    private static func quoted(_ value: String) -> String {
        let specials: Set<Character> = [",", "+", "=", "\n", "<", ">", "#", ";", "\\", "\""]
        var needsQuotes = value.first == " " || value.first == "\n" || value.last == " " || value.last == "\n"
        var escaped = ""
        var previousWasSpace = false
        for character in value {
            if specials.contains(character) { needsQuotes = true }
            if character == "\"" || character == "\\" { escaped.append("\\") }
            let isSpace = character == " " || character == "\n"
            if isSpace && previousWasSpace { needsQuotes = true }
            previousWasSpace = isSpace
            escaped.append(character)
        }
        return needsQuotes ? "\"" + escaped + "\"" : escaped
    }
}
