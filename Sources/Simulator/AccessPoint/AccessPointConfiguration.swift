public import Foundation
public import PKI
import DPI

extension AccessPointSimulator {
    /// The providers behind the access point, what it trusts, the register it checks routing against, and
    /// how it behaves: receipts, faults, accept-only mode.
    public struct Configuration: Sendable {
        /// The Digipost mailbox provider's identity: its key opens letters addressed to it, it signs receipts.
        public var digipost: Identity
        /// The e-Boks mailbox provider's identity.
        public var eboks: Identity
        /// The print provider's identity.
        public var printProvider: Identity
        /// The anchors letter signers must chain to.
        public var trustStore: TrustStore
        /// Intermediate certificates completing the signers' chains.
        public var intermediates: [Certificate]
        /// The persons of the simulated KRR: a digital letter must go to a person's own mailbox provider.
        public var seed: KRRSeed
        /// Which receipts are sent, and when.
        public var receipts: ReceiptSettings
        /// Failures injected on purpose.
        public var faults: FaultSettings
        /// Store letters without verifying or decrypting them (for benchmarks of the sending side).
        public var acceptOnly: Bool
        /// The status answering a reused message id: 400 (spec 17.3) unless told otherwise (e.g. 409).
        public var duplicateStatus: Int
        /// Seconds from `OPPRETTET` to `SENDT` in the transport statuses.
        public var forwardDelay: Double
        /// The organisations with an agreement with this access point; a token whose sending party (the
        /// supplier for a data processor, else the consumer) is not among them gets 403 (spec 10.2). Nil: every
        /// organisation has one.
        public var agreements: Set<String>?
        /// The official `sdp-manifest.xsd` every received `manifest.xml` must conform to (spec 15 item 10); nil
        /// when no schema is at hand, and then manifests are only checked against the message.
        public var manifestSchema: URL?
        /// The senders registered with the providers (spec 15 item 11): Avsender organisation number → its
        /// registered `avsenderidentifikator` values. A letter from another Avsender, or naming another
        /// identifier, is refused. Nil: every sender and identifier is registered.
        public var registeredSenders: [String: Set<String>]?
        /// How far ahead a letter's `virkningstidspunkt` may be (spec 15 item 12; the sources give no number, so
        /// the sender's own 365-day limit is the default).
        public var maximumEffectiveDelay: TimeInterval = LetterValidation.Limits().maximumEffectiveDelay
        /// The current time, for token expiry, certificate validity, receipt delays and the rate limit.
        public var clock: @Sendable () -> Date

        /// A strict access point in front of the three providers, sending happy-path receipts after 1 s.
        public init(digipost: Identity, eboks: Identity, printProvider: Identity, trustStore: TrustStore,
                    intermediates: [Certificate] = [], seed: KRRSeed, receipts: ReceiptSettings = ReceiptSettings(),
                    faults: FaultSettings = FaultSettings(), acceptOnly: Bool = false, duplicateStatus: Int = 400,
                    forwardDelay: Double = 0, clock: @escaping @Sendable () -> Date = { Date() }) {
            self.digipost = digipost
            self.eboks = eboks
            self.printProvider = printProvider
            self.trustStore = trustStore
            self.intermediates = intermediates
            self.seed = seed
            self.receipts = receipts
            self.faults = faults
            self.acceptOnly = acceptOnly
            self.duplicateStatus = duplicateStatus
            self.forwardDelay = forwardDelay
            self.clock = clock
        }
    }
}
