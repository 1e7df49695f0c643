import DPI
import Foundation
import HTTP
import PKI
import Simulator
import Testing
import TestSupport

/// A contradictory configuration is refused when the simulator is made; tokens of another issuer are
/// refused by the validator even when signed with the same key.
@Suite("Maskinporten simulator: configuration and issuers")
struct MaskinportenConfigurationTests {
    static func make(issuer: String = Simulation.issuer, clients: [RegisteredClient],
                     tokenLifetime: Int = 120) throws -> MaskinportenSimulator {
        try MaskinportenSimulator(
            configuration: .init(issuer: issuer, clients: clients, tokenLifetime: tokenLifetime),
            tokenIdentity: Simulation.identity("maskinporten"),
            trustStore: TrustStore(pem: TestPKI.data("trust-anchors.pem")),
            intermediates: Certificate.bundle(contentsOf: TestPKI.file("chain.pem")))
    }

    @Test("duplicate client ids, a client without scopes and a lifetime of 0 are configuration errors")
    func contradictoryConfigurationIsRefused() throws {
        let noScopes = RegisteredClient(clientID: "EMPTY", organisation: Simulation.sender, scopes: [])
        let attempts: [() throws -> MaskinportenSimulator] = [
            { try Self.make(clients: [Simulation.senderClient, Simulation.senderClient]) },
            { try Self.make(clients: [noScopes]) },
            { try Self.make(clients: [Simulation.senderClient], tokenLifetime: 0) },
        ]
        for attempt in attempts {
            let error = #expect(throws: SimulatorError.self) { try attempt() }
            #expect(error?.code == .invalidConfiguration)
            #expect(error?.disposition == .abort)
        }
        #expect(throws: Never.self) { try Self.make(clients: [Simulation.senderClient]) }
    }

    @Test("a token of another issuer, signed with the same key, is refused with 401 naming the issuer")
    func otherIssuerIsRefused() throws {
        let simulation = try Simulation()
        let production = try Self.make(issuer: "https://maskinporten.no/", clients: [Simulation.senderClient])
        var claims = simulation.grantClaims()
        claims["aud"] = "https://maskinporten.no/"
        let form = "grant_type=" + MaskinportenSimulator.grantType.addingPercentEncoding(
            withAllowedCharacters: .alphanumerics)! + "&assertion=" + (try simulation.grant(claims))
        let response = production.token(HTTPServerRequest(
            method: "POST", target: "/token", headers: ["Content-Type": "application/x-www-form-urlencoded"],
            body: Data(form.utf8)))
        #expect(response.status == 200, "\(response.text)")
        let token = try #require(try Simulation.json(response)["access_token"] as? String)
        #expect(try production.tokenValidator.validate(token).issuer == "https://maskinporten.no/")
        let rejection = #expect(throws: TokenRejection.self) {
            try simulation.maskinporten.tokenValidator.validate(token)
        }
        #expect(rejection?.status == 401)
        #expect(rejection?.reason.contains("https://maskinporten.no/") == true)
    }
}
