public import Foundation
public import DPI
public import HTTP
import PKI

/// Maskinporten, KRR and the access point simulated together on one loopback port, made from a test PKI
/// folder (the files `ops/make-test-pki` writes) and a KRR seed: what `dpi-batch simulate` runs and what
/// end-to-end tests start. The sender is the organisation of `sender.p12`, registered as one Maskinporten
/// client allowed to send and to look up.
public final class Simulation: Sendable {
    /// Where the material comes from and how the services behave.
    public struct Settings: Sendable {
        /// The test PKI folder: `trust-anchors.pem`, `chain.pem`, `sender|digipost|eboks|print|maskinporten.p12`.
        public var pkiDirectory: URL
        /// The password of the `.p12` files (`changeit` for `ops/make-test-pki`).
        public var keystorePassword: String
        /// The persons of the simulated KRR.
        public var seed: KRRSeed
        /// The loopback port; 0 lets the system choose.
        public var port: Int
        /// The Maskinporten issuer (the grant `aud`), with its trailing slash.
        public var issuer: String
        /// The Maskinporten client id of the sender.
        public var clientID: String
        /// Organisations that delegated to the sender, for which its client may get tokens as data
        /// processor (`consumer_org`; the token's consumer is then the delegator, its supplier the sender).
        public var delegators: Set<OrganisationNumber>
        /// The receipts the providers send.
        public var receipts: ReceiptSettings
        /// The faults the access point injects.
        public var faults: FaultSettings
        /// Store letters without verifying them (benchmarks).
        public var acceptOnly: Bool
        /// Organisations with an agreement with the access point (others get 403); nil for every organisation.
        public var agreements: Set<OrganisationNumber>?
        /// The resources (audiences) of the access point and KRR: a token restricted by `aud` to another
        /// resource is refused with 401; tokens without `aud` are accepted.
        public var audiences: Set<String>
        /// The senders registered with the providers: Avsender → its `avsenderidentifikator` values; nil: any.
        public var registeredSenders: [OrganisationNumber: Set<String>]?
        /// The official `sdp-manifest.xsd` received manifests must conform to; nil skips that check.
        public var manifestSchema: URL?
        /// The current time of every service.
        public var clock: @Sendable () -> Date

        /// Settings for the PKI in `pkiDirectory` and `seed`, strict and fault-free on an ephemeral port.
        public init(pkiDirectory: URL, keystorePassword: String = "changeit", seed: KRRSeed, port: Int = 0,
                    issuer: String = "https://test.maskinporten.no/", clientID: String = "dpi-batch-simulated",
                    delegators: Set<OrganisationNumber> = [], receipts: ReceiptSettings = ReceiptSettings(),
                    faults: FaultSettings = FaultSettings(),
                    acceptOnly: Bool = false, agreements: Set<OrganisationNumber>? = nil,
                    registeredSenders: [OrganisationNumber: Set<String>]? = nil, manifestSchema: URL? = nil,
                    audiences: Set<String> = [],
                    clock: @escaping @Sendable () -> Date = { Date() }) {
            self.pkiDirectory = pkiDirectory
            self.keystorePassword = keystorePassword
            self.seed = seed
            self.port = port
            self.issuer = issuer
            self.clientID = clientID
            self.delegators = delegators
            self.receipts = receipts
            self.faults = faults
            self.acceptOnly = acceptOnly
            self.agreements = agreements
            self.registeredSenders = registeredSenders
            self.audiences = audiences
            self.manifestSchema = manifestSchema
            self.clock = clock
        }
    }

    /// The settings it was made with.
    public let settings: Settings
    /// The simulated Maskinporten.
    public let maskinporten: MaskinportenSimulator
    /// The simulated KRR.
    public let krr: KRRSimulator
    /// The simulated access point and providers.
    public let accessPoint: AccessPointSimulator
    /// The loopback server serving all three.
    public let server: HTTPServer

