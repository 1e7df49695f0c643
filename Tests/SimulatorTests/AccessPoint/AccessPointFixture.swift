import DPI
import Foundation
import HTTP
import PKI
import Simulator
import TestSupport

/// A whole `Simulator.Simulation` (Maskinporten, KRR, access point) on loopback with a test clock, the
/// letters the tests send (sealed with the real `LetterSealer` from the test PKI) and the requests they make.
final class AccessPointFixture {
    static let sender = try! OrganisationNumber("991825827")
    static let digipost = try! OrganisationNumber("984661185")
    static let eboks = try! OrganisationNumber("922020175")
    static let printProvider = try! OrganisationNumber("974761076")
    /// An agency that delegated sending to the sender (the sender is its data processor).
    static let delegator = try! OrganisationNumber("910076787")

    /// Mailbox addresses of the seed persons, by category.
    static let mailbox: [KRRCategory: String] = [
        .digipost: "ola.nordmann#8HC7", .eboks: "0000487204", .reserved: "kari.reservert#R3S1",
        .noMailbox: "per.uten#N0MB",
    ]

    /// One person per category, the first four with the mailbox addresses above.
    static var seed: KRRSeed {
        var seed = KRRSeed.generate(count: KRRCategory.allCases.count)
        for index in seed.persons.indices {
            seed.persons[index].mailboxAddress = mailbox[seed.persons[index].category]
        }
        return seed
    }

    /// The official `sdp-manifest.xsd` every fixture's access point validates received manifests against.
    static let manifestSchema = Repository.shared.appendingPathComponent("dpi-reference/xsd/sdp-manifest.xsd")

    let clock: TestClock
    let simulation: Simulator.Simulation
    let client: HTTPClient

    init(seed: KRRSeed = seed, receipts: ReceiptSettings = ReceiptSettings(), faults: FaultSettings = FaultSettings(),
         acceptOnly: Bool = false, registeredSenders: [OrganisationNumber: Set<String>]? = nil,
         audiences: Set<String> = []) throws {
        let pki = try TestPKI.directory()
        clock = TestClock()   // after the test PKI is made: its certificates are valid from that second on
        simulation = try Simulator.Simulation(settings: .init(
            pkiDirectory: pki, seed: seed, delegators: [Self.delegator], receipts: receipts, faults: faults,
            acceptOnly: acceptOnly, registeredSenders: registeredSenders, manifestSchema: Self.manifestSchema,
            audiences: audiences,
            clock: clock.closure))
        client = try HTTPClient()
    }

    var baseURL: String { simulation.baseURL }

    static func identity(_ name: String) throws -> Identity {
        try Identity(pkcs12File: TestPKI.file("\(name).p12"), password: "changeit")
    }

    /// An access token from the simulated Maskinporten for the sender's client with `scope`.
    /// With `consumer`, the token is for that organisation with the sender as data processor; with `resource`,
    /// the token is restricted to that audience.
    func accessToken(scope: String = AccessPointSimulator.sendScope, consumer: OrganisationNumber? = nil,
                     resource: String? = nil) throws -> String {
        let now = Int(clock.now.timeIntervalSince1970)
        var claims: [String: Any] = ["aud": simulation.settings.issuer, "iss": simulation.settings.clientID,
                                     "iat": now, "exp": now + 120, "jti": UUID().uuidString, "scope": scope]
        claims["consumer_org"] = consumer?.rawValue
        claims["resource"] = resource
        let grant = try JWSSigner(identity: Self.identity("sender"))
            .sign(JSONSerialization.data(withJSONObject: claims, options: [.sortedKeys]))
        let response = try client.perform(HTTPRequest(
            method: .post, url: baseURL + "/token",
            body: .form([("grant_type", MaskinportenSimulator.grantType), ("assertion", grant)])))
        guard response.status == 200,
              let body = try JSONSerialization.jsonObject(with: response.body) as? [String: Any],
              let token = body["access_token"] as? String else {
            throw TestEnvironmentError("token request failed: \(response.status) \(response.text)")
        }
        return token
    }

    static let document = Data("%PDF-1.7 brev\n".utf8) + Data(repeating: 0x42, count: 2000)
    static var documents: [LetterDocument] {
        [LetterDocument(fileName: "brev.pdf", mimeType: "application/pdf", title: "Vedtak", byteCount: document.count)]
    }

