import DPI
import Foundation
import HTTP
import Simulator
import Testing

/// Each rule of spec 3.2 / 17.1 broken on its own gets the OAuth error and an `error_description` that
/// starts with the rule's name, so a sender (and its operator) can see what to fix.
@Suite("Maskinporten simulator: grant rules")
struct MaskinportenGrantRuleTests {
    /// A good grant with one thing changed, and the rejection it must get.
    struct BrokenGrant: Sendable, CustomTestStringConvertible {
        let testDescription: String
        var signer = "sender"
        let change: @Sendable (inout [String: Any], Int) -> Void
        let error: String
        let rule: GrantRejection.Rule
        var status = 400
    }

    static let brokenGrants: [BrokenGrant] = [
        BrokenGrant(testDescription: "aud of another environment", change: { claims, _ in
            claims["aud"] = "https://maskinporten.no/"
        }, error: "invalid_grant", rule: .audience),
        BrokenGrant(testDescription: "aud without trailing slash", change: { claims, _ in
            claims["aud"] = "https://test.maskinporten.no"
        }, error: "invalid_grant", rule: .audience),
        BrokenGrant(testDescription: "no aud", change: { claims, _ in claims["aud"] = nil },
                    error: "invalid_grant", rule: .audience),
        BrokenGrant(testDescription: "expired grant", change: { claims, now in
            claims["iat"] = now - 200
            claims["exp"] = now - 80
        }, error: "invalid_grant", rule: .expiry),
        BrokenGrant(testDescription: "lifetime over 120 s", change: { claims, now in claims["exp"] = now + 121 },
                    error: "invalid_grant", rule: .lifetime),
        BrokenGrant(testDescription: "iat 30 s behind the server clock", change: { claims, now in
            claims["iat"] = now - 30
            claims["exp"] = now + 60
        }, error: "invalid_grant", rule: .issuedAt),
        BrokenGrant(testDescription: "iat 30 s ahead of the server clock", change: { claims, now in
            claims["iat"] = now + 30
            claims["exp"] = now + 90
        }, error: "invalid_grant", rule: .issuedAt),
        BrokenGrant(testDescription: "unknown client id", change: { claims, _ in claims["iss"] = "MOVE_IP_000000000" },
                    error: "invalid_client", rule: .issuer, status: 401),
        BrokenGrant(testDescription: "scope not allowed for the client", change: { claims, _ in
            claims["iss"] = Simulation.sendOnlyClient.clientID
            claims["scope"] = "digitalpostinnbygger:send " + KRRSimulator.digitalPostScope
        }, error: "invalid_scope", rule: .scope),
        BrokenGrant(testDescription: "no scope", change: { claims, _ in claims["scope"] = nil },
                    error: "invalid_scope", rule: .scope),
        BrokenGrant(testDescription: "consumer_org that did not delegate", change: { claims, _ in
            claims["consumer_org"] = "974761076"
        }, error: "invalid_grant", rule: .consumer),
        BrokenGrant(testDescription: "consumer_org in ISO 6523 form", change: { claims, _ in
            claims["consumer_org"] = "0192:910076787"
        }, error: "invalid_grant", rule: .consumer),
        BrokenGrant(testDescription: "signed by untrusted-sender.p12", signer: "untrusted-sender", change: { _, _ in },
                    error: "invalid_grant", rule: .certificateChain),
        BrokenGrant(testDescription: "signed by expired-sender.p12", signer: "expired-sender", change: { _, _ in },
                    error: "invalid_grant", rule: .certificateValidity),
        BrokenGrant(testDescription: "signed with another organisation's certificate", signer: "digipost",
                    change: { _, _ in }, error: "invalid_client", rule: .certificateOrganisation, status: 401),
    ]

    @Test("a grant breaking one rule is refused naming that rule", arguments: brokenGrants)
    func brokenGrantIsRefused(_ broken: BrokenGrant) throws {
        let simulation = try Simulation()
        var claims = simulation.grantClaims()
        broken.change(&claims, Int(simulation.clock.now.timeIntervalSince1970))
        let response = try simulation.requestToken(assertion: simulation.grant(claims, signer: broken.signer))
        try Self.expectRejection(response, error: broken.error, rule: broken.rule, status: broken.status)
    }

