import Mailing
import Postgres

/// `pause` and `cancel`: move a job to a state that running processes notice within a second, after which
/// they finish the letters in flight and exit with the job resumable (`pause`) or closed (`cancel`).
protocol JobStateCommand: Command {
    /// The state the job moves to.
    static var target: MailingJob.State { get }
    /// The states it may move from.
    static var from: [MailingJob.State] { get }
    var job: Int64 { get }
}

extension JobStateCommand {
    static var valueOptions: Set<String> { ["job"] }

    func run(_ configuration: Configuration) throws -> Int32 {
        let store = JobStore(connection: try Connection(try configuration.require(.databaseURL)), owner: .current())
        guard let current = try store.job(job) else {
            throw MailingError(.unknownJob, "there is no job \(job)")
        }
        if current.state == Self.target {
            print("job \(job) is already \(Self.target.rawValue)")
            return 0
        }
        guard try store.transition(job: job, to: Self.target, from: Self.from) else {
            throw MailingError(.jobNotRunnable, "job \(job) is \(current.state.rawValue); only a job that is "
                               + Self.from.map(\.rawValue).joined(separator: ", ") + " can be "
                               + Self.target.rawValue)
        }
        print("job \(job) is \(Self.target.rawValue)"
              + (Self.target == .paused ? "; `dpi-batch run --job \(job)` resumes it" : ""))
        return 0
    }
}

/// `dpi-batch pause --job ID`.
struct PauseCommand: JobStateCommand {
    static let name = "pause"
    static let summary = "stop a running job cleanly; `run --job ID` resumes it"
    static let help = """
        usage: dpi-batch pause --job ID [--config FILE]

        Marks the job paused. Processes running it stop claiming letters within a second, finish or release
        the letters in flight, and exit 0. `run --due` skips paused jobs; `run --job ID` resumes one.
        """
    static let target = MailingJob.State.paused
    static let from: [MailingJob.State] = [.ready, .running]
    let job: Int64

    init(_ arguments: Arguments) throws(UsageError) {
        job = try JobOption.required(arguments)
    }
}

/// `dpi-batch cancel --job ID`.
struct CancelCommand: JobStateCommand {
    static let name = "cancel"
    static let summary = "stop a job for good (letters already submitted still get their receipts)"
    static let help = """
        usage: dpi-batch cancel --job ID [--config FILE]

        Marks the job cancelled. Processes running it stop within a second after the letters in flight;
        letters not yet submitted are never sent. Receipts for letters already submitted are still
        reconciled.
        """
    static let target = MailingJob.State.cancelled
    static let from: [MailingJob.State] = [.ready, .running, .paused, .failed]
    let job: Int64

    init(_ arguments: Arguments) throws(UsageError) {
        job = try JobOption.required(arguments)
    }
}
