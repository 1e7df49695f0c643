import Foundation

extension JobStatus {
    /// The human-readable block `dpi-batch status` prints: a headline, then the non-zero counts per state
    /// and per channel, then the times.
    ///
    /// ```
    /// job 7 'property-tax-2027' running: 4,100 of 5,000 letters done (82.0%), 312.5/s over the last minute, ETA 3 s
    ///   states: submitted 4,000, unreachable 100, routed 900
    ///   channels: digital 3,900, print 1,000, none 100
    ///   created 2026-11-26T20:00:00Z, started 2026-11-26T20:01:00Z
    /// ```
    public var text: String {
        let done = total - open
        let share = total == 0 ? 100 : Double(done) * 100 / Double(total)
        var headline = "job \(jobId) '\(name)' \(state): \(Self.count(done)) of \(Self.count(total)) letters done "
            + "(\(String(format: "%.1f", share))%), \(String(format: "%.1f", lettersPerSecond))/s over the last minute"
        if let etaSeconds { headline += ", ETA \(Self.duration(etaSeconds))" }
        let states = Self.letterStates.filter { (self.states[$0] ?? 0) > 0 }
            .map { "\($0) \(Self.count(self.states[$0] ?? 0))" }
        let channels = ["digital", "print", "none"].filter { (self.channels[$0] ?? 0) > 0 }
            .map { "\($0) \(Self.count(self.channels[$0] ?? 0))" }
        var times = ["created \(Self.time(createdAt))"]
        if let notBefore { times.append("not before \(Self.time(notBefore))") }
        if let startedAt { times.append("started \(Self.time(startedAt))") }
        if let finishedAt { times.append("finished \(Self.time(finishedAt))") }
        var lines = [headline, "  states: " + (states.isEmpty ? "none" : states.joined(separator: ", "))]
        if !channels.isEmpty { lines.append("  channels: " + channels.joined(separator: ", ")) }
        if notificationFailed > 0 { lines.append("  notification failed: \(Self.count(notificationFailed))") }
        lines.append("  " + times.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }

    /// `1,234,567`.
    static func count(_ value: Int) -> String {
        value.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))
    }

    /// `42 s`, `3 min 20 s`, `2 h 5 min`.
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds)
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 { return "\(whole / 60) min \(whole % 60) s" }
        return "\(whole / 3600) h \(whole % 3600 / 60) min"
    }

    static func time(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }
}
