extension DPIError.Code {
    /// A compact JWS (or a Maskinporten token inside a business message) is not three base64url parts,
    /// or its header is not the JSON object DPI expects (spec section 6).
    public static let malformedJWS = DPIError.Code("malformed JWS")
    /// The JWS header names an algorithm other than `RS256`, the only one DPI uses (spec section 6).
    public static let unsupportedJWSAlgorithm = DPIError.Code("unsupported JWS algorithm")
    /// The JWS signature does not verify with the key of `x5c[0]`: the message was altered or signed by another key.
    public static let badJWSSignature = DPIError.Code("bad JWS signature")
    /// The JWS signing certificate does not chain to a trust anchor (unknown issuer, bad or rejected chain).
    public static let untrustedJWSSigner = DPIError.Code("untrusted JWS signer")
    /// The JWS signing certificate (or a certificate of its chain) is expired or not yet valid at the checked time.
    public static let expiredJWSSigner = DPIError.Code("expired JWS signer")
    /// The JWS signer's organisation number is not the expected one (a receipt from another provider
    /// than the one the letter went to; spec sections 6 and 15).
    public static let wrongJWSSignerOrganisation = DPIError.Code("wrong JWS signer organisation")
    /// A Maskinporten access token cannot be decoded: not a JWT, or its payload lacks a required claim.
    public static let malformedMaskinportenToken = DPIError.Code("malformed Maskinporten token")
}
