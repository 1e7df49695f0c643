import DPI
import Foundation
import HTTP
import PKI

/// A grant that passed every rule: who gets a token, for whom, with which scope.
struct CheckedGrant {
    let client: RegisteredClient
    let scope: String
    /// The data processor's own organisation when it acts for `consumer` (`consumer_org`), else nil.
    let supplier: OrganisationNumber?
    let consumer: OrganisationNumber
    /// The resource the grant asked for (RFC 8707): the issued token's `aud`; nil for an unrestricted token.
    let resource: String?
}

extension MaskinportenSimulator {
    /// Applies the rules of spec 3.2 / 17.1 in the order a client can best act on them: the request form,
    /// the signature and certificate, then the claims; the `jti` is recorded last, so a rejected grant does
    /// not use it up.
    func checkedGrant(_ request: HTTPServerRequest) throws(GrantRejection) -> CheckedGrant {
        let assertion = try Self.assertion(of: request)
        let jws = try verifiedAssertion(assertion)
        let grant = try JWTGrant(payload: jws.payload)
        let now = configuration.clock()
        guard grant.audience == configuration.issuer else {
            throw .invalidGrant(.audience, "aud must be the issuer \(configuration.issuer), found "
                                + (grant.audience.map { "'\($0)'" } ?? "none"))
        }
        guard let clientID = grant.issuer, let client = clientsByID[clientID] else {
            throw GrantRejection("invalid_client", .issuer, "iss must be the id of a registered client, found "
                                 + (grant.issuer.map { "'\($0)'" } ?? "none"))
        }
        let signerOrganisation = jws.signer?.organisationNumber
        guard signerOrganisation == client.organisation.rawValue else {
            throw GrantRejection("invalid_client", .certificateOrganisation,
                                 "the x5c certificate belongs to organisation \(signerOrganisation ?? "none"),"
                                 + " not to client \(clientID)'s organisation \(client.organisation)")
        }
        let expiry = try checkLifetime(grant, now: now)
        let scope = try checkScope(grant, client: client)
        let (consumer, supplier) = try checkConsumer(grant, client: client)
        guard grant.resource.map({ !$0.isEmpty }) ?? true else {
            throw .invalidGrant(.resource, "resource must name the service the token is for, or be left out")
        }
        if let id = grant.id {
            guard replays.insert(id, client: clientID, until: expiry + configuration.clockSkew, now: now) else {
                throw .invalidGrant(.replay,
                                    "jti was already used by client \(clientID); make a new grant id each time")
            }
        }
        return CheckedGrant(client: client, scope: scope, supplier: supplier, consumer: consumer,
                            resource: grant.resource)
    }

    /// The assertion of a `application/x-www-form-urlencoded` JWT bearer grant request.
    private static func assertion(of request: HTTPServerRequest) throws(GrantRejection) -> String {
        let contentType = request.headers.first(name: "Content-Type") ?? ""
        guard contentType.lowercased().hasPrefix("application/x-www-form-urlencoded") else {
            throw GrantRejection("invalid_request", .form, "the body must be application/x-www-form-urlencoded")
        }
        let form = FormBody(request.body)
        guard let grantType = form["grant_type"] else {
            throw GrantRejection("invalid_request", .grantType, "grant_type is missing")
        }
        guard grantType == Self.grantType else {
            throw GrantRejection("unsupported_grant_type", .grantType, "grant_type must be \(Self.grantType)")
        }
        guard let assertion = form["assertion"], !assertion.isEmpty else {
            throw GrantRejection("invalid_request", .assertion, "assertion (the signed JWT grant) is missing")
        }
        return assertion
    }

