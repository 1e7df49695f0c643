import Foundation
import PKI
import Routing
import Simulator

/// Routes generated persons (every KRR category) through the real clients against the simulator started in
/// this process on loopback: Maskinporten token, KRR lookups in batches of 1,000, certificate validation and
/// the routing decision. The simulator shares the machine, so the rate is a lower bound for the sender.
struct RoutingBenchmark {
    private let simulation: Simulation
    private let router: Router
    private let recipients: [RecipientAddress]

    /// A benchmark of `persons` persons over the test PKI in `pki`.
    init(pki: URL, persons: Int) throws {
        let seed = KRRSeed.generate(count: persons)
        simulation = try Simulation(settings: .init(pkiDirectory: pki, seed: seed))
        let environment = Dictionary(simulation.environment.map { ($0.name, $0.value) }) { first, _ in first }
        let setting = { (name: String) -> String in environment[name] ?? "" }
        let maskinporten = MaskinportenClient(
            configuration: .init(tokenURL: setting("DPI_MASKINPORTEN_TOKEN_URL"),
                                 audience: setting("DPI_MASKINPORTEN_AUDIENCE"), clientID: setting("DPI_CLIENT_ID")),
            identity: try Identity(pkcs12File: pki.appendingPathComponent("sender.p12"), password: "changeit"))
        let certificates = ProviderCertificates(
            trustStore: try TrustStore(pem: Data(contentsOf: pki.appendingPathComponent("trust-anchors.pem"))),
            intermediates: try Certificate.bundle(contentsOf: pki.appendingPathComponent("chain.pem")))
        router = Router(krr: KRRClient(configuration: .init(baseURL: setting("DPI_KRR_URL")),
                                       maskinporten: maskinporten),
                        certificates: certificates)
        recipients = seed.persons.map {
            RecipientAddress(personIdentifier: $0.id, name: "Kari Nordmann", lines: ["Storgata 1"],
                             postalCode: "0155", city: "OSLO")
        }
    }

    /// Persons routed per second (wall clock) for all of them in one call, as the run's route stage would.
    func personsPerSecond() throws -> Double {
        let start = Date()
        let outcomes = try router.route(recipients, printEnabled: true)
        guard outcomes.count == recipients.count else {
            throw RoutingBenchmarkError(description: "routed \(outcomes.count) of \(recipients.count) persons")
        }
        return Double(outcomes.count) / Date().timeIntervalSince(start)
    }
}

/// The benchmark did not route everyone: its number would mean nothing.
struct RoutingBenchmarkError: Error, CustomStringConvertible {
    let description: String
}
