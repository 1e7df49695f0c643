import AccessPoint
import Foundation
import DPI
import HTTP
import Postgres

/// Receipt reconciliation (PRODUCT.md step 5, spec 10.4-10.6, 11, 12.2): polls `GET /messages/in` for the
/// kanal (once without and once per `avsenderidentifikator` in use), page by page until the queue is empty.
/// Each page is read, matched to letters by conversation id, verified against the provider each letter went
/// to, then stored in one transaction — receipts whole and once (idempotent on their own id), letters moved
/// forward only, anything unverifiable or unmatched quarantined — and only after the commit acknowledged. A
/// crash between commit and acknowledgement makes the access point hand the same receipts out again, which
/// stores nothing new. After the queue, letters whose expected response time passed are expired.
///
/// Not `Sendable`: it holds a database connection and an HTTP client for the thread that runs it.
public final class ReceiptReconciler {
    /// What it works with.
    public let services: ReceiptServices
    /// How it polls.
    public let options: ReceiptOptions
    /// Its SQL, on its own connection.
    public let store: ReceiptStore
    private let http: HTTPClient
    private let accessPoint: AccessPointClient
    private let acknowledger: ReceiptAcknowledger

    /// A reconciler with its own database connection and HTTP client. Throws when the database cannot be
    /// reached or the access point URL or kanal is refused.
    public init(services: ReceiptServices, options: ReceiptOptions = ReceiptOptions()) throws {
        self.services = services
        self.options = options
        store = ReceiptStore(connection: try Connection(services.databaseURL))
        http = try HTTPClient()
        accessPoint = try AccessPointClient(baseURL: services.accessPointURL, kanal: services.kanal, client: http)
        acknowledger = ReceiptAcknowledger(services: services, connections: options.acknowledgeConnections)
    }

    /// One pass: every queue read until empty (or until a 429, whose `Retry-After` the tally carries), then
    /// the expiry check. Throws when the database fails or the access point refuses for good (401 after a new
    /// token, 403, a wrong base URL).
    public func reconcile() throws -> ReceiptTally {
        var tally = ReceiptTally()
        for senderIdentifier in try store.senderIdentifiers() {
            tally += try drain(senderIdentifier: senderIdentifier)
            if tally.retryAfter != nil { return tally }
        }
        tally += try ReceiptExpiry(store: store, accessPoint: accessPoint, token: { try self.token() },
                                   batchSize: options.expiryBatchSize).run()
        return tally
    }

    /// A token with the send scope, which every access point endpoint demands (spec 10.1).
    func token() throws -> String {
        try services.maskinporten.token(scope: RunServices.sendScope, using: http).compact
    }

    /// Pages through one queue until it is empty, or a page acknowledged nothing (everything on it waits for a
    /// busy letter or could not be acknowledged: the next poll tries again).
    private func drain(senderIdentifier: String?) throws -> ReceiptTally {
        var tally = ReceiptTally()
        while true {
            let items: [IncomingMessage]
            do {
                items = try poll(senderIdentifier)
            } catch let error as AccessPointError where error.code == .rateLimited {
                tally.retryAfter = error.retryAfter ?? options.slowestPoll
                return tally
            }
            guard !items.isEmpty else { return tally }
            let page = try process(items)
            tally += page
            if page.acknowledged == 0 { return tally }
        }
    }

    /// One page of the queue; a 401 gets one new token (spec 12.1).
    private func poll(_ senderIdentifier: String?) throws -> [IncomingMessage] {
        do {
            return try accessPoint.incoming(avsenderidentifikator: senderIdentifier, pageSize: options.pageSize,
                                            token: try token())
        } catch let error as AccessPointError where error.code == .unauthorized {
            services.maskinporten.invalidate()
            return try accessPoint.incoming(avsenderidentifikator: senderIdentifier, pageSize: options.pageSize,
                                            token: try token())
        }
    }

    /// Reads, matches, verifies and stores one page, then acknowledges what was stored or quarantined.
    func process(_ items: [IncomingMessage]) throws -> ReceiptTally {
        var tally = ReceiptTally()
        tally.received = items.count
        let page = ReceiptPage(items)
        let letters = try store.letters(conversations: page.conversationIds)
        let sorted = page.sort(letters: letters, verifier: services.verifier, threads: options.verifyThreads)
        for row in sorted.quarantine {
            services.logger.warning("receipt \(row.incomingMessageId) quarantined: \(row.reason)")
        }
        let result = try store.store(receipts: sorted.receipts, quarantine: sorted.quarantine)
        let busy = Set(sorted.receipts.filter { result.busyLetters.contains($0.recipientId) }.map(\.receiptMessageId))
        tally.stored = result.newlyStored.count
        tally.repeated = sorted.receipts.count - busy.count - result.newlyStored.count
        tally.quarantined = sorted.quarantine.count
        try options.afterCommit?(result.newlyStored.count)
        let acknowledgeable = page.acknowledgementIds.filter { !busy.contains($0) }
        let acknowledged = acknowledger.acknowledge(acknowledgeable, token: try token())
        tally.acknowledged = acknowledged.acknowledged
        tally.deferred = items.count - acknowledged.acknowledged
        if let fatal = acknowledged.fatal {
            throw MailingError(.receiptPoll, "the access point refused to acknowledge receipts: \(fatal)",
                               details: fatal.debugDescription)
        }
        return tally
    }
}
