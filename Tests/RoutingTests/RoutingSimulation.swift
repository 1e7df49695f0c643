import DPI
import ErrorDisposition
import Foundation
import HTTP
import PKI
import Routing
import Simulator
import TestSupport

/// The whole simulator (Maskinporten, KRR, access point) on loopback, and the routing clients configured
/// from its `DPI_*` environment, as the sender would be.
final class RoutingSimulation {
    /// Fast backoff so outage tests stay short; bounded so a broken test fails instead of hanging. The bound is
    /// two minutes: under the whole suite on two cores, restarting a simulation took longer than the 20 s it
    /// was, and a fresh-clone CI run failed the KRR outage test with the lookup given up.
    static let fastRetry = RetryPolicy(maxAttempts: 600, initialDelay: .milliseconds(20), maxDelay: .milliseconds(200),
                                       timeLimit: .seconds(120))

    let simulation: Simulation
    let maskinporten: MaskinportenClient
    let krr: KRRClient
    let certificates: ProviderCertificates

    init(seed: KRRSeed, port: Int = 0, clientID: String? = nil, keystore: String = "sender",
         clock: @escaping @Sendable () -> Date = { Date() }, simulatorClock: (@Sendable () -> Date)? = nil) throws {
        simulation = try Self.start(seed: seed, port: port, clock: simulatorClock ?? { Date() })
        let environment = Dictionary(simulation.environment.map { ($0.name, $0.value) }) { first, _ in first }
        let value = { (name: String) throws -> String in
            guard let value = environment[name] else { throw TestEnvironmentError("simulation lacks \(name)") }
            return value
        }
        maskinporten = MaskinportenClient(
            configuration: .init(tokenURL: try value("DPI_MASKINPORTEN_TOKEN_URL"),
                                 audience: try value("DPI_MASKINPORTEN_AUDIENCE"),
                                 clientID: try clientID ?? value("DPI_CLIENT_ID")),
            identity: try Identity(pkcs12File: TestPKI.file("\(keystore).p12"), password: "changeit"), clock: clock)
        krr = KRRClient(configuration: .init(baseURL: try value("DPI_KRR_URL"), retry: Self.fastRetry),
                        maskinporten: maskinporten)
        certificates = ProviderCertificates(
            trustStore: try TrustStore(pem: Data(contentsOf: URL(fileURLWithPath: try value("DPI_TRUST_ANCHORS")))),
            intermediates: try Certificate.bundle(contentsOf: TestPKI.file("chain.pem")))
    }

    /// A simulation of `seed` on `port` (0: any free port).
    static func start(seed: KRRSeed, port: Int = 0, clock: @escaping @Sendable () -> Date = { Date() }) throws
        -> Simulation {
        try Simulation(settings: .init(pkiDirectory: TestPKI.directory(), seed: seed, port: port, clock: clock))
    }

    /// The route of a seed person with a complete Norwegian address and print on.
    func route(_ id: String, in lookup: KRRLookup) -> Route {
        let recipient = RecipientAddress(personIdentifier: id, name: "Kari Nordmann", lines: ["Storgata 1"],
                                         postalCode: "0155", city: "OSLO")
        return RoutingDecision.decide(person: lookup[id], recipient: recipient, printEnabled: true,
                                      validCertificate: certificates.validCertificate)
    }
}
