/// What the simulated access point has seen, served as JSON by `GET /simulator/report` so end-to-end tests
/// and benchmarks can assert on it (e.g. every recipient got exactly one letter).
public struct AccessPointReport: Sendable, Codable, Equatable {
    /// Letters stored (including those answered 500 or dropped after storing).
    public var accepted: Int = 0
    /// Refused sends by rule (`bad-jws-signature`, `recipient-reserved`, `unauthorized`, `forbidden`, ...).
    public var rejected: [String: Int] = [:]
    /// Sends reusing a message id already stored (answered with the duplicate status, not stored again).
    public var duplicateAttempts: Int = 0
    /// Stored letters per recipient: `person:<id>` for digital letters to a seed person, `address:<...>`
    /// for print letters (name and address lines), `mailbox:<address>` otherwise.
    public var deliveredPerRecipient: [String: Int] = [:]
    /// Receipts that became visible on `GET /messages/in` (a duplicated receipt counts twice).
    public var receiptsIssued: Int = 0
    /// Receipts acknowledged with `POST /messages/in/{id}/read`.
    public var receiptsRead: Int = 0
    /// Requests answered 429 by the rate limit.
    public var tooManyRequests: Int = 0
    /// Sends answered 503 before storing.
    public var serviceUnavailable: Int = 0
    /// Sends answered 500 after storing.
    public var failedAfterStore: Int = 0
    /// Sends whose connection was dropped after storing.
    public var droppedAfterStore: Int = 0

    /// An empty report.
    public init() {}
}
