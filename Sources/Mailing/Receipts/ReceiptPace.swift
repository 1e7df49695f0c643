public import Foundation

/// How long to wait before the next poll of `GET /messages/in`: the fastest interval while receipts arrive,
/// doubling up to the slowest while the queue stays empty, and never less than a 429's `Retry-After`.
public struct ReceiptPace: Sendable, Equatable {
    /// The shortest wait.
    public let fastest: TimeInterval
    /// The longest wait while the queue is empty.
    public let slowest: TimeInterval
    /// The wait the last poll earned.
    public private(set) var current: TimeInterval

    /// A pace between `fastest` and `slowest`, starting fast.
    public init(fastest: TimeInterval, slowest: TimeInterval) {
        self.fastest = max(0, fastest)
        self.slowest = max(self.fastest, slowest)
        current = self.fastest
    }

    /// The wait after a pass that received `received` receipts and, when the access point answered 429,
    /// asked for `retryAfter` seconds.
    public mutating func next(received: Int, retryAfter: TimeInterval? = nil) -> TimeInterval {
        current = received > 0 ? fastest : min(slowest, max(fastest, current * 2))
        if let retryAfter { current = max(current, retryAfter) }
        return current
    }
}