    /// Loads the PKI, builds the three services and starts serving. Throws the file or `PKIError` of a
    /// missing or unreadable PKI file, `SimulatorError` for a bad seed or configuration, `HTTPError` when
    /// the port is taken.
    public init(settings: Settings) throws {
        let file = { (name: String) in settings.pkiDirectory.appendingPathComponent(name) }
        let identity = { (name: String) in
            try Identity(pkcs12File: file("\(name).p12"), password: settings.keystorePassword)
        }
        let trustStore = try TrustStore(pem: Data(contentsOf: file("trust-anchors.pem")))
        let intermediates = try Certificate.bundle(contentsOf: file("chain.pem"))
        let sender = try identity("sender")
        guard let senderNumber = sender.certificate.organisationNumber,
              let organisation = try? OrganisationNumber(senderNumber) else {
            throw SimulatorError(.invalidConfiguration, "sender.p12 holds no enterprise certificate")
        }
        let client = RegisteredClient(
            clientID: settings.clientID, organisation: organisation,
            scopes: [AccessPointSimulator.sendScope, KRRSimulator.contactInformationScope,
                     KRRSimulator.digitalPostScope],
            onBehalfOf: settings.delegators)
        maskinporten = try MaskinportenSimulator(
            configuration: .init(issuer: settings.issuer, clients: [client], audiences: settings.audiences,
                                 clock: settings.clock),
            tokenIdentity: identity("maskinporten"), trustStore: trustStore, intermediates: intermediates)
        let (digipost, eboks, print) = (try identity("digipost"), try identity("eboks"), try identity("print"))
        krr = try KRRSimulator(
            configuration: .init(seed: settings.seed, digipost: try Self.provider(digipost),
                                 eboks: try Self.provider(eboks), printProvider: try Self.provider(print),
                                 clock: settings.clock),
            tokenValidator: maskinporten.tokenValidator)
        var accessPointConfiguration = AccessPointSimulator.Configuration(
            digipost: digipost, eboks: eboks, printProvider: print, trustStore: trustStore,
            intermediates: intermediates, seed: settings.seed, receipts: settings.receipts, faults: settings.faults,
            acceptOnly: settings.acceptOnly, clock: settings.clock)
        accessPointConfiguration.agreements = settings.agreements.map { Set($0.map(\.rawValue)) }
        accessPointConfiguration.manifestSchema = settings.manifestSchema
        accessPointConfiguration.registeredSenders = settings.registeredSenders.map {
            Dictionary(uniqueKeysWithValues: $0.map { ($0.key.rawValue, $0.value) })
        }
        accessPoint = try AccessPointSimulator(configuration: accessPointConfiguration,
                                               tokenValidator: maskinporten.tokenValidator)
        var router = SimulatorRouter()
        maskinporten.register(on: &router)
        krr.register(on: &router)
        accessPoint.register(on: &router)
        server = try HTTPServer(configuration: .init(port: settings.port), handler: router.handler)
        self.settings = settings
    }

    deinit {
        server.stop()
    }

    /// `http://127.0.0.1:<port>`: the base of every simulated service.
    public var baseURL: String { server.baseURL }

    /// The configuration a sender needs to talk to this simulation, as `DPI_*` variables in a stable order.
    public var environment: [(name: String, value: String)] {
        [("DPI_ACCESS_POINT_URL", baseURL),
         ("DPI_KRR_URL", baseURL),
         ("DPI_MASKINPORTEN_TOKEN_URL", baseURL + "/token"),
         ("DPI_MASKINPORTEN_AUDIENCE", settings.issuer),
         ("DPI_CLIENT_ID", settings.clientID),
         ("DPI_KEYSTORE", settings.pkiDirectory.appendingPathComponent("sender.p12").path),
         ("DPI_KEYSTORE_PASSWORD", settings.keystorePassword),
         ("DPI_TRUST_ANCHORS", settings.pkiDirectory.appendingPathComponent("trust-anchors.pem").path),
         ("DPI_KANAL", "dpi_batch_simulated")]
    }

    private static func provider(_ identity: Identity) throws -> KRRSimulator.Provider {
        guard let number = identity.certificate.organisationNumber, let organisation = try? OrganisationNumber(number)
        else {
            throw SimulatorError(.invalidConfiguration, "a provider certificate names no organisation number")
        }
        return KRRSimulator.Provider(organisation: organisation, certificate: identity.certificate)
    }
}
