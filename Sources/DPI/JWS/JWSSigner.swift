public import Foundation
public import PKI

/// Signs business messages (and simulated receipts) as compact RS256 JWS with one identity.
///
/// The protected header is the same for every message of an identity, so it is encoded once here; each
/// `sign` then costs one base64url pass over the payload and the RSA operation (spec section 6 header:
/// exactly `{"x5c":["<standard base64 DER of the leaf>"],"alg":"RS256"}`, no `typ`, no `kid`, no chain).
public struct JWSSigner: Sendable {
    /// The certificate whose DER is in `x5c`.
    public let certificate: Certificate
    /// The protected header as JSON, exactly as signed.
    public let header: String
    /// The base64url form of `header`: the first part of every JWS this signer makes.
    public let encodedHeader: String
    private let privateKey: PrivateKey
    /// `encodedHeader` followed by the `.` separator, as bytes ready to be copied into each signing input.
    private let signingInputPrefix: Data

    /// A signer with the private key and leaf certificate of `identity`. The intermediates of the
    /// identity are left out of `x5c`, as in every official example.
    public init(identity: Identity) {
        certificate = identity.certificate
        privateKey = identity.privateKey
        header = #"{"x5c":[""# + identity.certificate.der.base64EncodedString() + #""],"alg":"RS256"}"#
        encodedHeader = Base64URL.encode(Data(header.utf8))
        signingInputPrefix = Data((encodedHeader + ".").utf8)
    }

    /// `payload` (the SBD JSON bytes, signed exactly as given) as a compact JWS
    /// `header.payload.signature`, all parts base64url without padding.
    public func sign(_ payload: Data) throws -> String {
        try sign(payload, count: payload.count)
    }

    /// `payload` as a compact JWS (see `sign(_:)` for `Data`), for a message written as an array of bytes.
    func sign(_ payload: [UInt8]) throws -> String {
        try sign(payload, count: payload.count)
    }

    private func sign(_ payload: some ContiguousBytes, count: Int) throws -> String {
        let largestSignature = 512   // RSA-4096; DPI keys are 2048 or 3072 bits
        var compact = Data(capacity: signingInputPrefix.count + Base64URL.encodedCount(count)
                           + 1 + Base64URL.encodedCount(largestSignature))
        compact.append(signingInputPrefix)
        Base64URL.append(payload, to: &compact)
        let signature = try privateKey.signRSASHA256(compact)
        compact.append(UInt8(ascii: "."))
        Base64URL.append(signature, to: &compact)
        return String(decoding: compact, as: UTF8.self)
    }
}
