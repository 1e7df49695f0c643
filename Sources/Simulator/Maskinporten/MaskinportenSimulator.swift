public import Foundation
import DPI
public import HTTP
public import PKI

/// The simulated Maskinporten: `POST /token` exchanges a JWT grant signed with an enterprise certificate
/// for an access token, checking every rule of spec 3.2 and 17.1 the way the real service does, and
/// publishes its metadata and signing key so other parts (KRR, the access point) can check the tokens.
///
/// Thread-safe: the only mutable state is the `jti` replay cache, behind a lock.
public final class MaskinportenSimulator: Sendable {
    /// Who may ask for tokens, under which issuer, and how long tokens live.
    public struct Configuration: Sendable {
        /// The issuer URL, with its trailing slash (`https://test.maskinporten.no/`): the required grant `aud`
        /// and the `iss` of every access token.
        public var issuer: String
        /// The registered clients; a grant's `iss` must be one of their ids.
        public var clients: [RegisteredClient]
        /// Seconds an access token lives (`exp - iat`, `expires_in`); 120 like the real service.
        public var tokenLifetime: Int
        /// The longest grant lifetime (`exp - iat`) accepted; 120 s (spec 3.2).
        public var maximumGrantLifetime: TimeInterval
        /// How far a grant's `iat` may be from the simulator's clock, and how long past `exp` it is still
        /// accepted; 10 s (spec 3.2).
        public var clockSkew: TimeInterval
        /// The `delegation_source` put into tokens issued to a data processor.
        public var delegationSource: String
        /// The resources (audiences) of the services behind it: an audience-restricted token (with `aud`)
        /// must name one of them to be accepted by `tokenValidator`.
        public var audiences: Set<String>
        /// The current time; injectable so tests can issue and check tokens at fixed times.
        public var clock: @Sendable () -> Date

        /// A configuration with the real service's limits unless told otherwise.
        public init(issuer: String, clients: [RegisteredClient], tokenLifetime: Int = 120,
                    maximumGrantLifetime: TimeInterval = 120, clockSkew: TimeInterval = 10,
                    delegationSource: String = "https://tt02.altinn.no/", audiences: Set<String> = [],
                    clock: @escaping @Sendable () -> Date = { Date() }) {
            self.issuer = issuer
            self.clients = clients
            self.tokenLifetime = tokenLifetime
            self.maximumGrantLifetime = maximumGrantLifetime
            self.clockSkew = clockSkew
            self.delegationSource = delegationSource
            self.audiences = audiences
            self.clock = clock
        }
    }

    /// The grant type of a JWT bearer grant (RFC 7523), the only one Maskinporten serves.
    public static let grantType = "urn:ietf:params:oauth:grant-type:jwt-bearer"

    /// The settings the simulator was made with.
    public let configuration: Configuration
    /// The certificate whose key signs the access tokens (maskinporten.cert.pem in tests).
    public var tokenCertificate: Certificate { tokenSigner.identity.certificate }
    /// The `kid` in every access token's header and in the JWKS.
    public var keyID: String { tokenSigner.keyID }

    let tokenSigner: AccessTokenSigner
    let grantVerifier: JWSVerifier
    let clientsByID: [String: RegisteredClient]
    let replays = ReplayCache()
    /// The tokens this simulator withdrew; shared with every validator it hands out.
    let revocations = TokenRevocations()

    /// A simulator signing tokens with `tokenIdentity` and accepting grants whose `x5c` certificate chains
    /// to `trustStore` (completed with `intermediates`). Throws `.invalidConfiguration` for duplicate client
    /// ids, a client without scopes or a lifetime that is not positive.
    public init(configuration: Configuration, tokenIdentity: Identity, trustStore: TrustStore,
                intermediates: [Certificate] = []) throws {
        guard configuration.tokenLifetime > 0, configuration.maximumGrantLifetime > 0 else {
            throw SimulatorError(.invalidConfiguration, "token and grant lifetimes must be positive")
        }
        var clients: [String: RegisteredClient] = [:]
        for client in configuration.clients {
            guard !client.scopes.isEmpty else {
                throw SimulatorError(.invalidConfiguration, "Maskinporten client \(client.clientID) has no scopes")
            }
            guard clients.updateValue(client, forKey: client.clientID) == nil else {
                throw SimulatorError(.invalidConfiguration,
                                     "Maskinporten client id \(client.clientID) is registered twice")
            }
        }
        self.configuration = configuration
        clientsByID = clients
        tokenSigner = AccessTokenSigner(identity: tokenIdentity)
        grantVerifier = JWSVerifier(trustStore: trustStore, intermediates: intermediates, clock: configuration.clock)
    }

    /// A validator for this simulator's access tokens, for the services that demand them.
    public var tokenValidator: TokenValidator {
        TokenValidator(certificate: tokenCertificate, issuer: configuration.issuer,
                       audiences: configuration.audiences, revocations: revocations, clock: configuration.clock)
    }

    /// Withdraws every access token issued so far: the services answer them 401 from now on, and senders
    /// must fetch new ones. For tests of a sender's 401 handling.
    public func revokeIssuedTokens() {
        revocations.revokeAllIssued()
    }

    /// `POST /token`: an access token response for a good grant, an OAuth error naming the failed rule otherwise.
    public func token(_ request: HTTPServerRequest) -> HTTPResponse {
        do {
            return try issue(for: checkedGrant(request))
        } catch let rejection as GrantRejection {
            return rejection.response
        } catch {
            return ProblemDetails(status: 500, title: "Internal Server Error",
                                  detail: "the simulator could not sign the token: \(error)").response()
        }
    }

    /// Serves `POST /token`, the metadata document and the JWKS on `router`.
    public func register(on router: inout SimulatorRouter) {
        router.add("POST", "/token", handler: token)
        router.add("GET", "/.well-known/oauth-authorization-server", handler: { [self] _ in metadata() })
        router.add("GET", "/jwk", handler: { [self] _ in keySet() })
    }
}
