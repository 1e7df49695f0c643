import DPI
import Foundation
import HTTP
import PKI
import Simulator
import Testing
import TestSupport

/// The bearer token checks KRR and the access point share (spec 3.3, 10.1, 17.3): signed by the simulated
/// Maskinporten, its `iss`, its `exp`, and its `aud` when the token is audience-restricted; each failure a
/// 401 naming the claim.
@Suite("Token validator: issuer, expiry and audience")
struct TokenValidatorTests {
    static let issuer = "https://test.maskinporten.no/"
    static let audience = "https://dpi.simulator.test/"

    /// A token signed with the test PKI's `signer` key (the simulated Maskinporten's unless told otherwise),
    /// issued at `issuedAt` for 120 s, with `changes` applied to the claims.
    static func token(issuedAt: Date, signer: String = "maskinporten", _ changes: [String: Any] = [:]) throws
        -> String {
        let iat = Int(issuedAt.timeIntervalSince1970)
        var claims: [String: Any] = [
            "scope": AccessPointSimulator.sendScope, "iss": issuer, "client_amr": "virksomhetssertifikat",
            "token_type": "Bearer", "exp": iat + 120, "iat": iat, "client_id": "dpi-batch-simulated",
            "jti": UUID().uuidString, "consumer": ["authority": "iso6523-actorid-upis", "ID": "0192:991825827"],
        ]
        claims.merge(changes) { _, new in new }
        let identity = try Identity(pkcs12File: TestPKI.file("\(signer).p12"), password: "changeit")
        return try JWSSigner(identity: identity).sign(JSONSerialization.data(withJSONObject: claims))
    }

    static func validator(at now: Date) throws -> TokenValidator {
        TokenValidator(certificate: try Certificate(pem: TestPKI.data("maskinporten.cert.pem")), issuer: issuer,
                       audiences: [audience], clock: { now })
    }

    @Test("tokens without aud, or with aud naming this service (alone or in an array), are accepted",
          arguments: [[:], ["aud": audience], ["aud": ["https://other.example/", audience]]]
              as [[String: any Sendable]])
    func accepts(changes: [String: any Sendable]) throws {
        let now = Date()
        #expect(try Self.validator(at: now).validate(Self.token(issuedAt: now, changes)).issuer == Self.issuer)
    }

    @Test("a token for another audience, from another issuer, or expired: 401 naming the claim",
          arguments: [("aud", ["aud": "https://other.example/"]), ("aud", ["aud": ["https://other.example/"]]),
                      ("iss", ["iss": "https://maskinporten.no/"]), ("exp", ["exp": 0])]
              as [(String, [String: any Sendable])])
    func refuses(claim: String, changes: [String: any Sendable]) throws {
        let now = Date()
        let rejection = #expect(throws: TokenRejection.self) {
            try Self.validator(at: now).validate(Self.token(issuedAt: now, changes))
        }
        #expect(rejection?.status == 401)
        #expect(rejection?.error == "invalid_token")
        #expect(rejection?.reason.hasPrefix(claim + ":") == true, "\(rejection?.reason ?? "")")
    }

    @Test("a token signed with another key than the simulated Maskinporten's is refused")
    func refusesForeignSignature() throws {
        let now = Date()
        let rejection = #expect(throws: TokenRejection.self) {
            try Self.validator(at: now).validate(Self.token(issuedAt: now, signer: "sender"))
        }
        #expect(rejection?.status == 401)
    }

    @Test("over loopback, the access point answers an audience-restricted token for another service with 401 aud")
    func accessPointRefusesOtherAudience() throws {
        let fixture = try AccessPointFixture()
        let token = try Self.token(issuedAt: fixture.clock.now, ["aud": "https://other.example/"])
        let response = try fixture.request(.get, "/messages/in", token: token)
        #expect(response.status == 401)
        let problem = try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: Any])
        #expect((problem["detail"] as? String)?.hasPrefix("aud:") == true, "\(response.text)")
        #expect(try fixture.report().rejected == ["unauthorized": 1])
    }
}
