import AccessPoint
import DPI
import Foundation
import HTTP
import PKI
import Routing
import Simulator
import TestSupport

/// The simulated Maskinporten and access point (with its providers) from the test PKI on one loopback server,
/// with a test clock; tokens come from Routing's real `MaskinportenClient` and letters from DPI's `LetterSealer`,
/// as the sender makes them. Assembled from the simulator's parts rather than `Simulation` so the tests can set
/// the forwarding delay and the duplicate status.
final class AccessPointSimulation {
    static let issuer = "https://test.maskinporten.no/"
    static let clientID = "dpi-batch-access-point-tests"
    static let contactScope = KRRSimulator.contactInformationScope
    static let sender = try! OrganisationNumber("991825827")
    static let digipost = try! OrganisationNumber("984661185")
    static let mailboxAddress = "ola.nordmann#8HC7"
    static let kanal = "dpi_batch_tests"

    let clock: TestClock
    let accessPoint: AccessPointSimulator
    let server: HTTPServer
    let maskinporten: MaskinportenClient
    /// The connection for token requests, apart from the access point clients' own.
    let tokenConnection: HTTPClient

    init(receipts: ReceiptSettings = ReceiptSettings(), faults: FaultSettings = FaultSettings(),
         forwardDelay: Double = 0, duplicateStatus: Int = 400) throws {
        let trustStore = try TrustStore(pem: TestPKI.data("trust-anchors.pem"))
        clock = TestClock()   // after the test PKI is made: its certificates are valid from that second on
        let intermediates = try Certificate.bundle(contentsOf: TestPKI.file("chain.pem"))
        let client = RegisteredClient(clientID: Self.clientID, organisation: Self.sender,
                                      scopes: [AccessPointSimulator.sendScope, Self.contactScope])
        let maskinportenSimulator = try MaskinportenSimulator(
            configuration: .init(issuer: Self.issuer, clients: [client], clock: clock.closure),
            tokenIdentity: Self.identity("maskinporten"), trustStore: trustStore, intermediates: intermediates)
        var seed = KRRSeed.generate(count: 1)
        seed.persons[0].category = .digipost
        seed.persons[0].mailboxAddress = Self.mailboxAddress
        accessPoint = try AccessPointSimulator(
            configuration: .init(digipost: Self.identity("digipost"), eboks: Self.identity("eboks"),
                                 printProvider: Self.identity("print"), trustStore: trustStore,
                                 intermediates: intermediates, seed: seed, receipts: receipts, faults: faults,
                                 duplicateStatus: duplicateStatus, forwardDelay: forwardDelay, clock: clock.closure),
            tokenValidator: maskinportenSimulator.tokenValidator)
        var router = SimulatorRouter()
        maskinportenSimulator.register(on: &router)
        accessPoint.register(on: &router)
        server = try HTTPServer(handler: router.handler)
        maskinporten = MaskinportenClient(
            configuration: .init(tokenURL: server.baseURL + "/token", audience: Self.issuer, clientID: Self.clientID),
            identity: try Self.identity("sender"), clock: clock.closure)
        tokenConnection = try HTTPClient()
    }

    deinit {
        server.stop()
    }

    static func identity(_ name: String) throws -> Identity {
        try Identity(pkcs12File: TestPKI.file("\(name).p12"), password: "changeit")
    }

    /// A Maskinporten access token for `scope`, as the sender fetches it.
    func token(scope: String = AccessPointSimulator.sendScope) throws -> String {
        try maskinporten.token(scope: scope, using: tokenConnection).compact
    }

    /// A client of the simulated access point on its own connection, with `kanal`.
    func client(kanal: String? = kanal, timeouts: HTTPTimeouts = HTTPTimeouts()) throws -> AccessPointClient {
        try AccessPointClient(baseURL: server.baseURL, kanal: kanal, client: HTTPClient(), timeouts: timeouts)
    }

    static let document = Data("%PDF-1.7 brev\n".utf8) + Data(repeating: 0x42, count: 2000)

    /// A valid digital letter to the seed person's Digipost mailbox, embedding `token`.
    func letter(token: String, messageId: UUID = UUID()) throws -> SealedLetter {
        let letter = DigitalLetter(
            sender: LetterSender(organisation: Self.sender), mailboxProvider: Self.digipost,
            mailboxAddress: Self.mailboxAddress, nonSensitiveTitle: "Brev fra testetaten", securityLevel: 3,
            documents: [LetterDocument(fileName: "brev.pdf", mimeType: "application/pdf", title: "Vedtak",
                                       byteCount: Self.document.count)])
        return try LetterSealer(identity: Self.identity("sender")).seal(
            letter, contents: [.data(Self.document)], messageId: messageId, conversationId: UUID(),
            createdAt: Timestamp(clock.now), maskinportenToken: token,
            recipient: Self.identity("digipost").certificate)
    }

    /// Seals a new letter embedding `token` and sends it with `client`: the letter and what became of it.
    func sendLetter(with client: AccessPointClient, token: String) throws
        -> (letter: SealedLetter, outcome: SendOutcome) {
        let letter = try letter(token: token)
        return (letter, client.send(jwt: letter.jwt, cms: letter.cms, token: token))
    }

    /// The message id of a receipt JWS, after verifying it was signed by Digipost.
    func receiptId(_ jws: String) throws -> String {
        let verifier = ReceiptVerifier(trustStore: try TrustStore(pem: TestPKI.data("trust-anchors.pem")),
                                       intermediates: try Certificate.bundle(contentsOf: TestPKI.file("chain.pem")),
                                       clock: clock.closure)
        return try verifier.verify(jws, from: Self.digipost).header.documentIdentification.instanceIdentifier
    }
}
