import Foundation
import HTTP

/// Turns a Maskinporten error response (`{"error","error_description"}`, spec 3.2) into a `RoutingError`
/// that says what to fix: the clock, the certificate, the client id, the scope or the delegation.
enum MaskinportenRefusal {
    /// Words of `error_description` that point at each cause, checked in this order (an expired certificate
    /// mentions both the certificate and expiry, so certificates come before the clock).
    private static let causes: [(words: [String], code: RoutingError.Code, message: String)] = [
        (["consumer_org", "delegation", "onbehalfof"], .delegationRefused,
         "Maskinporten refused consumer_org; check the Altinn delegation from that organisation"),
        (["scope"], .scopeRefused, "Maskinporten refused the scope; check the client's scopes"),
        (["x5c", "certificate", "signature", "kid"], .certificateRefused,
         "Maskinporten refused the enterprise certificate; check DPI_KEYSTORE (trusted, valid, your organisation)"),
        (["iat", "exp", "lifetime", "clock", "time"], .clockSkew,
         "Maskinporten refused the grant's time; the local clock must be within 10 s of UTC"),
        (["iss", "aud", "client"], .clientRefused,
         "Maskinporten refused the client; check DPI_CLIENT_ID and DPI_MASKINPORTEN_AUDIENCE"),
    ]

    /// The error for a non-200 token response.
    static func error(for response: HTTPResponse) -> RoutingError {
        let details = "HTTP \(response.status): \(response.text.prefix(500))"
        switch response.statusClass() {
        case .serverError, .rateLimited:
            return RoutingError(.serviceUnavailable, "Maskinporten answered \(response.status); retry later",
                                details: details)
        default: break
        }
        let object = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any] ?? [:]
        let error = object["error"] as? String ?? ""
        let description = (object["error_description"] as? String ?? "").lowercased()
        if error == "invalid_scope" {
            return RoutingError(.scopeRefused, causes[1].message, details: details)
        }
        for cause in causes where cause.words.contains(where: description.contains) {
            return RoutingError(cause.code, cause.message, details: details)
        }
        if error == "invalid_client" {
            return RoutingError(.clientRefused, causes[4].message, details: details)
        }
        return RoutingError(.grantRefused, "Maskinporten refused the grant (\(error.isEmpty ? "no OAuth error" : error))",
                            details: details)
    }
}
