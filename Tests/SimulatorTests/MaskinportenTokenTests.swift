import DPI
import Foundation
import HTTP
import PKI
import Simulator
import Testing
import TestSupport

/// A good JWT grant gets an access token shaped like the official autorisasjonsbevis examples (spec 3.3),
/// signed with the simulator's key: verifiable by us, by python `cryptography`, and by the TokenValidator.
@Suite("Maskinporten simulator: issuing tokens")
struct MaskinportenTokenTests {
    @Test("a grant signed with the sender keystore gets a Bearer token with consumer, scope, client_id and lifetime")
    func grantGetsToken() throws {
        let simulation = try Simulation()
        let response = try simulation.requestToken(assertion: simulation.grant(simulation.grantClaims()))
        #expect(response.status == 200, "\(response.text)")
        #expect(response.headers.first(name: "Content-Type") == "application/json")
        let body = try Simulation.json(response)
        #expect(body["token_type"] as? String == "Bearer")
        #expect(body["expires_in"] as? Int == 120)
        #expect(body["scope"] as? String == Simulation.sendScope)

        let compact = try #require(body["access_token"] as? String)
        let token = try MaskinportenToken(compact: compact)
        #expect(token.consumer.authority == "iso6523-actorid-upis")
        #expect(token.consumer.id == "0192:991825827")
        #expect(token.supplier == nil)
        #expect(token.scope == Simulation.sendScope)
        #expect(token.clientID == "MOVE_IP_991825827")
        #expect(token.issuer == Simulation.issuer)
        #expect(token.issuedAt == simulation.clock.now)
        #expect(token.expiresAt.timeIntervalSince(token.issuedAt) == 120)
        #expect(token.tokenType == "Bearer")
        #expect(Base64URL.decode(token.tokenID)?.count == 32)
    }

    @Test("the token's header is {kid, alg RS256} and its signature verifies with maskinporten.cert.pem")
    func tokenIsSignedWithTheSimulatorKey() throws {
        let simulation = try Simulation()
        let compact = try simulation.accessToken()
        let jws = try JWS.parse(compact)
        #expect(jws.header == Data(#"{"kid":"\#(simulation.maskinporten.keyID)","alg":"RS256"}"#.utf8))
        let certificate = try Certificate(contentsOf: TestPKI.file("maskinporten.cert.pem"))
        #expect(certificate.verifyRSASHA256(signature: jws.signature, data: jws.signingInput))
        let sender = try Certificate(contentsOf: TestPKI.file("sender.cert.pem"))
        #expect(!sender.verifyRSASHA256(signature: jws.signature, data: jws.signingInput))
    }

    @Test("the claims come in the order of the official examples, without supplier for an own-organisation token")
    func claimsInExampleOrder() throws {
        let simulation = try Simulation()
        let payload = try JWS.parse(simulation.accessToken()).payload
        let keys = try Self.keyOrder(payload)
        #expect(keys == ["scope", "iss", "client_amr", "token_type", "exp", "iat", "client_id", "jti", "consumer"])
    }

    @Test("python cryptography verifies the token's RS256 signature with maskinporten.cert.pem, not an altered one")
    func pythonVerifiesToken() throws {
        let simulation = try Simulation()
        let compact = try simulation.accessToken()
        let certificate = try TestPKI.file("maskinporten.cert.pem")
        let verified = try IndependentJWSVerifier.run(compact, headerMembers: ["kid", "alg"], certificate: certificate)
        #expect(verified.status == 0, "python: \(verified.stderr)")
        let claims = try #require(try JSONSerialization.jsonObject(with: verified.stdout) as? [String: Any])
        #expect((claims["consumer"] as? [String: String])?["ID"] == "0192:991825827")

        var parts = compact.split(separator: ".").map(String.init)
        parts[1] = Base64URL.encode(Data(#"{"scope":"digitalpostinnbygger:send","consumer":{}}"#.utf8))
        let altered = try IndependentJWSVerifier.run(parts.joined(separator: "."), headerMembers: ["kid", "alg"],
                                                     certificate: certificate)
        #expect(altered.status != 0)
        #expect(altered.stderr.contains("InvalidSignature"))
    }

    @Test("a data processor's grant with consumer_org gets consumer = the Avsender, supplier = itself")
    func dataProcessorGetsSupplierToken() throws {
        let simulation = try Simulation()
        var claims = simulation.grantClaims()
        claims["consumer_org"] = Simulation.delegator.rawValue
        let response = try simulation.requestToken(assertion: simulation.grant(claims))
        #expect(response.status == 200, "\(response.text)")
        let compact = try #require(try Simulation.json(response)["access_token"] as? String)
        let token = try MaskinportenToken(compact: compact)
        #expect(token.consumer.id == "0192:910076787")
        #expect(token.supplier?.id == "0192:991825827")
        #expect(token.sendingParty.organisationNumber == "991825827")
        let keys = try Self.keyOrder(JWS.parse(compact).payload)
        #expect(keys == ["scope", "supplier", "iss", "client_amr", "token_type", "exp", "delegation_source", "iat",
                         "client_id", "jti", "consumer"])
    }

    @Test("the token validator accepts a fresh token and refuses it once expired")
    func validatorChecksExpiry() throws {
        let simulation = try Simulation()
        let compact = try simulation.accessToken()
        let validator = simulation.maskinporten.tokenValidator
        #expect(try validator.validate(compact).clientID == "MOVE_IP_991825827")
        simulation.clock.advance(by: 120)
        #expect(throws: TokenRejection.self) { try validator.validate(compact) }
    }

    @Test("the metadata names the issuer and token endpoint; the JWKS key verifies tokens")
    func metadataAndKeySet() throws {
        let simulation = try Simulation()
        let metadata = try Simulation.json(simulation.client.perform(
            HTTPRequest(url: simulation.server.baseURL + "/.well-known/oauth-authorization-server")))
        #expect(metadata["issuer"] as? String == Simulation.issuer)
        #expect(metadata["token_endpoint"] as? String == Simulation.issuer + "token")
        let keys = try Simulation.json(simulation.client.perform(HTTPRequest(url: simulation.server.baseURL + "/jwk")))
        let key = try #require((keys["keys"] as? [[String: Any]])?.first)
        #expect(key["kid"] as? String == simulation.maskinporten.keyID)
        let chain = try #require(key["x5c"] as? [String])
        let certificate = try Certificate(der: #require(Data(base64Encoded: chain[0])))
        let (modulus, _) = try #require(certificate.rsaPublicKeyComponents())
        #expect(key["n"] as? String == Base64URL.encode(modulus))
        let jws = try JWS.parse(simulation.accessToken())
        #expect(certificate.verifyRSASHA256(signature: jws.signature, data: jws.signingInput))
    }

    /// The top-level keys of a JSON object in document order (Foundation's parser loses the order).
    static func keyOrder(_ json: Data) throws -> [String] {
        let script = "import json,sys; print(' '.join(json.loads(sys.stdin.read()).keys()))"
        let result = try ChildProcess.succeed("/usr/bin/python3", ["-c", script], input: json)
        return result.text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ").map(String.init)
    }
}
