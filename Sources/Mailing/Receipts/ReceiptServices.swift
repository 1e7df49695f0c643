public import DPI
public import Foundation
public import Routing
import PKI

/// What receipt reconciliation shares between its threads: the verifier of provider signatures, the token
/// client, where the access point and the database are, and where to log. Immutable and `Sendable`; each
/// thread makes its own connection and HTTP clients.
public struct ReceiptServices: Sendable {
    /// Verifies each receipt's JWS, chain and signer (`DPI_TRUST_ANCHORS`, the keystore's chain as intermediates).
    public var verifier: ReceiptVerifier
    /// Gets access tokens with the scope `digitalpostinnbygger:send` (cached, refreshed early).
    public var maskinporten: MaskinportenClient
    /// `DPI_ACCESS_POINT_URL`.
    public var accessPointURL: String
    /// `DPI_KANAL`, if set: only receipts of letters sent on this channel are read.
    public var kanal: String?
    /// `DPI_DATABASE_URL`.
    public var databaseURL: String
    /// Where reconciliation logs.
    public var logger: Logger
    /// The clock deadlines are compared with.
    public var clock: @Sendable () -> Date

    /// Services from their parts.
    public init(verifier: ReceiptVerifier, maskinporten: MaskinportenClient, accessPointURL: String, kanal: String?,
                databaseURL: String, logger: Logger, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.verifier = verifier
        self.maskinporten = maskinporten
        self.accessPointURL = accessPointURL
        self.kanal = kanal
        self.databaseURL = databaseURL
        self.logger = logger
        self.clock = clock
    }

    /// Services from the configuration (every key but `DPI_KRR_URL` is needed); `maskinporten` reuses a
    /// client that already exists (the run's), else one is made. Throws what is missing or does not open.
    public init(configuration: Configuration, logger: Logger, maskinporten: MaskinportenClient? = nil) throws {
        let identity = try configuration.senderIdentity()
        let verifier = ReceiptVerifier(trustStore: try TrustStore(anchors: try configuration.trustAnchors()),
                                       intermediates: identity.chain)
        self.init(verifier: verifier,
                  maskinporten: try maskinporten ?? configuration.maskinportenClient(identity: identity),
                  accessPointURL: try configuration.require(.accessPointURL), kanal: configuration[.kanal],
                  databaseURL: try configuration.require(.databaseURL), logger: logger)
    }
}
