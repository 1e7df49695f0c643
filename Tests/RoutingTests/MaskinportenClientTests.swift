import DPI
import ErrorDisposition
import Foundation
import HTTP
import PKI
import Routing
import Simulator
import Testing
import TestSupport

/// The token client against the simulated Maskinporten over loopback.
@Suite struct MaskinportenClientTests {
    static let scope = "digitalpostinnbygger:send"

    @Test("a token is obtained for the scope and cached: the second call sends no request")
    func tokenIsCached() throws {
        let fixture = try RoutingSimulation(seed: KRRSeed.generate(count: 8))
        let client = try HTTPClient()
        let first = try fixture.maskinporten.token(scope: Self.scope, using: client)
        let second = try fixture.maskinporten.token(scope: Self.scope, using: client)
        #expect(first.hasScope(Self.scope))
        #expect(first.clientID == fixture.simulation.settings.clientID)
        #expect(second.compact == first.compact)
        #expect(fixture.maskinporten.tokenRequests == 1)
        _ = try fixture.maskinporten.token(scope: KRRSimulator.digitalPostScope, using: client)
        #expect(fixture.maskinporten.tokenRequests == 2)
    }

    @Test("a cached token is refreshed once less than the refresh margin of its lifetime remains")
    func tokenIsRefreshedBeforeExpiry() throws {
        let clock = OffsetClock()
        let fixture = try RoutingSimulation(seed: KRRSeed.generate(count: 8), clock: clock.closure,
                                            simulatorClock: clock.closure)
        let client = try HTTPClient()
        let first = try fixture.maskinporten.token(scope: Self.scope, using: client)
        clock.advance(by: 80)   // 120 s tokens, 30 s margin: 40 s left is enough
        #expect(try fixture.maskinporten.token(scope: Self.scope, using: client).compact == first.compact)
        #expect(fixture.maskinporten.tokenRequests == 1)
        clock.advance(by: 15)   // 25 s left: replaced
        let refreshed = try fixture.maskinporten.token(scope: Self.scope, using: client)
        #expect(refreshed.compact != first.compact)
        #expect(fixture.maskinporten.tokenRequests == 2)
    }

    @Test("the grant is RS256 with the enterprise certificate in x5c and the claims of spec 3.2")
    func grantClaims() throws {
        let fixture = try RoutingSimulation(seed: KRRSeed.generate(count: 8))
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let consumer = try OrganisationNumber("910076787")
        let grant = try fixture.maskinporten.grant(scope: Self.scope, consumer: consumer, now: now)
        let parts = grant.split(separator: ".")
        try #require(parts.count == 3)
        let decode = { (part: Substring) throws -> [String: Any] in
            let data = try #require(Base64URL.decode(part))
            return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        }
        let header = try decode(parts[0]), claims = try decode(parts[1])
        let sender = try Identity(pkcs12File: TestPKI.file("sender.p12"), password: "changeit").certificate
        #expect(header["alg"] as? String == "RS256")
        #expect((header["x5c"] as? [String]) == [sender.der.base64EncodedString()])
        #expect(claims["aud"] as? String == fixture.simulation.settings.issuer)
        #expect(claims["iss"] as? String == fixture.simulation.settings.clientID)
        #expect(claims["iat"] as? Int == 1_700_000_000)
        #expect(claims["exp"] as? Int == 1_700_000_120)
        #expect(claims["scope"] as? String == Self.scope)
        #expect(claims["consumer_org"] as? String == "910076787")
        let other = try fixture.maskinporten.grant(scope: Self.scope, now: now)
        let otherClaims = try decode(other.split(separator: ".")[1])
        #expect(otherClaims["consumer_org"] == nil)
        #expect((claims["jti"] as? String).map { !$0.isEmpty } == true)
        #expect(otherClaims["jti"] as? String != claims["jti"] as? String)
    }

    /// A grant that Maskinporten refuses, and the code the refusal must carry.
    struct Refusal: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var clientID: String? = nil
        var keystore = "sender"
        var scope = MaskinportenClientTests.scope
        var clockOffset: TimeInterval = 0
        var expected: RoutingError.Code
    }

    @Test("a refused grant says what to fix: client id, certificate, scope or clock", arguments: [
        Refusal(testDescription: "unknown client id", clientID: "NO_SUCH_CLIENT", expected: .clientRefused),
        Refusal(testDescription: "untrusted certificate", keystore: "untrusted-sender", expected: .certificateRefused),
        Refusal(testDescription: "scope not granted", scope: "altinn:not-granted", expected: .scopeRefused),
        Refusal(testDescription: "clock a minute ahead", clockOffset: 60, expected: .clockSkew),
    ])
    func refusalsAreNamed(_ refusal: Refusal) throws {
        let offset = refusal.clockOffset
        let fixture = try RoutingSimulation(seed: KRRSeed.generate(count: 8), clientID: refusal.clientID,
                                            keystore: refusal.keystore,
                                            clock: { Date().addingTimeInterval(offset) })
        let client = try HTTPClient()
        let error = #expect(throws: RoutingError.self) {
            try fixture.maskinporten.token(scope: refusal.scope, using: client)
        }
        #expect(error?.code == refusal.expected)
        #expect(error?.disposition == .abort)
    }
}
