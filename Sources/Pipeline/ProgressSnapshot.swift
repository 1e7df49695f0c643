public import Foundation

/// Where a run stands at one moment: what `ProgressMeter` counted, ready to print as one line.
public struct ProgressSnapshot: Sendable, Equatable {
    /// Letters the run has to bring to a final state.
    public var total: Int
    /// Letters that reached a final state for this run.
    public var done: Int
    /// `done` split by final state ("submitted", "unreachable", "rejected", ...).
    public var countsByState: [String: Int]
    /// Time since the meter was made.
    public var elapsed: TimeInterval
    /// Letters done per second over the last `ProgressMeter.window` seconds (or since the start, if shorter).
    public var lettersPerSecond: Double
    /// Seconds until every letter is done at the current rate; nil while the rate is 0.
    public var eta: TimeInterval?

    /// A snapshot from its parts (the meter makes them; tests make their own).
    public init(total: Int, done: Int, countsByState: [String: Int], elapsed: TimeInterval, lettersPerSecond: Double,
                eta: TimeInterval?) {
        self.total = total
        self.done = done
        self.countsByState = countsByState
        self.elapsed = elapsed
        self.lettersPerSecond = lettersPerSecond
        self.eta = eta
    }

    /// One line for a person: `1,234/10,000 letters  250/s  ETA 0:35  submitted 1,200 · unreachable 30`.
    /// States are listed most frequent first (ties by name); the rate has one decimal below 10/s; an unknown
    /// ETA shows as `--`.
    public var line: String {
        var parts = ["\(Self.grouped(done))/\(Self.grouped(total)) letters", "\(Self.rate(lettersPerSecond))/s",
                     "ETA \(eta.map(Self.clock) ?? "--")"]
        let states = countsByState.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        if !states.isEmpty {
            parts.append(states.map { "\($0.key) \(Self.grouped($0.value))" }.joined(separator: " · "))
        }
        return parts.joined(separator: "  ")
    }

    /// `number` with a comma every three digits, whatever the locale.
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 {
                grouped.append(",")
            }
            grouped.append(digit)
        }
        return number < 0 ? "-" + grouped : grouped
    }

    /// A rate: one decimal below 10, whole and grouped from 10 up.
    static func rate(_ perSecond: Double) -> String {
        guard perSecond >= 9.95 else { return String(format: "%.1f", perSecond) }
        return grouped(Int(perSecond.rounded()))
    }

    /// A duration as `m:ss`, or `h:mm:ss` from an hour up, rounded up to a whole second.
    static func clock(_ interval: TimeInterval) -> String {
        let seconds = Int(max(interval, 0).rounded(.up))
        let (hours, minutes, rest) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
        let mmss = "\(minutes < 10 && hours > 0 ? "0" : "")\(minutes):\(rest < 10 ? "0" : "")\(rest)"
        return hours > 0 ? "\(hours):\(mmss)" : mmss
    }
}
