/// A deterministic random source (SplitMix64): the same seed gives the same draws, so a test that asks for
/// "30 % `feil` receipts" gets the same letters failing on every run.
struct SeededRandom: Sendable {
    private var state: UInt64

    /// A generator starting from `seed`.
    init(seed: UInt64) {
        state = seed
    }

    /// A generator for one letter: `seed` mixed with the message id, so a letter's fate does not depend on
    /// the order in which concurrent requests arrive.
    init(seed: UInt64, messageId: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325   // FNV-1a over the id
        for byte in messageId.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        state = seed ^ hash
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// True with probability `share` (0 never, 1 always).
    mutating func chance(_ share: Double) -> Bool {
        guard share > 0 else { return false }
        return Double(next() >> 11) / Double(1 << 53) < share
    }
}
