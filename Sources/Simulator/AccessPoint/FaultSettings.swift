/// Failures the simulated access point injects on purpose, so a sender's retry, backoff and
/// exactly-once logic can be watched working (spec 17.3). All off by default.
public struct FaultSettings: Sendable {
    /// Requests per second (per whole second of the simulator's clock) above which it answers 429 with
    /// `Retry-After: 1`; nil for no limit.
    public var requestsPerSecond: Int?
    /// Share of sends answered 503 before anything is stored (safe to retry with the same message id).
    public var unavailableShare: Double
    /// Share of sends answered 500 after the letter was stored (a retry with the same id is a duplicate).
    public var failAfterStoreShare: Double
    /// Share of sends whose connection is dropped without an answer after the letter was stored
    /// ("accepted but response lost").
    public var dropAfterStoreShare: Double
    /// Share of accepted letters whose transport fails in the access point: status `FEILET` instead of
    /// `SENDT`, and no receipt (spec 10.3).
    public var transportFailureShare: Double
    /// Seconds added before every access point answer.
    public var latency: Double
    /// The seed of the random source deciding which requests fail.
    public var randomSeed: UInt64

    /// No faults unless told otherwise.
    public init(requestsPerSecond: Int? = nil, unavailableShare: Double = 0, failAfterStoreShare: Double = 0,
                dropAfterStoreShare: Double = 0, transportFailureShare: Double = 0, latency: Double = 0,
                randomSeed: UInt64 = 2) {
        self.requestsPerSecond = requestsPerSecond
        self.unavailableShare = unavailableShare
        self.failAfterStoreShare = failAfterStoreShare
        self.dropAfterStoreShare = dropAfterStoreShare
        self.transportFailureShare = transportFailureShare
        self.latency = latency
        self.randomSeed = randomSeed
    }
}
