public import Foundation

/// Whether a job may start sending now: its `not_before` has passed and its pipeline's send window is open.
/// `run` checks it before sending anything; the run's supervisor then stops it when the window closes.
public enum RunReadiness: Sendable, Equatable {
    /// Sending may start.
    case ready
    /// The job's `not_before` is still ahead.
    case scheduled(notBefore: Date)
    /// The send window is closed; it opens at the date (nil: it never opens, no day listed).
    case windowClosed(opensAt: Date?)

    /// One line for the operator: what holds the job back and when that ends; nil when ready.
    public func explanation(job: Int64) -> String? {
        switch self {
        case .ready:
            nil
        case .scheduled(let notBefore):
            "job \(job) is scheduled for \(Self.text(notBefore)) (not_before); nothing was sent. "
                + "`dpi-batch run --due` starts it then; `run --job \(job) --now` starts it at once"
        case .windowClosed(let opensAt?):
            "job \(job) is outside its send window; it opens at \(Self.text(opensAt)). Nothing was sent"
        case .windowClosed(nil):
            "job \(job)'s send window lists no day, so it never opens; fix schedule.sendWindow. Nothing was sent"
        }
    }

    /// `2026-11-27T07:00:00Z`.
    static func text(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }
}

extension RunSetup {
    /// Whether the job may send at `now`; `ignoringNotBefore` is `run --now`. The window is checked even then.
    public func readiness(at now: Date = Date(), ignoringNotBefore: Bool = false) -> RunReadiness {
        if !ignoringNotBefore, let notBefore, notBefore > now {
            return .scheduled(notBefore: notBefore)
        }
        guard pipeline.schedule.isOpen(at: now) else {
            return .windowClosed(opensAt: pipeline.schedule.nextOpening(after: now))
        }
        return .ready
    }
}
