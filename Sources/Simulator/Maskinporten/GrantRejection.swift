public import HTTP

/// Why the simulated Maskinporten refused a JWT grant: the OAuth 2.0 error code (RFC 6749 section 5.2)
/// and the rule of spec 3.2 / 17.1 that failed. The response body is
/// `{"error":"<code>","error_description":"<rule>: <sentence>"}`, so a client (and a test) sees which rule.
public struct GrantRejection: Error, Sendable, Equatable {
    /// The rule a grant broke; its raw value starts `error_description`.
    public enum Rule: String, Sendable, CaseIterable {
        /// The body is not an `application/x-www-form-urlencoded` form.
        case form = "request"
        /// The form lacks `grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer`.
        case grantType = "grant_type"
        /// The form lacks an `assertion`, or it is not a JWT with a JSON object payload.
        case assertion
        /// The grant is not signed RS256.
        case algorithm = "alg"
        /// The grant carries no `x5c` certificate (keys registered by `kid` are not simulated).
        case certificate = "x5c"
        /// The signature does not verify with the `x5c` certificate.
        case signature
        /// The `x5c` certificate does not chain to the configured trust anchors.
        case certificateChain = "certificate-chain"
        /// The `x5c` certificate (or its chain) is expired or not yet valid.
        case certificateValidity = "certificate-validity"
        /// `aud` is not the simulator's issuer.
        case audience = "aud"
        /// `iss` is not a registered client id.
        case issuer = "iss"
        /// The `x5c` certificate belongs to another organisation than the client.
        case certificateOrganisation = "certificate-organisation"
        /// `iat` is missing or too far from the simulator's clock.
        case issuedAt = "iat"
        /// `exp` is missing or has passed.
        case expiry = "exp"
        /// `exp - iat` is longer than allowed (120 s).
        case lifetime
        /// `jti` was used before by the same client.
        case replay = "jti"
        /// `scope` is missing or names a scope the client may not have.
        case scope
        /// `consumer_org` is malformed or not delegated to the client; or `iss_onbehalfof` was sent.
        case consumer = "consumer_org"
        /// `resource` (RFC 8707, the audience asked for) is not a non-empty string.
        case resource
    }

    /// The OAuth error code: `invalid_request`, `unsupported_grant_type`, `invalid_grant`,
    /// `invalid_client` or `invalid_scope`.
    public let error: String
    /// The rule that failed.
    public let rule: Rule
    /// What was wrong, for `error_description`.
    public let reason: String

    init(_ error: String, _ rule: Rule, _ reason: String) {
        self.error = error
        self.rule = rule
        self.reason = reason
    }

    /// `invalid_grant`: the assertion broke a rule.
    static func invalidGrant(_ rule: Rule, _ reason: String) -> GrantRejection {
        GrantRejection("invalid_grant", rule, reason)
    }

    /// The HTTP status: 401 for client authentication failures (RFC 6749 section 5.2), else 400.
    public var status: Int { error == "invalid_client" ? 401 : 400 }

    /// `<rule>: <reason>`, the `error_description`.
    public var errorDescription: String { "\(rule.rawValue): \(reason)" }

    /// The OAuth JSON error response.
    public var response: HTTPResponse {
        var body = OrderedJSON()
        body.add("error", error)
        body.add("error_description", errorDescription)
        var response = HTTPResponse.json(body.data, status: status)
        response.headers.add(name: "Cache-Control", value: "no-store")
        return response
    }
}
