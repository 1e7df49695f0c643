import DPI
import Foundation
import HTTP
import Simulator
import Testing

/// Spec 3.3: a grant asking for a `resource` (RFC 8707) gets a token restricted to it (`aud`), which a
/// service of another audience refuses with 401 naming `aud`.
@Suite("Gap: audience-restricted tokens")
struct GapAudienceTests {
    static let accessPoint = "https://accesspoint.dpi.example/"

    /// The `aud` claim of the access token `token`, or nil when it has none.
    private func audience(of token: String) throws -> String? {
        let claims = try JSONSerialization.jsonObject(with: JWS.parse(token).payload) as? [String: Any]
        return claims?["aud"] as? String
    }

    @Test("a grant with resource gets a token whose aud is that resource; one without gets no aud")
    func tokenCarriesRequestedResource() throws {
        let fixture = try AccessPointFixture(audiences: [Self.accessPoint])
        #expect(try audience(of: fixture.accessToken(resource: Self.accessPoint)) == Self.accessPoint)
        #expect(try audience(of: fixture.accessToken()) == nil)
    }

    @Test("a token for the access point's own resource is served")
    func ownAudienceServed() throws {
        let fixture = try AccessPointFixture(audiences: [Self.accessPoint])
        let token = try fixture.accessToken(resource: Self.accessPoint)
        #expect(try fixture.request(.get, "/messages/in", token: token).status == 204)
    }

    @Test("a token restricted to another resource is refused by the access point with 401 naming aud")
    func otherAudienceRefused() throws {
        let fixture = try AccessPointFixture(audiences: [Self.accessPoint])
        let token = try fixture.accessToken(resource: "https://annen-tjeneste.example/")
        let response = try fixture.request(.get, "/messages/in", token: token)
        #expect(response.status == 401)
        let challenge = response.headers.first(name: "WWW-Authenticate") ?? ""
        #expect((challenge + response.text).contains("aud"), "\(challenge) \(response.text)")
    }
}
