import Foundation
import HTTP
@testable import Routing
import Testing

/// Maskinporten's OAuth error answers (spec 3.2) mapped to what the operator must fix.
@Suite struct MaskinportenRefusalTests {
    static func response(_ status: Int, _ error: String, _ description: String) -> HTTPResponse {
        let body = try! JSONSerialization.data(withJSONObject: ["error": error, "error_description": description])
        return HTTPResponse(status: status, headers: ["Content-Type": "application/json"], body: body)
    }

    @Test("each OAuth error names its cause", arguments: [
        (response(400, "invalid_grant", "Invalid assertion. Client authentication failed. Expired JWT"),
         RoutingError.Code.clockSkew),
        (response(400, "invalid_grant", "iat: the grant was issued 61 s from the server's clock"), .clockSkew),
        (response(400, "invalid_grant", "Invalid assertion. Client authentication failed. Invalid JWT signature"),
         .certificateRefused),
        (response(400, "invalid_grant", "certificate-validity: the certificate has expired"), .certificateRefused),
        (response(400, "invalid_scope", "Not allowed"), .scopeRefused),
        (response(401, "invalid_client", "MP-110 Unknown client"), .clientRefused),
        (response(400, "invalid_grant", "consumer_org: no delegation from 910076787"), .delegationRefused),
        (response(400, "invalid_request", "MP-999"), .grantRefused),
        (response(503, "temporarily_unavailable", ""), .serviceUnavailable),
    ])
    func refusalCauses(_ response: HTTPResponse, _ code: RoutingError.Code) {
        #expect(MaskinportenRefusal.error(for: response).code == code)
    }

    @Test("refusal descriptions are safe to log: they never repeat the server's text")
    func descriptionsOmitServerText() {
        let error = MaskinportenRefusal.error(for: Self.response(400, "invalid_grant", "secret-looking 01017012345"))
        #expect(!error.description.contains("01017012345"))
        #expect(error.debugDescription.contains("01017012345"))
    }
}