    @Test("a grant whose payload was altered after signing is refused: signature")
    func alteredGrantIsRefused() throws {
        let simulation = try Simulation()
        var parts = try simulation.grant(simulation.grantClaims()).split(separator: ".").map(String.init)
        var claims = simulation.grantClaims()
        claims["scope"] = Simulation.krrScopes
        parts[1] = Base64URL.encode(try JSONSerialization.data(withJSONObject: claims))
        let response = try simulation.requestToken(assertion: parts.joined(separator: "."))
        try Self.expectRejection(response, error: "invalid_grant", rule: .signature)
    }

    @Test("a grant id (jti) used twice is refused the second time: jti")
    func replayedGrantIsRefused() throws {
        let simulation = try Simulation()
        let assertion = try simulation.grant(simulation.grantClaims())
        #expect(try simulation.requestToken(assertion: assertion).status == 200)
        simulation.clock.advance(by: 5)
        try Self.expectRejection(simulation.requestToken(assertion: assertion), error: "invalid_grant", rule: .replay)
    }

    @Test("a refused grant does not use up its jti: fixed, it is accepted")
    func refusedGrantKeepsItsID() throws {
        let simulation = try Simulation()
        var claims = simulation.grantClaims()
        claims["aud"] = "https://maskinporten.no/"
        #expect(try simulation.requestToken(assertion: simulation.grant(claims)).status == 400)
        claims["aud"] = Simulation.issuer
        #expect(try simulation.requestToken(assertion: simulation.grant(claims)).status == 200)
    }

    @Test("a grant signed with another algorithm than RS256 is refused: alg")
    func otherAlgorithmIsRefused() throws {
        let simulation = try Simulation()
        let parts = try simulation.grant(simulation.grantClaims()).split(separator: ".").map(String.init)
        let headerJSON = try #require(Base64URL.decode(parts[0]))
        var header = try #require(try JSONSerialization.jsonObject(with: headerJSON) as? [String: Any])
        header["alg"] = "HS256"
        let encoded = Base64URL.encode(try JSONSerialization.data(withJSONObject: header))
        let response = try simulation.requestToken(assertion: [encoded, parts[1], parts[2]].joined(separator: "."))
        try Self.expectRejection(response, error: "invalid_grant", rule: .algorithm)
    }

    @Test("a grant naming a key by kid instead of x5c is refused: x5c")
    func grantWithoutCertificateIsRefused() throws {
        let simulation = try Simulation()
        let parts = try simulation.grant(simulation.grantClaims()).split(separator: ".").map(String.init)
        let header = Base64URL.encode(Data(#"{"kid":"registered-key","alg":"RS256"}"#.utf8))
        let response = try simulation.requestToken(assertion: [header, parts[1], parts[2]].joined(separator: "."))
        try Self.expectRejection(response, error: "invalid_grant", rule: .certificate)
    }

    @Test("requests that are not a JWT bearer grant form are refused naming what is missing")
    func malformedRequestsAreRefused() throws {
        let simulation = try Simulation()
        let assertion = try simulation.grant(simulation.grantClaims())
        try Self.expectRejection(simulation.requestToken(assertion: assertion, grantType: "client_credentials"),
                                 error: "unsupported_grant_type", rule: .grantType)
        try Self.expectRejection(simulation.requestToken(assertion: ""), error: "invalid_request", rule: .assertion)
        try Self.expectRejection(simulation.requestToken(assertion: "not.a-jwt"), error: "invalid_grant",
                                 rule: .assertion)
        let json = try simulation.client.perform(HTTPRequest(
            method: .post, url: simulation.server.baseURL + "/token", headers: ["Content-Type": "application/json"],
            body: .bytes(Data(#"{"assertion":"x"}"#.utf8))))
        try Self.expectRejection(json, error: "invalid_request", rule: .form)
    }

    static func expectRejection(_ response: HTTPResponse, error: String, rule: GrantRejection.Rule, status: Int = 400,
                                sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(response.status == status, "\(response.text)", sourceLocation: sourceLocation)
        #expect(response.headers.first(name: "Content-Type") == "application/json", sourceLocation: sourceLocation)
        let body = try Simulation.json(response)
        #expect(body["error"] as? String == error, "\(response.text)", sourceLocation: sourceLocation)
        let description = body["error_description"] as? String ?? ""
        #expect(description.hasPrefix(rule.rawValue + ": "), "\(description)", sourceLocation: sourceLocation)
        #expect(body["access_token"] == nil, sourceLocation: sourceLocation)
    }
}
