public import DPI
public import Foundation
public import Routing
import Postgres

/// What every stage of a run shares: the job's letter template, the sealer, the token, KRR and certificate
/// clients, where the access point and database are, and the run's progress. Immutable and `Sendable`;
/// per-thread resources (connections, HTTP clients) are made by each stage's workers.
public struct RunServices: Sendable {
    /// The job being run.
    public var jobId: Int64
    /// What the pipeline gives every letter.
    public var template: LetterTemplate
    /// Resolves a row's `document_path`.
    public var resolveDocument: @Sendable (String) -> URL
    /// The MIME type for a file name, nil when DPI does not allow it.
    public var mimeType: @Sendable (String) -> String?
    /// Signs and encrypts letters with the sender's identity.
    public var sealer: LetterSealer
    /// Gets access tokens (cached, refreshed early).
    public var maskinporten: MaskinportenClient
    /// Routes batches (KRR lookup + decision).
    public var router: Router
    /// The KRR client, for the print provider's certificate.
    public var krr: KRRClient
    /// Validates provider and print certificates.
    public var certificates: ProviderCertificates
    /// `DPI_ACCESS_POINT_URL`.
    public var accessPointURL: String
    /// `DPI_KANAL`, if set.
    public var kanal: String?
    /// `DPI_DATABASE_URL`.
    public var databaseURL: String
    /// Who this process is in leases.
    public var owner: LeaseOwner
    /// How long a claim lasts without renewal.
    public var leaseDuration: TimeInterval
    /// Where the run logs.
    public var logger: Logger
    /// The clock letters' times and deadlines come from.
    public var clock: @Sendable () -> Date
    /// When the pipeline allows sending (`schedule.sendWindow`); the supervisor stops the run when it closes.
    public var schedule = PipelineDefinition.Schedule()
    /// Where the run's counters go (`run --metrics-file` / `--metrics-port`); nil: none kept.
    public var metrics: Metrics?
    /// The template's documents, read and digested once for all the run's letters.
    let sharedDocuments = SharedDocuments()

    /// The Maskinporten scope for sending (spec 10.1).
    public static let sendScope = "digitalpostinnbygger:send"

    /// The services of a run.
    public init(jobId: Int64, template: LetterTemplate, resolveDocument: @escaping @Sendable (String) -> URL,
                mimeType: @escaping @Sendable (String) -> String?, sealer: LetterSealer,
                maskinporten: MaskinportenClient, router: Router, krr: KRRClient, certificates: ProviderCertificates,
                accessPointURL: String, kanal: String?, databaseURL: String, owner: LeaseOwner = .current(),
                leaseDuration: TimeInterval = 60, logger: Logger, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.jobId = jobId
        self.template = template
        self.resolveDocument = resolveDocument
        self.mimeType = mimeType
        self.sealer = sealer
        self.maskinporten = maskinporten
        self.router = router
        self.krr = krr
        self.certificates = certificates
        self.accessPointURL = accessPointURL
        self.kanal = kanal
        self.databaseURL = databaseURL
        self.owner = owner
        self.leaseDuration = leaseDuration
        self.logger = logger
        self.clock = clock
    }

    /// The organisation the access token is issued for: the Avsender when a Databehandler sends for it.
    var tokenConsumer: OrganisationNumber? { template.sender.dataProcessor == nil ? nil : template.sender.organisation }

    /// A job store on a new connection, for the calling thread.
    func makeStore() throws -> JobStore {
        JobStore(connection: try Connection(databaseURL), owner: owner, leaseDuration: leaseDuration)
    }

    var composer: LetterComposer {
        LetterComposer(template: template, resolve: resolveDocument, mimeType: mimeType, shared: sharedDocuments)
    }
}
