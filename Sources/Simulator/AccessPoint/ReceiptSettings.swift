/// Which receipts the simulated providers send for accepted letters, and when (spec 16). Shares are
/// probabilities between 0 and 1, drawn per letter from a seeded random source, so runs repeat exactly.
public struct ReceiptSettings: Sendable {
    /// Seconds from acceptance to the first receipt (delivery, or reception for print).
    public var delay: Double
    /// Seconds from delivery to the opening receipt (only for letters that ask for one).
    public var openingDelay: Double
    /// Seconds from the print reception receipt to the posting (delivery) receipt: the daily cut-off.
    public var printPostingDelay: Double
    /// Share of letters answered by a `feil` (KLIENT) receipt instead of any other.
    public var errorShare: Double
    /// Share of print letters that also get a `returpostkvittering` after posting.
    public var returnedMailShare: Double
    /// Share of digital letters that also get a `varslingfeiletkvittering` (e-mail channel).
    public var notificationFailedShare: Double
    /// Share of letters that get no receipt at all (to exercise expiry).
    public var silentShare: Double
    /// Share of receipts delivered twice (the same receipt, same id).
    public var duplicateShare: Double
    /// Share of letters whose receipts arrive in reverse order (e.g. posting before reception).
    public var outOfOrderShare: Double
    /// The seed of the random source deciding each letter's receipts.
    public var randomSeed: UInt64

    /// One-second delays and the happy path unless told otherwise.
    public init(delay: Double = 1, openingDelay: Double = 1, printPostingDelay: Double = 1, errorShare: Double = 0,
                returnedMailShare: Double = 0, notificationFailedShare: Double = 0, silentShare: Double = 0,
                duplicateShare: Double = 0, outOfOrderShare: Double = 0, randomSeed: UInt64 = 1) {
        self.delay = delay
        self.openingDelay = openingDelay
        self.printPostingDelay = printPostingDelay
        self.errorShare = errorShare
        self.returnedMailShare = returnedMailShare
        self.notificationFailedShare = notificationFailedShare
        self.silentShare = silentShare
        self.duplicateShare = duplicateShare
        self.outOfOrderShare = outOfOrderShare
        self.randomSeed = randomSeed
    }
}
