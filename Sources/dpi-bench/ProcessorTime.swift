import Foundation

/// CPU time used so far, in seconds: the divisor of the rates, as `openssl speed` divides by CPU time too
/// and a shared machine gives a thread less than its wall-clock time.
enum ProcessorTime {
    /// CPU time of the calling thread (`CLOCK_THREAD_CPUTIME_ID`), with nanosecond resolution.
    static func thisThread() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
