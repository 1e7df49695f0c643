public import Foundation

/// Routes a batch of recipient rows: one KRR lookup for all their person ids, then `RoutingDecision` for
/// each row with certificates checked by `ProviderCertificates`. The outcome carries what to store with
/// each letter: the route, its reason code and the KRR answer it was based on (spec 4.3).
public final class Router: Sendable {
    /// The route of one row and the evidence for it.
    public struct Outcome: Sendable, Equatable {
        /// Where the letter goes.
        public var route: Route
        /// KRR's record as JSON (`KRRPerson.snapshot`); nil for print-only rows and persons KRR does not know.
        public var krrSnapshot: String?
        /// When KRR was asked.
        public var lookedUpAt: Date
    }

    private let krr: KRRClient
    private let certificates: ProviderCertificates
    private let clock: @Sendable () -> Date

    /// A router looking persons up with `krr` and validating their certificates with `certificates`.
    public init(krr: KRRClient, certificates: ProviderCertificates, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.krr = krr
        self.certificates = certificates
        self.clock = clock
    }

    /// The outcome of each row of `recipients`, in order. A person id KRR refuses as malformed makes its
    /// row unreachable (`invalid-person-identifier`) without affecting the others. Throws the lookup's
    /// `RoutingError` when KRR stays unavailable past the retry policy or refuses the token.
    public func route(_ recipients: [RecipientAddress], printEnabled: Bool) throws -> [Outcome] {
        let lookedUpAt = clock()
        let ids = recipients.compactMap(\.personIdentifier)
        let lookup = ids.isEmpty ? KRRLookup() : try krr.lookup(ids)
        return recipients.map { recipient in
            if let id = recipient.personIdentifier, lookup.invalidIdentifiers.contains(id) {
                return Outcome(route: .unreachable(reason: .invalidPersonIdentifier, notDigitalBecause: nil),
                               krrSnapshot: nil, lookedUpAt: lookedUpAt)
            }
            let person = recipient.personIdentifier.flatMap { lookup[$0] }
            let route = RoutingDecision.decide(person: person, recipient: recipient, printEnabled: printEnabled,
                                               validCertificate: certificates.validCertificate)
            return Outcome(route: route, krrSnapshot: person?.snapshot, lookedUpAt: lookedUpAt)
        }
    }
}
