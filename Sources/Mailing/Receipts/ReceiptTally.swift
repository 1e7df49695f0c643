public import Foundation

/// What reconciliation did: receipts read, stored, repeated, quarantined, acknowledged, and letters expired.
public struct ReceiptTally: Sendable, Equatable {
    /// Items read from `GET /messages/in` (a receipt delivered twice counts twice).
    public var received = 0
    /// Receipts stored for the first time.
    public var stored = 0
    /// Verified receipts that were already stored (a repeat after a crash, or a duplicate): nothing new.
    public var repeated = 0
    /// Receipts put in `dpi.receipt_quarantine` (failed verification, no letter, unreadable).
    public var quarantined = 0
    /// Items acknowledged with `POST /messages/in/{id}/read`.
    public var acknowledged = 0
    /// Items left unread for the next poll (their letter was busy, or the acknowledgement failed).
    public var deferred = 0
    /// Letters marked `expired` (no delivery receipt by their expected response time).
    public var expired = 0
    /// Letters marked `failed` because the access point reported their transport `FEILET`.
    public var failedInTransport = 0
    /// The wait a 429 asked for, when one came.
    public var retryAfter: TimeInterval?

    /// An empty tally.
    public init() {}

    /// Adds `other`'s counts; keeps the longer `retryAfter`.
    public static func += (tally: inout ReceiptTally, other: ReceiptTally) {
        tally.received += other.received
        tally.stored += other.stored
        tally.repeated += other.repeated
        tally.quarantined += other.quarantined
        tally.acknowledged += other.acknowledged
        tally.deferred += other.deferred
        tally.expired += other.expired
        tally.failedInTransport += other.failedInTransport
        if let wait = other.retryAfter { tally.retryAfter = max(tally.retryAfter ?? 0, wait) }
    }

    /// One line for the terminal and logs.
    public var summary: String {
        "\(received) received, \(stored) stored, \(repeated) already stored, \(quarantined) quarantined, "
            + "\(acknowledged) acknowledged" + (deferred > 0 ? ", \(deferred) left for the next poll" : "")
            + ", \(expired) expired, \(failedInTransport) failed in transport"
    }
}
