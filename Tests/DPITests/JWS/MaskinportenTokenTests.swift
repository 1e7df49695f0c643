import DPI
import Foundation
import Testing

/// Decoding of the Maskinporten access token carried in business messages (spec section 3.3); the
/// official tokens are checked against their documented claims in `JWSOfficialExampleTests`.
@Suite("MaskinportenToken")
struct MaskinportenTokenTests {
    private func token(claims: String) -> String {
        Base64URL.encode(Data(#"{"kid":"k","alg":"RS256"}"#.utf8)) + "." + Base64URL.encode(Data(claims.utf8)) + ".c2ln"
    }

    static let required = #""scope":"digitalpostinnbygger:send krr:global/digitalpost.read","#
        + #""iss":"https://test.maskinporten.no/","iat":1700000000,"exp":1700000120,"#
        + #""client_id":"MOVE_IP_991825827","jti":"abc","#
        + #""consumer":{"authority":"iso6523-actorid-upis","ID":"0192:910076787"}"#

    @Test("unknown claims are ignored and a Databehandler's token makes the supplier the sending party")
    func supplierAndUnknownClaims() throws {
        let claims = "{" + Self.required + #","supplier":{"authority":"iso6523-actorid-upis","ID":"0192:810969342"},"#
            + #""delegation_source":"https://tt02.altinn.no/","client_amr":"virksomhetssertifikat","aud":"x"}"#
        let decoded = try MaskinportenToken(compact: token(claims: claims))
        #expect(decoded.consumer.organisationNumber == "910076787")
        #expect(decoded.supplier?.organisationNumber == "810969342")
        #expect(decoded.sendingParty == decoded.supplier)
        #expect(decoded.tokenType == nil)
        #expect(decoded.expiresAt.timeIntervalSince(decoded.issuedAt) == 120)
        #expect(decoded.hasScope("krr:global/digitalpost.read"))
        #expect(decoded.hasScope("digitalpostinnbygger:send"))
        #expect(!decoded.hasScope("digitalpostinnbygger"))
    }

    @Test("without a supplier the consumer is the sending party")
    func consumerSends() throws {
        let decoded = try MaskinportenToken(compact: token(claims: "{" + Self.required + "}"))
        #expect(decoded.supplier == nil)
        #expect(decoded.sendingParty.id == "0192:910076787")
    }

    @Test("a missing required claim, a lower-case id key or a non-JWT gives malformedMaskinportenToken", arguments: [
        "{" + required.replacingOccurrences(of: #""jti":"abc","#, with: "") + "}",
        "{" + required.replacingOccurrences(of: #""ID""#, with: #""id""#) + "}",
        "{" + required.replacingOccurrences(of: "1700000000", with: #""yesterday""#) + "}",
        "[]", "not json",
    ])
    func malformedClaims(claims: String) throws {
        let error = #expect(throws: DPIError.self) { try MaskinportenToken(compact: token(claims: claims)) }
        #expect(error?.code == .malformedMaskinportenToken)
    }

    @Test("a string that is not three base64url parts gives malformedMaskinportenToken",
          arguments: ["", "abc", "a.b", "e30.!!.c"])
    func notAJWT(text: String) throws {
        let error = #expect(throws: DPIError.self) { try MaskinportenToken(compact: text) }
        #expect(error?.code == .malformedMaskinportenToken)
    }
}