    /// A digital letter to `mailboxAddress` at `provider`, sealed by `signer` for `encryptToCertificate`, else
    /// for the certificate of the test PKI's `encryptTo`.
    func digitalLetter(token: String, mailboxAddress: String = mailbox[.digipost]!,
                       provider: OrganisationNumber = digipost,
                       encryptTo: String = "digipost", signer: String = "sender", senderIdentifier: String? = nil,
                       onBehalfOf avsender: OrganisationNumber? = nil, encryptToCertificate: Certificate? = nil,
                       requestsOpeningReceipt: Bool = false, messageId: UUID = UUID()) throws -> SealedLetter {
        let letter = DigitalLetter(
            sender: avsender.map { LetterSender(organisation: $0, senderIdentifier: senderIdentifier,
                                                dataProcessor: Self.sender) }
                ?? LetterSender(organisation: Self.sender, senderIdentifier: senderIdentifier),
            mailboxProvider: provider, mailboxAddress: mailboxAddress, nonSensitiveTitle: "Brev fra testetaten",
            securityLevel: 3, requestsOpeningReceipt: requestsOpeningReceipt, documents: Self.documents)
        return try LetterSealer(identity: Self.identity(signer)).seal(
            letter, contents: [.data(Self.document)], messageId: messageId, conversationId: UUID(),
            createdAt: Timestamp(clock.now), maskinportenToken: token,
            recipient: encryptToCertificate ?? Self.identity(encryptTo).certificate)
    }

    /// A print letter to the print provider.
    func printLetter(token: String) throws -> SealedLetter {
        let letter = PrintLetter(
            sender: LetterSender(organisation: Self.sender), printProvider: Self.printProvider,
            recipient: .norwegian(name: "Kari Nordmann", lines: ["Storgata 1"], postalCode: "0155", city: "Oslo"),
            returnAddress: .norwegian(name: "Testetaten", lines: ["Postboks 1"], postalCode: "0101", city: "Oslo"),
            documents: Self.documents)
        return try LetterSealer(identity: Self.identity("sender")).seal(
            letter, contents: [.data(Self.document)], messageId: UUID(), conversationId: UUID(),
            createdAt: Timestamp(clock.now), maskinportenToken: token, recipient: Self.identity("print").certificate)
    }

    /// `POST /messages/out` of `jwt` and `cms` with the bearer `token` (none when nil), on `connection`
    /// (default: the fixture's client, whose connection is kept alive).
    func send(jwt: String, cms: Data, token: String?, kanal: String? = nil, connection: HTTPClient? = nil) throws
        -> HTTPResponse {
        let query = kanal.map { "?kanal=\($0)" } ?? ""
        return try (connection ?? client).perform(HTTPRequest(
            method: .post, url: baseURL + "/messages/out" + query, headers: Self.authorization(token),
            body: .multipart([
                MultipartPart(name: "forretningsmelding", filename: "sbd.jwt", contentType: "application/jwt",
                              content: .data(Data(jwt.utf8))),
                MultipartPart(name: "dokumentpakke", filename: "asic.cms", contentType: "application/cms",
                              content: .data(cms)),
            ])))
    }

    func send(_ letter: SealedLetter, token: String?, kanal: String? = nil) throws -> HTTPResponse {
        try send(jwt: letter.jwt, cms: letter.cms, token: token, kanal: kanal)
    }

    /// `GET` or `POST` of `path` with the bearer `token`.
    func request(_ method: HTTPMethod = .get, _ path: String, token: String?) throws -> HTTPResponse {
        try client.perform(HTTPRequest(method: method, url: baseURL + path, headers: Self.authorization(token)))
    }

    /// The receipt JWTs of `GET /messages/in` with `query` (empty for 204).
    func inbox(token: String, query: String = "") throws -> [String] {
        let response = try request(.get, "/messages/in" + query, token: token)
        if response.status == 204 { return [] }
        guard response.status == 200,
              let items = try JSONSerialization.jsonObject(with: response.body) as? [[String: String]] else {
            throw TestEnvironmentError("GET /messages/in: \(response.status) \(response.text)")
        }
        return items.compactMap { $0["forretningsmelding"] }
    }

    /// `GET /simulator/report`, decoded.
    func report() throws -> AccessPointReport {
        try JSONDecoder().decode(AccessPointReport.self, from: request(.get, "/simulator/report", token: nil).body)
    }

    /// The `rule` of a 400 problem: the last segment of its `type`.
    static func rule(of response: HTTPResponse) -> String? {
        guard let body = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any],
              let type = body["type"] as? String else { return nil }
        return type.split(separator: ":").last.map(String.init)
    }

    static func receiptVerifier() throws -> ReceiptVerifier {
        ReceiptVerifier(trustStore: try TrustStore(pem: TestPKI.data("trust-anchors.pem")),
                        intermediates: try Certificate.bundle(contentsOf: TestPKI.file("chain.pem")))
    }

    private static func authorization(_ token: String?) -> HTTPHeaders {
        var headers: HTTPHeaders = [:]
        if let token { headers.add(name: "Authorization", value: "Bearer \(token)") }
        return headers
    }
}
