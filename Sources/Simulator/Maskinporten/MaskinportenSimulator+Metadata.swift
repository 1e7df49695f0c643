import DPI
import Foundation
import HTTP

extension MaskinportenSimulator {
    /// `GET /.well-known/oauth-authorization-server` (RFC 8414): the issuer, the token endpoint and where
    /// the signing keys are, so clients and other simulated services can find them (spec 17.1).
    func metadata() -> HTTPResponse {
        let metadata = Metadata(
            issuer: configuration.issuer, tokenEndpoint: configuration.issuer + "token",
            jwksURI: configuration.issuer + "jwk", grantTypesSupported: [Self.grantType],
            tokenEndpointAuthMethodsSupported: ["private_key_jwt"],
            tokenEndpointAuthSigningAlgValuesSupported: ["RS256"])
        return .json((try? JSONEncoder.simulator.encode(metadata)) ?? Data())
    }

    /// `GET /jwk`: the token-signing key as a JWK set (RFC 7517), with its certificate in `x5c`.
    func keySet() -> HTTPResponse {
        guard let (modulus, exponent) = tokenCertificate.rsaPublicKeyComponents() else {
            return ProblemDetails(status: 500, title: "Internal Server Error",
                                  detail: "the token-signing key is not an RSA key").response()
        }
        let key = JSONWebKey(kty: "RSA", use: "sig", alg: "RS256", kid: keyID, n: Base64URL.encode(modulus),
                             e: Base64URL.encode(exponent), x5c: [tokenCertificate.der.base64EncodedString()])
        return .json((try? JSONEncoder.simulator.encode(["keys": [key]])) ?? Data())
    }

    private struct Metadata: Encodable {
        let issuer: String
        let tokenEndpoint: String
        let jwksURI: String
        let grantTypesSupported: [String]
        let tokenEndpointAuthMethodsSupported: [String]
        let tokenEndpointAuthSigningAlgValuesSupported: [String]

        enum CodingKeys: String, CodingKey {
            case issuer
            case tokenEndpoint = "token_endpoint"
            case jwksURI = "jwks_uri"
            case grantTypesSupported = "grant_types_supported"
            case tokenEndpointAuthMethodsSupported = "token_endpoint_auth_methods_supported"
            case tokenEndpointAuthSigningAlgValuesSupported = "token_endpoint_auth_signing_alg_values_supported"
        }
    }

    private struct JSONWebKey: Encodable {
        let kty: String
        let use: String
        let alg: String
        let kid: String
        let n: String
        let e: String
        let x5c: [String]
    }
}
