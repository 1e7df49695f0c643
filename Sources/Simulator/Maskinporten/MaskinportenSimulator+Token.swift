import DPI
import Foundation
import HTTP
import PKI

extension MaskinportenSimulator {
    /// The RFC 6749 token response for a checked grant: `{access_token, token_type, expires_in, scope}`,
    /// the access token a JWT shaped like the official autorisasjonsbevis examples (spec 3.3).
    func issue(for grant: CheckedGrant) throws -> HTTPResponse {
        let issuedAt = Int(configuration.clock().timeIntervalSince1970)
        let accessToken = try tokenSigner.sign(claims(for: grant, issuedAt: issuedAt))
        var body = OrderedJSON()
        body.add("access_token", accessToken)
        body.add("token_type", "Bearer")
        body.add("expires_in", configuration.tokenLifetime)
        body.add("scope", grant.scope)
        var response = HTTPResponse.json(body.data)
        response.headers.add(name: "Cache-Control", value: "no-store")
        return response
    }

    /// The claims in the order of the examples: scope, supplier, iss, client_amr, token_type, exp,
    /// delegation_source, iat, client_id, jti, consumer; then `aud`, the requested resource, when the grant
    /// asked for one (spec 3.3: an audience-restricted token only that service accepts).
    private func claims(for grant: CheckedGrant, issuedAt: Int) throws -> OrderedJSON {
        var claims = OrderedJSON()
        claims.add("scope", grant.scope)
        if let supplier = grant.supplier {
            claims.add("supplier", Self.party(supplier))
        }
        claims.add("iss", configuration.issuer)
        claims.add("client_amr", "virksomhetssertifikat")
        claims.add("token_type", "Bearer")
        claims.add("exp", issuedAt + configuration.tokenLifetime)
        if grant.supplier != nil {
            claims.add("delegation_source", configuration.delegationSource)
        }
        claims.add("iat", issuedAt)
        claims.add("client_id", grant.client.clientID)
        let tokenID = Base64URL.encode(try SecureRandom.bytes(count: 32))
        revocations.recordIssued(tokenID)
        claims.add("jti", tokenID)
        claims.add("consumer", Self.party(grant.consumer))
        if let resource = grant.resource {
            claims.add("aud", resource)
        }
        return claims
    }

    /// `{"authority":"iso6523-actorid-upis","ID":"0192:<orgno>"}`.
    private static func party(_ organisation: OrganisationNumber) -> OrderedJSON {
        var party = OrderedJSON()
        party.add("authority", OrganisationNumber.authority)
        party.add("ID", organisation.iso6523)
        return party
    }
}
