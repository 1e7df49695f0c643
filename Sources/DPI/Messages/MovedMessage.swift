/// A `flyttet` message (spec 5.5): a letter moved between mailbox providers when a citizen changes mailbox.
/// Senders never produce it; it is decoded only so that every DPI type can be read.
public struct MovedMessage: Hashable, Sendable, Decodable {
    /// The legal sender of the moved letter (`avsender`).
    public var sender: MessageSender
    /// When the letter was moved (`tidspunkt`).
    public var time: Timestamp
    /// The day the original provider received it (`mottakstidspunkt`, `YYYY-MM-DD`).
    public var receivedDate: String
    /// Whether the citizen had opened it (`aapnet`).
    public var opened: Bool?

    enum CodingKeys: String, CodingKey {
        case sender = "avsender", time = "tidspunkt", receivedDate = "mottakstidspunkt", opened = "aapnet"
    }
}
