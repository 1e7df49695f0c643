public import DPI
public import Foundation
public import HTTP
public import PKI
import Synchronization

/// Gets Maskinporten access tokens with a JWT grant signed by the sender's enterprise certificate
/// (spec 3.2) and caches them per scope and consumer until shortly before they expire (spec 3.4).
///
/// Shared by all workers: the cache is behind a `Mutex`, and each call uses the calling thread's own
/// `HTTPClient`. Two workers that miss the cache at the same moment may both fetch a token; both are valid.
public final class MaskinportenClient: Sendable {
    /// Where Maskinporten is and who the sender is.
    public struct Configuration: Sendable {
        /// The token endpoint, e.g. `https://test.maskinporten.no/token` (`DPI_MASKINPORTEN_TOKEN_URL`).
        public var tokenURL: String
        /// The grant `aud`: the issuer with its trailing slash (`DPI_MASKINPORTEN_AUDIENCE`).
        public var audience: String
        /// The client id, the grant `iss` (`DPI_CLIENT_ID`).
        public var clientID: String
        /// `exp - iat` of the grant; Maskinporten allows at most 120 s.
        public var grantLifetime: TimeInterval
        /// A cached token is replaced when less than this remains (spec 3.4 suggests 30 s).
        public var refreshMargin: TimeInterval
        /// Timeouts of the token request.
        public var timeouts: HTTPTimeouts

        /// A configuration with a 120 s grant and a 30 s refresh margin.
        public init(tokenURL: String, audience: String, clientID: String, grantLifetime: TimeInterval = 120,
                    refreshMargin: TimeInterval = 30, timeouts: HTTPTimeouts = HTTPTimeouts()) {
            self.tokenURL = tokenURL
            self.audience = audience
            self.clientID = clientID
            self.grantLifetime = grantLifetime
            self.refreshMargin = refreshMargin
            self.timeouts = timeouts
        }
    }

    private struct CacheKey: Hashable {
        let scope: String
        let consumer: String?
    }

    private struct CachedToken {
        let token: MaskinportenToken
        /// When the token expires by the local clock: receipt time plus its lifetime, so a skewed local
        /// clock neither keeps a dead token nor throws away a live one.
        let expiresAt: Date
    }

    /// The configuration it was made with.
    public let configuration: Configuration
    private let signer: JWSSigner
    private let clock: @Sendable () -> Date
    private let cache = Mutex<[CacheKey: CachedToken]>([:])
    private let requests = Atomic<Int>(0)

    /// A client signing grants with `identity` (the enterprise certificate goes in `x5c`), telling time
    /// with `clock`.
    public init(configuration: Configuration, identity: Identity, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.configuration = configuration
        self.signer = JWSSigner(identity: identity)
        self.clock = clock
    }

    /// How many token requests this client has sent: a cache hit sends none.
    public var tokenRequests: Int { requests.load(ordering: .relaxed) }

    /// A valid token for `scope` (space-separated scopes), acting for `consumer` when given (`consumer_org`,
    /// as a data processor); from the cache when one has more than `refreshMargin` left. Throws
    /// `RoutingError` saying whether the clock, certificate, client id, scope or delegation was refused, or
    /// `.serviceUnavailable` (retry) for 5xx and network errors.
    public func token(scope: String, consumer: OrganisationNumber? = nil, using client: HTTPClient) throws
        -> MaskinportenToken {
        let key = CacheKey(scope: scope, consumer: consumer?.rawValue)
        let now = clock()
        if let cached = cache.withLock({ $0[key] }),
           cached.expiresAt.timeIntervalSince(now) > configuration.refreshMargin {
            return cached.token
        }
        let fetched = try fetch(scope: scope, consumer: consumer, using: client, now: now)
        cache.withLock { $0[key] = fetched }
        return fetched.token
    }

    /// Forgets every cached token, e.g. after a service answered 401 for one.
    public func invalidate() {
        cache.withLock { $0.removeAll() }
    }

    /// The signed grant JWT for `scope` and `consumer` at `now` (spec 3.2).
    public func grant(scope: String, consumer: OrganisationNumber? = nil, now: Date) throws -> String {
        let issuedAt = Int(now.timeIntervalSince1970)
        var claims: [String: Any] = [
            "aud": configuration.audience, "iss": configuration.clientID, "iat": issuedAt,
            "exp": issuedAt + Int(min(configuration.grantLifetime, 120)), "jti": UUID().uuidString, "scope": scope,
        ]
        if let consumer { claims["consumer_org"] = consumer.rawValue }
        let payload = try JSONSerialization.data(withJSONObject: claims, options: [.sortedKeys])
        return try signer.sign(payload)
    }

    private func fetch(scope: String, consumer: OrganisationNumber?, using client: HTTPClient, now: Date) throws
        -> CachedToken {
        let assertion = try grant(scope: scope, consumer: consumer, now: now)
        let request = HTTPRequest(
            method: .post, url: configuration.tokenURL, headers: ["Accept": "application/json"],
            body: .form([("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"), ("assertion", assertion)]),
            timeouts: configuration.timeouts)
        requests.add(1, ordering: .relaxed)
        let response: HTTPResponse
        do {
            response = try client.perform(request)
        } catch let error as HTTPError {
            throw RoutingError(.serviceUnavailable,
                               "Maskinporten could not be reached; check DPI_MASKINPORTEN_TOKEN_URL",
                               details: error.debugDescription, disposition: error.disposition)
        }
        guard response.status == 200 else { throw MaskinportenRefusal.error(for: response) }
        guard let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any],
              let compact = object["access_token"] as? String,
              let token = try? MaskinportenToken(compact: compact) else {
            throw RoutingError(.malformedResponse, "Maskinporten answered 200 without a readable access_token")
        }
        let lifetime = (object["expires_in"] as? NSNumber)?.doubleValue
            ?? token.expiresAt.timeIntervalSince(token.issuedAt)
        return CachedToken(token: token, expiresAt: clock().addingTimeInterval(lifetime))
    }
}
