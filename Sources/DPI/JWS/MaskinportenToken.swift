public import Foundation

/// The claims of a Maskinporten access token (spec section 3.3) as embedded in a business message
/// (`maskinportentoken`): decoded only, its signature is not checked here. Lets the sender and the
/// simulator compare the token with the bearer token and apply the consumer/supplier rules of section 15.
///
/// Unknown claims are ignored; `scope`, `consumer`, `iss`, `iat`, `exp`, `client_id` and `jti` are required.
public struct MaskinportenToken: Sendable, Equatable {
    /// An organisation in a token (`consumer`, `supplier`): `{"authority":"iso6523-actorid-upis","ID":"0192:…"}`.
    public struct Party: Sendable, Equatable, Decodable {
        /// The identifier scheme, `iso6523-actorid-upis`.
        public let authority: String
        /// The party identifier, `0192:` followed by the organisation number.
        public let id: String

        /// The 9-digit organisation number of `id` (without the `0192:` prefix), or nil for another scheme.
        public var organisationNumber: String? {
            id.hasPrefix("0192:") ? String(id.dropFirst("0192:".count)) : nil
        }

        private enum CodingKeys: String, CodingKey {
            case authority
            case id = "ID"
        }
    }

    /// The token exactly as received: what must be byte-identical to the bearer token (spec section 3.4).
    public let compact: String
    /// The space-separated scopes, e.g. `digitalpostinnbygger:send`.
    public let scope: String
    /// The legal sender (Avsender) the token was issued for.
    public let consumer: Party
    /// The data processor (Databehandler) that obtained the token for `consumer`, if any.
    public let supplier: Party?
    /// The issuing Maskinporten (`iss`), e.g. `https://test.maskinporten.no/`.
    public let issuer: String
    /// When the token was issued (`iat`).
    public let issuedAt: Date
    /// When the token expires (`exp`).
    public let expiresAt: Date
    /// The Maskinporten client that asked for it (`client_id`).
    public let clientID: String
    /// The token's unique id (`jti`).
    public let tokenID: String
    /// `token_type`, normally `Bearer`, when present.
    public let tokenType: String?

    /// The organisation whose certificate must sign the business message: the supplier when a
    /// Databehandler sends for the consumer, else the consumer (spec section 15, check 5).
    public var sendingParty: Party { supplier ?? consumer }

    /// Whether the space-separated `scope` contains `name`.
    public func hasScope(_ name: String) -> Bool {
        scope.split(separator: " ").contains { $0 == name }
    }

    /// Decodes the payload of the JWT `compact`. Throws `.malformedMaskinportenToken` when it is not three
    /// base64url parts with a JSON payload holding the required claims.
    public init(compact: String) throws {
        let parts = compact.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 3, let payload = Base64URL.decode(ascii: parts[1]) else {
            throw DPIError(.malformedMaskinportenToken, "the Maskinporten token is not a JWT of three base64url parts",
                           field: "maskinportentoken")
        }
        let claims: Claims
        do {
            claims = try JSONDecoder().decode(Claims.self, from: payload)
        } catch {
            throw DPIError(.malformedMaskinportenToken, "the Maskinporten token's claims are missing or malformed",
                           field: "maskinportentoken", details: String(describing: error))
        }
        self.compact = compact
        scope = claims.scope
        consumer = claims.consumer
        supplier = claims.supplier
        issuer = claims.iss
        issuedAt = Date(timeIntervalSince1970: claims.iat)
        expiresAt = Date(timeIntervalSince1970: claims.exp)
        clientID = claims.clientID
        tokenID = claims.jti
        tokenType = claims.tokenType
    }

    /// The claims as named in the token.
    private struct Claims: Decodable {
        let scope: String
        let consumer: Party
        let supplier: Party?
        let iss: String
        let iat: TimeInterval
        let exp: TimeInterval
        let clientID: String
        let jti: String
        let tokenType: String?

        private enum CodingKeys: String, CodingKey {
            case scope, consumer, supplier, iss, iat, exp, jti
            case clientID = "client_id"
            case tokenType = "token_type"
        }
    }
}
