import DPI
import Foundation
import HTTP
import PKI
import Simulator
import TestSupport

/// Maskinporten and KRR simulated from the test PKI behind one loopback `HTTPServer`, with a test clock,
/// and the requests the tests send to them.
final class Simulation {
    static let issuer = "https://test.maskinporten.no/"
    static let sendScope = "digitalpostinnbygger:send"
    static let krrScopes = KRRSimulator.contactInformationScope + " " + KRRSimulator.digitalPostScope
    /// The sender agency of the test PKI.
    static let sender = try! OrganisationNumber("991825827")
    /// An agency that delegated to the sender (the Avsender of the official "på vegne av" example).
    static let delegator = try! OrganisationNumber("910076787")

    /// The sender's client: may send and look up, and act for `delegator`.
    static let senderClient = RegisteredClient(
        clientID: "MOVE_IP_991825827", organisation: sender,
        scopes: [sendScope, KRRSimulator.contactInformationScope, KRRSimulator.digitalPostScope],
        onBehalfOf: [delegator])
    /// A client of the same organisation that may only send.
    static let sendOnlyClient = RegisteredClient(clientID: "SEND_ONLY_991825827", organisation: sender,
                                                 scopes: [sendScope])

    let clock: TestClock
    let maskinporten: MaskinportenSimulator
    let krr: KRRSimulator
    let server: HTTPServer
    let client: HTTPClient

    init(seed: KRRSeed = .generate(count: 16), certificateEncoding: KRRSimulator.CertificateEncoding = .pem) throws {
        let trustStore = try TrustStore(pem: TestPKI.data("trust-anchors.pem"))
        clock = TestClock()   // after the test PKI is made: its certificates are valid from that second on
        let intermediates = try Certificate.bundle(contentsOf: TestPKI.file("chain.pem"))
        maskinporten = try MaskinportenSimulator(
            configuration: .init(issuer: Self.issuer, clients: [Self.senderClient, Self.sendOnlyClient],
                                 clock: clock.closure),
            tokenIdentity: try Self.identity("maskinporten"), trustStore: trustStore, intermediates: intermediates)
        krr = try KRRSimulator(
            configuration: .init(seed: seed, digipost: try Self.provider("digipost"), eboks: try Self.provider("eboks"),
                                 printProvider: try Self.provider("print"), certificateEncoding: certificateEncoding,
                                 clock: clock.closure),
            tokenValidator: maskinporten.tokenValidator)
        var router = SimulatorRouter()
        maskinporten.register(on: &router)
        krr.register(on: &router)
        server = try HTTPServer(handler: router.handler)
        client = try HTTPClient()
    }

    deinit {
        server.stop()
    }

    static func identity(_ name: String) throws -> Identity {
        try Identity(pkcs12File: TestPKI.file("\(name).p12"), password: "changeit")
    }

    static func provider(_ name: String) throws -> KRRSimulator.Provider {
        let certificate = try Certificate(contentsOf: TestPKI.file("\(name).cert.pem"))
        return KRRSimulator.Provider(organisation: try OrganisationNumber(certificate.organisationNumber ?? ""),
                                     certificate: certificate)
    }

    /// The claims of a good grant of the sender's client at the simulation's time; tests change or remove some.
    func grantClaims(scope: String = sendScope) -> [String: Any] {
        let now = Int(clock.now.timeIntervalSince1970)
        return ["aud": Self.issuer, "iss": Self.senderClient.clientID, "iat": now, "exp": now + 120,
                "jti": UUID().uuidString, "scope": scope]
    }

    /// A grant JWT of `claims` signed with `signer`.p12, the header carrying its certificate in x5c.
    func grant(_ claims: [String: Any], signer: String = "sender") throws -> String {
        let payload = try JSONSerialization.data(withJSONObject: claims, options: [.sortedKeys])
        return try JWSSigner(identity: Self.identity(signer)).sign(payload)
    }

    /// `POST /token` with the form a Maskinporten client sends.
    func requestToken(assertion: String, grantType: String = MaskinportenSimulator.grantType) throws -> HTTPResponse {
        try client.perform(HTTPRequest(method: .post, url: server.baseURL + "/token",
                                       body: .form([("grant_type", grantType), ("assertion", assertion)])))
    }

    /// An access token for a good grant with `scope`, as the sender's client.
    func accessToken(scope: String = sendScope) throws -> String {
        let response = try requestToken(assertion: grant(grantClaims(scope: scope)))
        guard response.status == 200, let token = try Self.json(response)["access_token"] as? String else {
            throw TestEnvironmentError("token request failed: \(response.status) \(response.text)")
        }
        return token
    }

    /// `POST /rest/v2/personer` with `ids` and `Authorization: Bearer <token>` (none when nil).
    func lookup(_ ids: [String], token: String?, body: Data? = nil) throws -> HTTPResponse {
        var headers: HTTPHeaders = ["Content-Type": "application/json"]
        if let token { headers.add(name: "Authorization", value: "Bearer \(token)") }
        let json = try body ?? JSONSerialization.data(withJSONObject: ["personidentifikatorer": ids])
        return try client.perform(HTTPRequest(method: .post, url: server.baseURL + "/rest/v2/personer",
                                              headers: headers, body: .bytes(json)))
    }

    static func json(_ response: HTTPResponse) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: response.body) as? [String: Any] else {
            throw TestEnvironmentError("not a JSON object: \(response.text)")
        }
        return object
    }
}
