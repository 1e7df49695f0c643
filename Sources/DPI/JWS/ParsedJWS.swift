public import Foundation
public import PKI

/// A compact JWS taken apart, nothing verified yet: what `JWSVerifier` checks and what the caller
/// reads afterwards. The payload is kept as the exact bytes received; it is never re-serialised
/// (spec section 6: the signature covers the base64url text, not a JSON form).
public struct ParsedJWS: Sendable {
    /// The decoded protected header, as received (JSON text).
    public let header: Data
    /// The header's `alg` member.
    public let algorithm: String
    /// The certificates of the header's `x5c` member, in order (empty when there is none); the first is the signer's.
    public let certificates: [Certificate]
    /// The decoded payload, byte for byte as signed.
    public let payload: Data
    /// The ASCII bytes the signature covers: the first two parts with the `.` between them.
    public let signingInput: Data
    /// The decoded signature.
    public let signature: Data

    /// The certificate that claims to have signed (`x5c[0]`), if the header has one.
    public var signer: Certificate? { certificates.first }

    /// Parses `compact` (surrounding whitespace, such as a trailing newline of a file, is ignored).
    /// Throws `.malformedJWS` naming the part that is wrong.
    init(compact: String) throws {
        let text = compact.trimmingASCIIWhitespace()
        let parts = text.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            throw DPIError(.malformedJWS, "a compact JWS has three parts separated by dots",
                           details: "found \(parts.count) parts in \(text.utf8.count) bytes")
        }
        header = try ParsedJWS.decode(parts[0], part: "header")
        payload = try ParsedJWS.decode(parts[1], part: "payload")
        signature = try ParsedJWS.decode(parts[2], part: "signature")
        signingInput = Data(text.utf8[parts[0].startIndex..<parts[1].endIndex])
        (algorithm, certificates) = try ParsedJWS.read(header: header)
    }

    private static func decode(_ part: Substring.UTF8View, part name: String) throws -> Data {
        guard let bytes = Base64URL.decode(ascii: part) else {
            throw DPIError(.malformedJWS, "the JWS \(name) is not base64url without padding",
                           details: "\(part.count) characters")
        }
        return bytes
    }

    /// The `alg` and `x5c` members of the header. Other members are tolerated (a provider might add
    /// `typ` or `kid`), except `crit`, which RFC 7515 section 4.1.11 says must be understood to accept the JWS.
    private static func read(header: Data) throws -> (String, [Certificate]) {
        guard let object = try? JSONSerialization.jsonObject(with: header) as? [String: Any] else {
            throw DPIError(.malformedJWS, "the JWS header is not a JSON object", field: "header")
        }
        guard let algorithm = object["alg"] as? String else {
            throw DPIError(.malformedJWS, "the JWS header has no alg string", field: "header.alg")
        }
        guard object["crit"] == nil else {
            throw DPIError(.malformedJWS, "the JWS header has critical extensions (crit), which DPI does not use",
                           field: "header.crit")
        }
        guard let chain = object["x5c"] else { return (algorithm, []) }
        guard let encoded = chain as? [String] else {
            throw DPIError(.malformedJWS, "the JWS header's x5c is not an array of strings", field: "header.x5c")
        }
        let certificates = try encoded.enumerated().map { index, text in
            guard let der = Data(base64Encoded: text) else {
                throw DPIError(.malformedJWS, "x5c entry \(index) is not standard base64", field: "header.x5c")
            }
            do {
                return try Certificate(der: der)
            } catch {
                throw DPIError(.malformedJWS, "x5c entry \(index) is not a DER X.509 certificate",
                               field: "header.x5c", details: String(reflecting: error))
            }
        }
        return (algorithm, certificates)
    }
}
