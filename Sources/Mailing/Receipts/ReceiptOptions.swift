public import Foundation

/// How reconciliation polls and how much it does at once; the defaults suit one process per installation.
public struct ReceiptOptions: Sendable {
    /// Receipts asked for per `GET /messages/in` (`page_size`); each page is stored in one transaction.
    public var pageSize: Int
    /// The wait between polls while receipts keep arriving.
    public var fastestPoll: TimeInterval
    /// The longest wait between polls when the queue stays empty.
    public var slowestPoll: TimeInterval
    /// Threads verifying one page's signatures; 0 means one per active core.
    public var verifyThreads: Int
    /// Connections acknowledging one page's receipts at once.
    public var acknowledgeConnections: Int
    /// Letters checked for expiry per statement.
    public var expiryBatchSize: Int
    /// Called after each page's transaction committed and before its receipts are acknowledged, with the
    /// number of receipts stored; throwing stops reconciliation there, as a crash would (tests use it).
    public var afterCommit: (@Sendable (Int) throws -> Void)?

    /// Options; a `pageSize` outside 1...1000 is clamped.
    public init(pageSize: Int = 500, fastestPoll: TimeInterval = 0.2, slowestPoll: TimeInterval = 5,
                verifyThreads: Int = 0, acknowledgeConnections: Int = 4, expiryBatchSize: Int = 200,
                afterCommit: (@Sendable (Int) throws -> Void)? = nil) {
        self.pageSize = max(1, min(pageSize, 1000))
        self.fastestPoll = fastestPoll
        self.slowestPoll = max(fastestPoll, slowestPoll)
        self.verifyThreads = verifyThreads > 0 ? verifyThreads : ProcessInfo.processInfo.activeProcessorCount
        self.acknowledgeConnections = max(1, acknowledgeConnections)
        self.expiryBatchSize = max(1, expiryBatchSize)
        self.afterCommit = afterCommit
    }
}
