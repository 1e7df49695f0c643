public import ErrorDisposition
import Foundation
public import HTTP
import Synchronization

/// Looks persons up in KRR (spec 4.1): batches of up to 1,000 ids, several batches in flight on their own
/// threads, 5xx and network failures retried with backoff, and a batch KRR refuses with 400 split in
/// halves until the bad ids are isolated.
public final class KRRClient: Sendable {
    /// Where KRR is and how hard to push it.
    public struct Configuration: Sendable {
        /// The base URL, e.g. `https://test.kontaktregisteret.no` (`DPI_KRR_URL`).
        public var baseURL: String
        /// Ids per request; KRR takes 1...1000.
        public var batchSize: Int
        /// Requests in flight at once, each on its own thread with its own `HTTPClient`.
        public var concurrency: Int
        /// Backoff for 5xx, 429 and network failures.
        public var retry: RetryPolicy
        /// Timeouts of each request.
        public var timeouts: HTTPTimeouts
        /// The scopes of the lookup token (both, in one token, spec 4.1).
        public var scope: String
        /// The settings of the `HTTPClient` each worker makes.
        public var http: HTTPClient.Configuration

        /// Batches of 1,000, four in flight, the default backoff.
        public init(baseURL: String, batchSize: Int = 1000, concurrency: Int = 4, retry: RetryPolicy = RetryPolicy(),
                    timeouts: HTTPTimeouts = HTTPTimeouts(),
                    scope: String = "krr:global/kontaktinformasjon.read krr:global/digitalpost.read",
                    http: HTTPClient.Configuration = HTTPClient.Configuration()) {
            self.baseURL = baseURL
            self.batchSize = min(max(batchSize, 1), 1000)
            self.concurrency = max(concurrency, 1)
            self.retry = retry
            self.timeouts = timeouts
            self.scope = scope
            self.http = http
        }
    }

    /// The configuration it was made with.
    public let configuration: Configuration
    let maskinporten: MaskinportenClient
    private let requests = Atomic<Int>(0)
    private let printCertificateCache = Mutex<PrintCertificate?>(nil)

    /// A client fetching its tokens from `maskinporten`.
    public init(configuration: Configuration, maskinporten: MaskinportenClient) {
        self.configuration = configuration
        self.maskinporten = maskinporten
    }

    /// How many HTTP requests this client has sent to KRR, retries and splits included.
    public var lookupRequests: Int { requests.load(ordering: .relaxed) }

    /// Looks up `identifiers` in batches, `configuration.concurrency` at a time, blocking until all are done.
    /// A person missing from the result is unknown to KRR. Throws the first batch's `RoutingError` that is
    /// not retryable or stayed failing past the retry policy; no partial result is returned then.
    public func lookup(_ identifiers: [String]) throws -> KRRLookup {
        let unique = Array(Set(identifiers))
        let batches = stride(from: 0, to: unique.count, by: configuration.batchSize).map {
            Array(unique[$0..<min($0 + configuration.batchSize, unique.count)])
        }
        let next = Atomic<Int>(0)
        let result = Mutex(KRRLookup())
        let failure = Mutex<(any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: min(configuration.concurrency, batches.count)) { _ in
            do {
                let client = try HTTPClient(configuration: configuration.http)
                while failure.withLock({ $0 == nil }) {
                    let index = next.add(1, ordering: .relaxed).oldValue
                    guard index < batches.count else { return }
                    let found = try lookup(batch: batches[index], using: client)
                    result.withLock { $0.merge(found) }
                }
            } catch {
                failure.withLock { $0 = $0 ?? error }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return result.withLock { $0 }
    }

    /// Looks up one batch of 1...1000 ids on the calling thread with `client`: retried per the policy,
    /// split when KRR answers 400.
    public func lookup(batch: [String], using client: HTTPClient) throws -> KRRLookup {
        do {
            let persons = try configuration.retry.run { try send(batch, using: client) }
            return KRRLookup(persons: persons)
        } catch let error as RoutingError where error.code == .invalidPersonIdentifier {
            guard batch.count > 1 else { return KRRLookup(invalidIdentifiers: Set(batch)) }
            var halves = try lookup(batch: Array(batch[..<(batch.count / 2)]), using: client)
            halves.merge(try lookup(batch: Array(batch[(batch.count / 2)...]), using: client))
            return halves
        }
    }

    /// The print provider and its certificate (spec 4.4), fetched once and then cached: it is global.
    public func printCertificate(using client: HTTPClient) throws -> PrintCertificate {
        if let cached = printCertificateCache.withLock({ $0 }) { return cached }
        let fetched = try configuration.retry.run { try fetchPrintCertificate(using: client) }
        printCertificateCache.withLock { $0 = fetched }
        return fetched
    }

    func countRequest() {
        requests.add(1, ordering: .relaxed)
    }
}
