import Foundation
import Mailing
import Pipeline
import Postgres

/// `dpi-batch run --job ID | --due [--dry-run DIR]`: sends a job (or every due job) until every letter is
/// submitted or final. Safe to repeat after any failure: it resumes. SIGINT or SIGTERM stops it cleanly
/// (exit 0, job resumable); a second signal stops it at once.
struct RunCommand: Command {
    static let name = "run"
    static let summary = "send a job (or every due job) until every letter is submitted or final; resumable"
    static let help = """
        usage: dpi-batch run --job ID [--now] [--dry-run DIR] [--quiet] [--no-receipts] [--metrics-file PATH]
                                      [--metrics-port P] [--config FILE]
               dpi-batch run --due [--quiet] [--no-receipts] [--metrics-file PATH] [--metrics-port P] [--config FILE]

        Routes every open letter of the job through KRR, builds, signs and encrypts it on all cores and
        submits it to the access point under the pipeline's rate limit, recording each letter's state in
        dpi.delivery. Exactly once: a letter's ids are stored before its first attempt, and an attempt with
        an unknown outcome is resolved through the access point, never by sending a new letter. Several
        processes (on several hosts) may run the same job; they share it through leases. While it sends, a
        thread reconciles receipts as `dpi-batch receipts` does (without the expiry wait): letters move on
        to delivered, posted, failed ... as receipts arrive.

        Sending happens only inside the pipeline's schedule.sendWindow: outside it, `run --job` says when it
        opens and exits 0 without sending (`run --due` skips the job), and a run stops like a pause when the
        window closes. A job whose not_before is ahead is not sent unless --now is given.

        Exit 0 when every letter is submitted or final (unreachable and rejected letters are results), or
        when the run was paused, cancelled or interrupted (run it again to resume); 1 when it could not do
        its work (configuration, database, the access point refusing the sender).

        options:
          --job ID         the job to run (a paused job is resumed)
          --due            run every ready or running job whose not_before has passed, oldest first
          --now            with --job: start even though the job's not_before is ahead (the send window
                           still applies)
          --dry-run DIR    route and build every open letter, write <message_id>.jwt, <message_id>.cms and
                           letters.csv to DIR; send nothing and change nothing in the database
          --quiet          no progress display
          --no-receipts    do not reconcile receipts beside the run (another process runs `receipts`)
          --metrics-file PATH  write Prometheus metrics to PATH every 5 s (atomically: a temporary file in the
                           same folder, then renamed), for node_exporter's textfile collector (name it *.prom)
          --metrics-port P serve GET /metrics on 127.0.0.1:P while the run goes on
          --config FILE    KEY=value configuration lines, overriding the environment
        """
    static let valueOptions: Set<String> = ["job", "dry-run", "metrics-file", "metrics-port"]
    static let flags: Set<String> = ["due", "quiet", "now", "no-receipts"]

    let job: Int64?
    let dryRun: URL?
    let quiet: Bool
    let now: Bool
    let metricsFile: URL?
    let metricsPort: Int?
    let reconcilesReceipts: Bool

    init(_ arguments: Arguments) throws(UsageError) {
        let due = arguments.has("due")
        if due {
            guard arguments[option: "job"] == nil else { throw UsageError("give either --job ID or --due, not both") }
            guard arguments[option: "dry-run"] == nil else { throw UsageError("--dry-run needs --job ID") }
            job = nil
        } else {
            job = try JobOption.required(arguments)
        }
        dryRun = arguments[option: "dry-run"].map { URL(fileURLWithPath: $0) }
        quiet = arguments.has("quiet")
        now = arguments.has("now")
        guard !now || job != nil else { throw UsageError("--now needs --job ID") }
        metricsFile = arguments[option: "metrics-file"].map { URL(fileURLWithPath: $0) }
        if let port = arguments[option: "metrics-port"] {
            guard let number = Int(port), (1...65535).contains(number) else {
                throw UsageError("--metrics-port takes a port number 1-65535, not '\(port)'")
            }
            metricsPort = number
        } else {
            metricsPort = nil
        }
        reconcilesReceipts = !arguments.has("no-receipts")
    }

    func run(_ configuration: Configuration) throws -> Int32 {
        let logger = Logger(label: "run")
        let stop = Cancellation()
        let trap = SignalTrap(onRepeat: { _ in
            FileHandle.standardError.write(Data("dpi-batch run: second signal, stopping now\n".utf8))
            exit(130)
        }, handler: { signal in
            logger.info("signal \(signal): finishing the letters in flight, then stopping (again to stop now)")
            stop.cancel("interrupted by signal \(signal)")
        })
        defer { trap.cancel() }
        let jobs: [Int64]
        if let job {
            jobs = [job]
        } else {
            let store = JobStore(connection: try Connection(try configuration.require(.databaseURL)), owner: .current())
            jobs = try store.dueJobs()
            if jobs.isEmpty { print("no job is due") }
        }
        let observer = try RunObserver(file: metricsFile, port: metricsPort, configuration: configuration,
                                       logger: logger)
        defer { observer?.finish() }
        for id in jobs where !stop.isCancelled {
            let setup = try RunSetup(configuration: configuration, jobId: id, logger: logger, dryRunDirectory: dryRun,
                                     showsProgress: !quiet)
            if dryRun == nil, let holdBack = setup.readiness(ignoringNotBefore: now).explanation(job: id) {
                print(holdBack)
                continue
            }
            var services = setup.services
            services.metrics = observer?.metrics
            observer?.exporter.watch(job: id)
            var options = setup.options
            if reconcilesReceipts, dryRun == nil {
                options.receipts = try ReceiptServices(configuration: configuration,
                                                       logger: logger.labelled("receipts"),
                                                       maskinporten: setup.services.maskinporten)
            }
            let jobStop = Cancellation()  // a closing send window stops this job only; a signal stops them all
            stop.onCancel { jobStop.cancel(stop.reason ?? "stopped") }
            let summary = try MailingRun(services: services, options: options).run(stop: jobStop)
            print(Self.describe(summary, dryRun: dryRun))
        }
        return 0
    }

    /// The closing lines: what happened and what to do next.
    static func describe(_ summary: RunSummary, dryRun: URL?) -> String {
        let counts = summary.states.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        if let dryRun {
            return "job \(summary.jobId): dry run built \(summary.lettersHandled) letters into \(dryRun.path) "
                + "(see letters.csv); nothing was sent"
        }
        let outcome = summary.isJobDone
            ? "every letter is submitted or final"
            : "stopped (\(summary.stoppedBecause ?? "unfinished")); run it again to resume"
        return "job \(summary.jobId): \(outcome); this run handled \(summary.lettersHandled) letters. "
            + "letters by state: \(counts)"
    }
}
