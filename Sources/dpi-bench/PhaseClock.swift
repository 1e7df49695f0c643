import Foundation

/// Cuts the machine's monotonic clock, which every thread and process reads alike, into phases of equal
/// length that take turns: letters, bare signatures, a letter's cryptography alone. Threads that pick their
/// next piece of work by it seal beside sealing and sign beside signing without waiting for each other, in
/// long enough runs of each (`openssl speed` signs without a break, and a sealing run seals without one).
///
/// It replaced a barrier after 4 letters and 8 signatures: in runs that short, the signatures right
/// after letters ran about 5% slower than in a steady run, which flattered the one-core ratio by 4–5
/// points (two threads agreed either way).
struct PhaseClock {
    enum Phase: CaseIterable {
        case letters
        case signatures
        case cryptography
    }

    /// Seconds per phase.
    let length: Double

    /// Seconds on `CLOCK_MONOTONIC`.
    func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The phase the clock is in at `time`.
    func phase(at time: Double) -> Phase {
        Phase.allCases[Int(time / length) % Phase.allCases.count]
    }
}
