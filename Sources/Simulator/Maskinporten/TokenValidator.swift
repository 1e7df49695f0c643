public import DPI
public import Foundation
public import HTTP
public import PKI

/// Checks `Authorization: Bearer` access tokens the way a resource server (KRR, the access point) does:
/// an RS256 signature by the simulated Maskinporten's key, its issuer, not expired, an audience of this
/// service when the token is audience-restricted, and the scope the endpoint needs. Failures become 401 (no
/// or bad token, naming the failed claim) or 403 (token lacks the scope) problem responses with a
/// `WWW-Authenticate` header (RFC 6750 section 3).
public struct TokenValidator: Sendable {
    /// The certificate of the key that signs the tokens.
    public let certificate: Certificate
    /// The `iss` every token must carry.
    public let issuer: String
    /// The audiences (resources) of this service: a token carrying `aud` must name one of them. A token
    /// without `aud` is not audience-restricted and passes, as Maskinporten issues tokens by default (spec 3.3).
    public let audiences: Set<String>
    /// Tokens withdrawn by the issuing simulator (401 when presented).
    public let revocations: TokenRevocations
    private let clock: @Sendable () -> Date
    private let validated = ValidatedTokens()

    /// A validator for tokens signed with `certificate`'s key by `issuer`, for `audiences` when restricted,
    /// checking expiry at `clock()`.
    public init(certificate: Certificate, issuer: String, audiences: Set<String> = [],
                revocations: TokenRevocations = TokenRevocations(), clock: @escaping @Sendable () -> Date = { Date() }) {
        self.certificate = certificate
        self.issuer = issuer
        self.audiences = audiences
        self.revocations = revocations
        self.clock = clock
    }

    /// The decoded token of `compact` when it is signed by the issuer's key, names the issuer, has not
    /// expired and (when restricted) is for one of `audiences`; throws a 401 rejection naming the failed claim.
    public func validate(_ compact: String) throws(TokenRejection) -> MaskinportenToken {
        if let token = validated.token(for: compact), token.expiresAt > clock(), !revocations.isRevoked(token.tokenID) {
            return token
        }
        guard let jws = try? JWS.parse(compact), let token = try? MaskinportenToken(compact: compact) else {
            throw .unauthorized("the bearer token is not a Maskinporten access token (JWT with the required claims)")
        }
        guard jws.algorithm == JWS.algorithm,
              certificate.verifyRSASHA256(signature: jws.signature, data: jws.signingInput) else {
            throw .unauthorized("the bearer token is not signed by the simulated Maskinporten")
        }
        guard token.issuer == issuer else {
            throw .unauthorized("iss: the bearer token was issued by '\(token.issuer)', not by \(issuer)")
        }
        guard token.expiresAt > clock() else {
            throw .unauthorized("exp: the bearer token has expired; get a new one")
        }
        guard !revocations.isRevoked(token.tokenID) else {
            throw .unauthorized("jti: the bearer token was revoked; get a new one")
        }
        if let audience = Self.audience(of: jws.payload), audience.isDisjoint(with: audiences) {
            throw .unauthorized("aud: the bearer token is restricted to another audience than this service; "
                                + "ask Maskinporten for a token for this resource")
        }
        validated.remember(compact, as: token)
        return token
    }

    /// The `aud` claim as a set (RFC 7519 allows one string or an array); nil when the token has none.
    private static func audience(of payload: Data) -> Set<String>? {
        let claims = (try? JSONSerialization.jsonObject(with: payload)) as? [String: Any]
        switch claims?["aud"] {
        case let single as String: return [single]
        case let many as [String]: return Set(many)
        case nil: return nil
        default: return []   // a malformed aud restricts the token to nothing
        }
    }

    /// The validated bearer token of `request`, which must hold at least one of `scopes`. Throws 401 when
    /// the header is missing or the token bad, 403 when it lacks every one of `scopes`.
    public func authorize(_ request: HTTPServerRequest, anyOf scopes: [String]) throws(TokenRejection)
        -> MaskinportenToken {
        guard let header = request.headers.first(name: "Authorization") else {
            throw .unauthorized("the request has no Authorization header; send Authorization: Bearer <token>")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw .unauthorized("the Authorization header must be Bearer <token>")
        }
        let token = try validate(parts[1].trimmingASCIIWhitespace())
        guard scopes.contains(where: token.hasScope) else {
            throw TokenRejection(status: 403, error: "insufficient_scope",
                                 reason: "the token lacks the scope this endpoint needs: "
                                     + scopes.joined(separator: " or "))
        }
        return token
    }
}

/// A refused bearer token: the status (401 or 403), the RFC 6750 error code and why.
public struct TokenRejection: Error, Sendable, Equatable {
    /// 401 (missing, malformed, forged or expired token) or 403 (scope missing).
    public let status: Int
    /// `invalid_token` or `insufficient_scope`.
    public let error: String
    /// What is wrong, as the problem `detail`.
    public let reason: String

    static func unauthorized(_ reason: String) -> TokenRejection {
        TokenRejection(status: 401, error: "invalid_token", reason: reason)
    }

    /// The problem+json response with `WWW-Authenticate: Bearer error="..."`.
    public var response: HTTPResponse {
        let title = status == 401 ? "Unauthorized" : "Forbidden"
        return ProblemDetails(status: status, title: title, detail: reason)
            .response(headers: ["WWW-Authenticate": "Bearer error=\"\(error)\""])
    }
}
