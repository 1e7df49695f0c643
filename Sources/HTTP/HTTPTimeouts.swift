/// How long a request may take. The defaults suit an access point upload of tens of megabytes; every
/// request can carry its own values.
public struct HTTPTimeouts: Sendable, Equatable {
    /// Longest time to establish the TCP connection and TLS handshake, in seconds (0: libcurl's default).
    public var connect: Double
    /// Longest time for the whole exchange (connect, upload, wait, download), in seconds (0: no limit).
    public var total: Double
    /// Abort when fewer than `lowSpeedBytesPerSecond` flow for `lowSpeedSeconds` (a stalled peer);
    /// a `lowSpeedSeconds` of 0 disables the check.
    public var lowSpeedBytesPerSecond: Int
    /// See `lowSpeedBytesPerSecond`.
    public var lowSpeedSeconds: Int

    /// Timeouts in seconds; the low-speed check is off unless both of its values are given.
    public init(connect: Double = 10, total: Double = 300, lowSpeedBytesPerSecond: Int = 0, lowSpeedSeconds: Int = 0) {
        self.connect = connect
        self.total = total
        self.lowSpeedBytesPerSecond = lowSpeedBytesPerSecond
        self.lowSpeedSeconds = lowSpeedSeconds
    }
}
