public import Foundation
public import PKI
import Synchronization

/// Validates mailbox and print provider certificates (validity period and chain to `DPI_TRUST_ANCHORS`,
/// spec 4.5) and remembers the outcome per provider and certificate, so a job of a million letters checks
/// each provider's certificate once. A certificate that fails is never handed out for encryption.
public final class ProviderCertificates: Sendable {
    /// Why a certificate was not accepted, kept with the cached outcome.
    public struct Rejection: Error, Sendable, Equatable {
        /// What failed: the `PKIError` code name, or `malformed certificate`.
        public let reason: String
    }

    private struct Key: Hashable {
        let provider: String
        let certificate: String
    }

    private let trustStore: TrustStore
    private let intermediates: [Certificate]
    private let clock: @Sendable () -> Date
    private let cache = Mutex<[Key: Result<Certificate, Rejection>]>([:])

    /// Validates against `trustStore`, completing chains with `intermediates`, at the time `clock` gives.
    public init(trustStore: TrustStore, intermediates: [Certificate] = [],
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.trustStore = trustStore
        self.intermediates = intermediates
        self.clock = clock
    }

    /// The validated certificate of `provider` from KRR's `text` (PEM or bare base64 DER), or the reason
    /// it is refused. Outcomes are cached per provider and text; a cached certificate is checked again for
    /// its period, so one that expires during a long job stops being returned.
    public func validate(provider: String, certificate text: String) -> Result<Certificate, Rejection> {
        let key = Key(provider: provider, certificate: text)
        if let cached = cache.withLock({ $0[key] }) {
            guard case .success(let certificate) = cached else { return cached }
            let now = clock()
            guard certificate.notBefore <= now, now <= certificate.notAfter else {
                return .failure(Rejection(reason: PKIError.Code.certificateExpired.description))
            }
            return cached
        }
        let outcome = check(text)
        cache.withLock { $0[key] = outcome }
        return outcome
    }

    /// `validate` as the closure `RoutingDecision.decide` takes.
    public func validCertificate(provider: String, certificate text: String) -> Certificate? {
        try? validate(provider: provider, certificate: text).get()
    }

    private func check(_ text: String) -> Result<Certificate, Rejection> {
        let certificate: Certificate
        do {
            certificate = try Self.parse(text)
        } catch {
            return .failure(Rejection(reason: PKIError.Code.malformedCertificate.description))
        }
        do {
            try trustStore.verify(certificate, intermediates: intermediates, at: clock())
            return .success(certificate)
        } catch let error as PKIError {
            return .failure(Rejection(reason: error.code.description))
        } catch {
            return .failure(Rejection(reason: "certificate rejected"))
        }
    }

    /// KRR sends PEM with `\n` or bare base64 DER (spec 4.2).
    static func parse(_ text: String) throws -> Certificate {
        if text.contains("-----BEGIN") { return try Certificate(pem: text) }
        let compact = text.filter { !$0.isWhitespace }
        guard let der = Data(base64Encoded: compact) else {
            throw Rejection(reason: PKIError.Code.malformedCertificate.description)
        }
        return try Certificate(der: der)
    }
}
