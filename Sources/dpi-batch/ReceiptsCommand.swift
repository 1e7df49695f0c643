import Foundation
import Mailing
import Pipeline

/// `dpi-batch receipts [--job ID] [--wait SECONDS]`: polls and reconciles receipts once, or with `--wait`
/// until every submitted letter is settled or the time is up (exit 3). SIGINT or SIGTERM ends it after the
/// page in hand is stored and acknowledged.
struct ReceiptsCommand: Command {
    static let name = "receipts"
    static let summary = "poll, verify, store and apply receipts; with --wait until every letter is settled"
    static let help = """
        usage: dpi-batch receipts [--job ID] [--wait SECONDS] [--config FILE]

        Reads the access point's unread receipts for DPI_KANAL (without and with each avsenderidentifikator
        the jobs use), page by page until none is left. Each receipt is verified (JWS, certificate chain to
        DPI_TRUST_ANCHORS, signed by the provider its letter went to), stored whole in dpi.receipt once, and
        moves its letter forward: delivered, opened, accepted_for_print, posted, returned, failed; a failed
        notification sets notification_failed. Only then is it acknowledged. Receipts that fail verification
        or match no letter go to dpi.receipt_quarantine and are acknowledged. Letters still submitted when
        their expected response time has passed are checked against the access point's statuses and become
        expired (failed when the access point reports FEILET). Receipts of every job are reconciled: they
        arrive in one queue.

        A letter is settled when delivered, opened, posted, returned, failed, expired, rejected or unreachable.
        A digital letter that asked for an opening receipt is settled at delivered (the citizen may never open
        it); a later opening receipt still moves it to opened.

        Exit 0 when done (with --wait: every submitted letter of the job, or of every job, is settled); 1 when
        it could not do its work; 3 when --wait ran out of time with letters still awaiting receipts.

        options:
          --job ID          with --wait, wait for this job's letters only; the summary counts this job
          --wait SECONDS    poll until every submitted letter is settled, at most this long
          --config FILE     KEY=value configuration lines, overriding the environment
        """
    static let valueOptions: Set<String> = ["job", "wait"]

    let job: Int64?
    let wait: TimeInterval?

    init(_ arguments: Arguments) throws(UsageError) {
        job = arguments[option: "job"] == nil ? nil : try JobOption.required(arguments)
        if let text = arguments[option: "wait"] {
            guard let seconds = TimeInterval(text), seconds >= 0, seconds.isFinite else {
                throw UsageError("--wait takes a number of seconds, not '\(text)'")
            }
            wait = seconds
        } else {
            wait = nil
        }
    }

    func run(_ configuration: Configuration) throws -> Int32 {
        let logger = Logger(label: "receipts")
        let stop = Cancellation()
        let trap = SignalTrap(onRepeat: { _ in exit(130) }, handler: { signal in
            logger.info("signal \(signal): finishing the page in hand, then stopping")
            stop.cancel("interrupted by signal \(signal)")
        })
        defer { trap.cancel() }
        let reconciler = try ReceiptReconciler(services: try ReceiptServices(configuration: configuration,
                                                                              logger: logger))
        if let job, try !reconciler.store.jobExists(job) {
            throw MailingError(.unknownJob, "there is no job \(job)")
        }
        let outcome: ReceiptReconciler.WaitOutcome
        if let wait {
            outcome = try reconciler.reconcile(until: Date().addingTimeInterval(wait), job: job, stop: stop)
        } else {
            outcome = ReceiptReconciler.WaitOutcome(tally: try reconciler.reconcile(),
                                                    backlog: try reconciler.store.backlog(job: job))
        }
        let scope = job.map { "job \($0)" } ?? "all jobs"
        let backlog = outcome.backlog
        print("receipts: \(outcome.tally.summary); \(scope): \(backlog.awaiting) letters await receipts"
              + (backlog.unsent > 0 ? ", \(backlog.unsent) not yet submitted (run the job)" : ""))
        guard wait != nil, backlog.awaiting > 0 else { return 0 }
        FileHandle.standardError.write(Data((
            "dpi-batch receipts: \(backlog.awaiting) submitted letters of \(scope) still await receipts after "
                + "--wait \(Int(wait ?? 0)) s; run it again later (letters expire at their expected response time)\n"
        ).utf8))
        return 3
    }
}
