import Foundation

/// The claims of a Maskinporten JWT grant (spec 3.2), read from the assertion's payload. Only their
/// presence and types are checked here; `MaskinportenSimulator` applies the rules.
struct JWTGrant {
    /// `aud`: must be the simulator's issuer.
    let audience: String?
    /// `iss`: the client id.
    let issuer: String?
    /// `iat`.
    let issuedAt: Date?
    /// `exp`.
    let expiresAt: Date?
    /// `jti`, recommended but optional.
    let id: String?
    /// `scope`, space-separated.
    let scope: String?
    /// `consumer_org`: the 9-digit organisation a data processor asks a token for.
    let consumerOrganisation: String?
    /// `iss_onbehalfof`, an alternative to `consumer_org` the simulator does not support.
    let issuerOnBehalfOf: String?
    /// `resource` (RFC 8707): the service the token is for; the token is then restricted to it (`aud`).
    let resource: String?

    /// Reads the claims from the payload JSON; throws `.assertion` when it is not a JSON object and names
    /// the claim whose type is wrong.
    init(payload: Data) throws(GrantRejection) {
        guard let claims = (try? JSONSerialization.jsonObject(with: payload)) as? [String: Any] else {
            throw .invalidGrant(.assertion, "the assertion's payload is not a JSON object")
        }
        audience = try Self.string(claims, "aud", rule: .audience)
        issuer = try Self.string(claims, "iss", rule: .issuer)
        issuedAt = try Self.date(claims, "iat", rule: .issuedAt)
        expiresAt = try Self.date(claims, "exp", rule: .expiry)
        id = try Self.string(claims, "jti", rule: .replay)
        scope = try Self.string(claims, "scope", rule: .scope)
        consumerOrganisation = try Self.string(claims, "consumer_org", rule: .consumer)
        issuerOnBehalfOf = try Self.string(claims, "iss_onbehalfof", rule: .consumer)
        resource = try Self.string(claims, "resource", rule: .resource)
    }

    private static func string(_ claims: [String: Any], _ name: String, rule: GrantRejection.Rule)
        throws(GrantRejection) -> String? {
        guard let value = claims[name] else { return nil }
        guard let text = value as? String else {
            throw .invalidGrant(rule, "the \(name) claim must be a string")
        }
        return text
    }

    /// A NumericDate claim (RFC 7519: seconds since 1970, integer or not).
    private static func date(_ claims: [String: Any], _ name: String, rule: GrantRejection.Rule)
        throws(GrantRejection) -> Date? {
        guard let value = claims[name] else { return nil }
        guard let number = value as? NSNumber else {
            throw .invalidGrant(rule, "the \(name) claim must be a number of seconds since 1970")
        }
        return Date(timeIntervalSince1970: number.doubleValue)
    }
}
