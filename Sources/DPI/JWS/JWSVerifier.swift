public import Foundation
public import PKI

/// Verifies received JWS (receipts from providers; business messages in the simulated corner 4) the way
/// spec section 6 and check 1 of section 15 say: `alg` is RS256, the signature verifies with `x5c[0]`,
/// `x5c[0]` chains to a trust anchor and is valid now, and optionally belongs to an expected organisation.
///
/// Each failure throws a `DPIError` with its own code: `.malformedJWS`, `.unsupportedJWSAlgorithm`,
/// `.badJWSSignature`, `.untrustedJWSSigner`, `.expiredJWSSigner`, `.wrongJWSSignerOrganisation`.
public struct JWSVerifier: Sendable {
    /// The roots a signer's certificate must chain to.
    public let trustStore: TrustStore
    /// Intermediate CA certificates used to build chains in addition to the JWS's own `x5c` entries
    /// (DPI signers send only their leaf, so the issuing CAs of the environment go here).
    public let intermediates: [Certificate]
    private let clock: @Sendable () -> Date

    /// A verifier trusting `trustStore`, completing chains with `intermediates`, and checking validity at the
    /// time `clock` gives for each verification (the current time by default; a fixed time for old examples).
    public init(trustStore: TrustStore, intermediates: [Certificate] = [],
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.trustStore = trustStore
        self.intermediates = intermediates
        self.clock = clock
    }

    /// Parses and verifies `compact`, returning its parts for the caller to read. Give
    /// `expectedOrganisation` (9 digits) to demand the signer's organisation number, e.g. for a receipt
    /// the provider the letter went to.
    @discardableResult
    public func verify(_ compact: String, expectedOrganisation: String? = nil) throws -> ParsedJWS {
        let jws = try JWS.parse(compact)
        try verify(jws, expectedOrganisation: expectedOrganisation)
        return jws
    }

    /// Verifies an already parsed JWS (see `verify(_:expectedOrganisation:)`).
    public func verify(_ jws: ParsedJWS, expectedOrganisation: String? = nil) throws {
        guard jws.algorithm == JWS.algorithm else {
            throw DPIError(.unsupportedJWSAlgorithm, "the JWS is signed with an algorithm other than RS256",
                           field: "header.alg", details: "alg \(jws.algorithm)")
        }
        guard let signer = jws.signer else {
            throw DPIError(.malformedJWS, "the JWS header has no x5c signing certificate", field: "header.x5c")
        }
        guard signer.verifyRSASHA256(signature: jws.signature, data: jws.signingInput) else {
            throw DPIError(.badJWSSignature, "the JWS signature does not verify with its x5c certificate",
                           details: "signer \(signer.subject)")
        }
        try verifyChain(of: signer, sentAlong: Array(jws.certificates.dropFirst()))
        if let expectedOrganisation, signer.organisationNumber != expectedOrganisation {
            throw DPIError(.wrongJWSSignerOrganisation,
                           "the JWS is signed by another organisation than \(expectedOrganisation)",
                           details: "signer \(signer.subject), organisation \(signer.organisationNumber ?? "none")")
        }
    }

    private func verifyChain(of signer: Certificate, sentAlong: [Certificate]) throws {
        do {
            try trustStore.verify(signer, intermediates: sentAlong + intermediates, at: clock())
        } catch let error as PKIError {
            switch error.code {
            case .certificateExpired, .certificateNotYetValid:
                throw DPIError(.expiredJWSSigner, "the JWS signing certificate or its chain is not valid at this time",
                               details: error.debugDescription)
            case .untrustedCertificate, .badCertificateSignature, .certificateRejected:
                throw DPIError(.untrustedJWSSigner, "the JWS signing certificate does not chain to a trusted root",
                               details: error.debugDescription)
            default:
                throw error
            }
        }
    }
}