    /// The parsed assertion after its algorithm, signature and certificate chain were checked.
    private func verifiedAssertion(_ assertion: String) throws(GrantRejection) -> ParsedJWS {
        let jws: ParsedJWS
        do {
            jws = try JWS.parse(assertion)
        } catch {
            let reason = (error as? DPIError)?.message ?? "unreadable"
            throw .invalidGrant(.assertion, "the assertion is not a compact JWT: \(reason)")
        }
        guard jws.algorithm == "RS256" else {
            throw .invalidGrant(.algorithm, "alg must be RS256, found '\(jws.algorithm)'")
        }
        guard jws.signer != nil else {
            throw .invalidGrant(.certificate, "the header must carry the enterprise certificate in x5c"
                                + " (keys registered by kid are not simulated)")
        }
        do {
            try grantVerifier.verify(jws)
        } catch let error as DPIError {
            switch error.code {
            case .badJWSSignature:
                throw .invalidGrant(.signature, "the signature does not verify with the x5c certificate")
            case .expiredJWSSigner:
                throw .invalidGrant(.certificateValidity,
                                    "the x5c certificate or its chain is expired or not yet valid")
            case .untrustedJWSSigner:
                throw .invalidGrant(.certificateChain, "the x5c certificate does not chain to a trusted root")
            default:
                throw .invalidGrant(.certificate, error.message)
            }
        } catch {
            throw .invalidGrant(.certificateChain, "the x5c certificate could not be verified: \(error)")
        }
        return jws
    }

    /// Checks `exp` and `iat` against the clock and the longest lifetime; returns the expiry.
    private func checkLifetime(_ grant: JWTGrant, now: Date) throws(GrantRejection) -> Date {
        let skew = configuration.clockSkew
        guard let expiry = grant.expiresAt else { throw .invalidGrant(.expiry, "exp is missing") }
        guard expiry.addingTimeInterval(skew) > now else {
            throw .invalidGrant(.expiry, "the grant expired \(Int(now.timeIntervalSince(expiry))) s ago")
        }
        guard let issuedAt = grant.issuedAt else { throw .invalidGrant(.issuedAt, "iat is missing") }
        guard abs(issuedAt.timeIntervalSince(now)) <= skew else {
            throw .invalidGrant(.issuedAt, "iat is \(Int(issuedAt.timeIntervalSince(now))) s from the server clock;"
                                + " at most \(Int(skew)) s is accepted (check the clock)")
        }
        let lifetime = expiry.timeIntervalSince(issuedAt)
        guard lifetime > 0, lifetime <= configuration.maximumGrantLifetime else {
            throw .invalidGrant(.lifetime, "exp - iat is \(Int(lifetime)) s; it must be positive and at most"
                                + " \(Int(configuration.maximumGrantLifetime)) s")
        }
        return expiry
    }

    /// The requested scopes, each of which the client must be allowed.
    private func checkScope(_ grant: JWTGrant, client: RegisteredClient) throws(GrantRejection) -> String {
        let requested = (grant.scope ?? "").split(separator: " ").map(String.init)
        guard !requested.isEmpty else {
            throw GrantRejection("invalid_scope", .scope, "scope is missing")
        }
        let refused = requested.filter { !client.scopes.contains($0) }
        guard refused.isEmpty else {
            throw GrantRejection("invalid_scope", .scope, "client \(client.clientID) may not have scope "
                                 + refused.joined(separator: " "))
        }
        return requested.joined(separator: " ")
    }

    /// The consumer and, for a data processor, the supplier of the token.
    private func checkConsumer(_ grant: JWTGrant, client: RegisteredClient)
        throws(GrantRejection) -> (OrganisationNumber, OrganisationNumber?) {
        guard grant.issuerOnBehalfOf == nil else {
            throw .invalidGrant(.consumer, "iss_onbehalfof is not supported; a data processor sends consumer_org")
        }
        guard let requested = grant.consumerOrganisation else { return (client.organisation, nil) }
        guard let consumer = try? OrganisationNumber(requested), consumer.rawValue == requested else {
            throw .invalidGrant(.consumer, "consumer_org must be a 9-digit organisation number without 0192:")
        }
        guard consumer != client.organisation else { return (client.organisation, nil) }
        guard client.onBehalfOf.contains(consumer) else {
            throw .invalidGrant(.consumer, "organisation \(consumer) has not delegated to client \(client.clientID)")
        }
        return (consumer, client.organisation)
    }
}
