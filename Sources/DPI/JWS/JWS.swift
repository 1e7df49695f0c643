public import Foundation
public import PKI

/// The signed business message of DPI (spec section 6): a compact JWS (RFC 7515) over the SBD JSON,
/// signed RS256 with the enterprise certificate in `x5c`. Receipts from the mailbox and print providers
/// come back in the same form.
///
/// For signing many messages with one identity, make one `JWSSigner` and reuse it; for checking a
/// received message's signer and chain, use `JWSVerifier`.
public enum JWS {
    /// The one signature algorithm DPI uses (and accepts): RSASSA-PKCS1-v1_5 with SHA-256.
    public static let algorithm = "RS256"

    /// Signs `payload` as a compact JWS with the header `{"x5c":["<leaf DER>"],"alg":"RS256"}`.
    /// Encodes the header anew on each call: when signing many payloads, reuse a `JWSSigner`.
    public static func sign(payload: Data, identity: Identity) throws -> String {
        try JWSSigner(identity: identity).sign(payload)
    }

    /// Splits and decodes a compact JWS without verifying anything: header, payload bytes as received,
    /// signing input, signature and `x5c` certificates. Throws `.malformedJWS` for anything that is not
    /// three base64url parts with a JSON object header naming an `alg`.
    public static func parse(_ compact: String) throws -> ParsedJWS {
        try ParsedJWS(compact: compact)
    }
}
