import Foundation
import HTTP

/// Turns a Maskinporten error response (`{"error","error_description"}`, spec 3.2) into a `RoutingError`
/// that says what to fix: the clock, the certificate, the client id, the scope or the delegation.
enum MaskinportenRefusal {
    /// A cause of refusal: the words of `error_description` that point at it, and what to tell the operator.
    private struct Cause {
        let words: [String]
        let code: RoutingError.Code
        let message: String

        static let delegation = Cause(words: ["consumer_org", "delegation", "onbehalfof"], code: .delegationRefused,
                                      message: "Maskinporten refused consumer_org; check the Altinn delegation")
        static let scope = Cause(words: ["scope"], code: .scopeRefused,
                                 message: "Maskinporten refused the scope; check the client's scopes")
        static let certificate = Cause(
            words: ["x5c", "certificate", "signature", "kid"], code: .certificateRefused,
            message: "Maskinporten refused the enterprise certificate; check DPI_KEYSTORE (trusted, valid, yours)")
        static let clock = Cause(words: ["iat", "exp", "lifetime", "clock", "time"], code: .clockSkew,
                                 message: "Maskinporten refused the grant's time; the clock must be within 10 s of UTC")
        static let client = Cause(words: ["iss", "aud", "client"], code: .clientRefused,
                                  message: "Maskinporten refused the client; check DPI_CLIENT_ID and "
                                      + "DPI_MASKINPORTEN_AUDIENCE")

        /// Checked in this order: an expired certificate mentions both the certificate and expiry, so
        /// certificates come before the clock.
        static let ordered = [delegation, scope, certificate, clock, client]

        func error(details: String) -> RoutingError {
            RoutingError(code, message, details: details)
        }
    }

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
            return Cause.scope.error(details: details)
        }
        for cause in Cause.ordered where cause.words.contains(where: description.contains) {
            return cause.error(details: details)
        }
        if error == "invalid_client" {
            return Cause.client.error(details: details)
        }
        let name = error.isEmpty ? "no OAuth error" : error
        return RoutingError(.grantRefused, "Maskinporten refused the grant (\(name))",
                            details: details)
    }
}
