import DPI
import Foundation
import HTTP
import PKI
import Simulator
import Testing
import TestSupport

/// What the simulated KRR refuses: more than 1000 or no identifiers, malformed bodies and identifiers
/// (400 problem+json, spec 4.1 and 12.3), and requests without a good token with a KRR scope (401/403).
@Suite("KRR simulator: limits and authorisation")
struct KRRRequestTests {
    @Test("1000 identifiers in one lookup are answered; 1001 and none get 400 problem+json")
    func identifierCountLimits() throws {
        let seed = KRRSeed.generate(count: 1001)
        let simulation = try Simulation(seed: seed)
        let token = try simulation.accessToken(scope: Simulation.krrScopes)
        let ids = seed.persons.map(\.id)

        let thousand = try simulation.lookup(Array(ids.prefix(1000)), token: token)
        #expect(thousand.status == 200)
        let records = try #require(try Simulation.json(thousand)["personer"] as? [[String: Any]])
        #expect(records.count == ids.prefix(1000).filter { id in
            seed.persons.first { $0.id == id }?.category != .unknown
        }.count)

        for tooMany in [ids, []] {
            let response = try simulation.lookup(tooMany, token: token)
            try Self.expectProblem(response, status: 400, detailContaining: "1 to 1000")
        }
    }

    @Test("a malformed body or identifier gets 400 problem+json naming the entry, never quoting the number")
    func malformedRequests() throws {
        let simulation = try Simulation()
        let token = try simulation.accessToken(scope: Simulation.krrScopes)
        let good = KRRSeed.generate(count: 1).persons[0].id
        var badControlDigit = Array(good)
        badControlDigit[10] = badControlDigit[10] == "0" ? "1" : "0"
        let cases: [([String], String)] = [
            ([good, String(badControlDigit)], "personidentifikatorer[1]"),
            ([good, "1234567890"], "personidentifikatorer[1]"),
            (["0101801234x"], "personidentifikatorer[0]"),
        ]
        for (ids, detail) in cases {
            let response = try simulation.lookup(ids, token: token)
            try Self.expectProblem(response, status: 400, detailContaining: detail)
            #expect(!response.text.contains(String(badControlDigit)))
        }
        let notJSON = try simulation.lookup([], token: token, body: Data("personidentifikatorer=1".utf8))
        try Self.expectProblem(notJSON, status: 400, detailContaining: "personidentifikatorer")
        let wrongShape = try simulation.lookup([], token: token, body: Data(#"{"personidentifikatorer":"x"}"#.utf8))
        try Self.expectProblem(wrongShape, status: 400, detailContaining: "personidentifikatorer")
    }

    @Test("no token, a malformed, forged or expired token get 401; a token without a KRR scope gets 403")
    func tokensAreChecked() throws {
        let simulation = try Simulation()
        let ids = [KRRSeed.generate(count: 1).persons[0].id]
        try Self.expectProblem(simulation.lookup(ids, token: nil), status: 401, detailContaining: "Authorization")
        try Self.expectProblem(simulation.lookup(ids, token: "not-a-token"), status: 401, detailContaining: "JWT")

        let good = try simulation.accessToken(scope: Simulation.krrScopes)
        let parts = good.split(separator: ".")
        let forgedSignature = try Identity(pkcs12File: TestPKI.file("sender.p12"), password: "changeit").privateKey
            .signRSASHA256(Data("\(parts[0]).\(parts[1])".utf8))
        let forged = "\(parts[0]).\(parts[1]).\(Base64URL.encode(forgedSignature))"
        try Self.expectProblem(simulation.lookup(ids, token: forged), status: 401, detailContaining: "not signed")

        let sendOnly = try simulation.accessToken(scope: Simulation.sendScope)
        let forbidden = try simulation.lookup(ids, token: sendOnly)
        try Self.expectProblem(forbidden, status: 403, detailContaining: KRRSimulator.digitalPostScope)
        #expect(forbidden.headers.first(name: "WWW-Authenticate") == #"Bearer error="insufficient_scope""#)

        #expect(try simulation.lookup(ids, token: good).status == 200)
        simulation.clock.advance(by: 121)
        let expired = try simulation.lookup(ids, token: good)
        try Self.expectProblem(expired, status: 401, detailContaining: "expired")
        #expect(expired.headers.first(name: "WWW-Authenticate") == #"Bearer error="invalid_token""#)
    }

    @Test("printSertifikat names the print provider and returns its PEM certificate, which chains to the test root")
    func printCertificate() throws {
        let simulation = try Simulation()
        let response = try simulation.client.perform(HTTPRequest(
            url: simulation.server.baseURL + "/rest/v2/printSertifikat", headers: ["Accept": "application/json"]))
        #expect(response.status == 200, "\(response.text)")
        let body = try Simulation.json(response)
        #expect(body["postkasseleverandoerAdresse"] as? String == "974761076")
        let certificate = try Certificate(pem: #require(body["x509Sertifikat"] as? String))
        #expect(certificate.organisationNumber == "974761076")
        let trustStore = try TrustStore(pem: TestPKI.data("trust-anchors.pem"))
        try trustStore.verify(certificate, intermediates: Certificate.bundle(contentsOf: TestPKI.file("chain.pem")))
    }

    @Test("the router answers 404 for unknown paths and 405 with Allow for a wrong method, as problem+json")
    func unknownPathsAndMethods() throws {
        let simulation = try Simulation()
        let base = simulation.server.baseURL
        let missing = try simulation.client.perform(HTTPRequest(url: base + "/rest/v3/personer"))
        try Self.expectProblem(missing, status: 404, detailContaining: "no simulated service")
        let wrongMethod = try simulation.client.perform(HTTPRequest(url: base + "/rest/v2/personer"))
        try Self.expectProblem(wrongMethod, status: 405, detailContaining: "POST")
        #expect(wrongMethod.headers.first(name: "Allow") == "POST")
    }

    static func expectProblem(_ response: HTTPResponse, status: Int, detailContaining text: String,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(response.status == status, "\(response.text)", sourceLocation: sourceLocation)
        #expect(response.headers.first(name: "Content-Type") == "application/problem+json",
                sourceLocation: sourceLocation)
        let body = try Simulation.json(response)
        #expect(body["status"] as? Int == status, sourceLocation: sourceLocation)
        #expect(body["type"] as? String == "about:blank", sourceLocation: sourceLocation)
        let detail = body["detail"] as? String ?? ""
        #expect(detail.contains(text), "\(detail)", sourceLocation: sourceLocation)
    }
}
