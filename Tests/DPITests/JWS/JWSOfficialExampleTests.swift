import DPI
import Foundation
import PKI
import Testing
import TestSupport

/// The four official complete examples, produced by Digdir's reference sender and accepted by real
/// providers, must pass our parser and verifier unchanged (spec sections 6 and 17.4).
@Suite("JWS: the official complete examples")
struct JWSOfficialExampleTests {
    @Test("the header is exactly x5c (one leaf) and alg RS256, and the signature verifies with x5c[0]",
          arguments: OfficialExample.all)
    func headerAndSignature(example: OfficialExample) throws {
        let jws = try JWS.parse(example.jwt())
        let header = try #require(try JSONSerialization.jsonObject(with: jws.header) as? [String: Any])
        #expect(Set(header.keys) == ["x5c", "alg"])
        #expect(String(decoding: jws.header, as: UTF8.self).hasPrefix(#"{"x5c":[""#))
        #expect(jws.algorithm == "RS256")
        #expect(jws.certificates.count == 1)
        let signer = try #require(jws.signer)
        #expect(signer.verifyRSASHA256(signature: jws.signature, data: jws.signingInput))
    }

    @Test("x5c[0] is the XAdES signer and chains to the Buypass test root of signatures.xml when the example was made",
          arguments: OfficialExample.all)
    func chainAtExampleTime(example: OfficialExample) throws {
        let compact = try example.jwt()
        let jws = try JWS.parse(compact)
        let packageCertificates = try example.packageCertificates()
        #expect(packageCertificates.count == 3)
        #expect(jws.signer?.der == packageCertificates.first?.der)

        let roots = packageCertificates.filter { $0.subject == $0.issuer }
        let issuingCAs = packageCertificates.dropFirst().filter { $0.subject != $0.issuer }
        #expect(roots.count == 1 && issuingCAs.count == 1)
        // The examples are checked at the moment their Maskinporten token was issued: the signing
        // certificates were valid then, and the signer must be the token's supplier, else its consumer.
        let token = try MaskinportenToken(compact: OfficialExample.embeddedToken(in: jws.payload))
        let issuedAt = token.issuedAt
        let verifier = JWSVerifier(trustStore: try TrustStore(anchors: roots), intermediates: issuingCAs,
                                   clock: { issuedAt })
        let organisation = try #require(token.sendingParty.organisationNumber)
        try verifier.verify(compact, expectedOrganisation: organisation)
    }

    @Test("verified at the current time, the expired example certificates give expiredJWSSigner",
          arguments: OfficialExample.all)
    func expiredNow(example: OfficialExample) throws {
        let compact = try example.jwt()
        let signer = try #require(try JWS.parse(compact).signer)
        // The example signing certificates have expired: the SEID 1 ones in 2023, the utskrift (SEID 2)
        // one on 2026-05-05. This test relies on that, so it says so first.
        #expect(signer.notAfter < Date())
        let packageCertificates = try example.packageCertificates()
        let verifier = JWSVerifier(trustStore: try TrustStore(anchors: [try #require(packageCertificates.last)]),
                                   intermediates: [packageCertificates[1]])
        let error = #expect(throws: DPIError.self) { try verifier.verify(compact) }
        #expect(error?.code == .expiredJWSSigner)
    }

    @Test("the example signers are untrusted under the test PKI's roots", arguments: OfficialExample.all)
    func untrustedUnderOtherRoots(example: OfficialExample) throws {
        let compact = try example.jwt()
        let packageCertificates = try example.packageCertificates()
        let signer = try #require(try JWS.parse(compact).signer)
        let validTime = signer.notBefore.addingTimeInterval(86_400)
        let verifier = JWSVerifier(trustStore: try TestAnchors.trustStore(), intermediates: [packageCertificates[1]],
                                   clock: { validTime })
        let error = #expect(throws: DPIError.self) { try verifier.verify(compact) }
        #expect(error?.code == .untrustedJWSSigner)
    }

    @Test("the payload is the documented business message, byte-compact, and its token has the documented claims",
          arguments: OfficialExample.all)
    func payloadAndToken(example: OfficialExample) throws {
        let jws = try JWS.parse(example.jwt())
        #expect(try JSONCanonical.form(of: jws.payload) == JSONCanonical.form(of: example.businessMessageJSON()))
        #expect(!jws.payload.contains(UInt8(ascii: "\n")))

        let compactToken = try OfficialExample.embeddedToken(in: jws.payload)
        let tokenPayload = try #require(Base64URL.decode(compactToken.split(separator: ".")[1]))
        #expect(try JSONCanonical.form(of: tokenPayload) == JSONCanonical.form(of: example.tokenClaimsJSON()))

        let token = try MaskinportenToken(compact: compactToken)
        let claims = try #require(try JSONSerialization.jsonObject(with: example.tokenClaimsJSON()) as? [String: Any])
        let consumer = claims["consumer"] as? [String: Any]
        let supplier = claims["supplier"] as? [String: Any]
        #expect(token.compact == compactToken)
        #expect(token.scope == claims["scope"] as? String)
        #expect(token.hasScope("digitalpostinnbygger:send"))
        #expect(token.issuer == claims["iss"] as? String)
        #expect(token.clientID == claims["client_id"] as? String)
        #expect(token.tokenID == claims["jti"] as? String)
        #expect(token.tokenType == claims["token_type"] as? String)
        #expect(token.issuedAt.timeIntervalSince1970 == (claims["iat"] as? NSNumber)?.doubleValue)
        #expect(token.expiresAt.timeIntervalSince1970 == (claims["exp"] as? NSNumber)?.doubleValue)
        #expect(token.consumer.authority == consumer?["authority"] as? String)
        #expect(token.consumer.id == consumer?["ID"] as? String)
        #expect(token.supplier?.id == supplier?["ID"] as? String)
        #expect(token.supplier?.authority == supplier?["authority"] as? String)
    }
}

/// Parsed JSON written back with sorted keys and no whitespace, to compare two JSON texts by content.
enum JSONCanonical {
    static func form(of json: Data) throws -> Data {
        let value = try JSONSerialization.jsonObject(with: json, options: .fragmentsAllowed)
        return try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
    }
}
