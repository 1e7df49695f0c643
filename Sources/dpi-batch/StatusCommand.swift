import Foundation
import Mailing
import Postgres

/// `dpi-batch status [--job ID] [--json]`: every job's (or one job's) state, letters per state and channel,
/// send rate over the last minute and ETA, from `dpi.job_summary` — readable with the read-only role.
struct StatusCommand: Command {
    static let name = "status"
    static let summary = "progress of every job or one: state, letters per state and channel, rate, ETA"
    static let help = """
        usage: dpi-batch status [--job ID] [--json] [--config FILE]

        Prints each job's state, how many of its letters are done, the letters submitted per second over the
        last minute and, for a running job, the time left at that rate; then the letters per state and per
        channel (none: not routed) and the job's times. Reads dpi.job_summary and dpi.delivery only, so the
        read-only role of sql/roles/readonly.sql can run it.

        options:
          --job ID         only this job (exit 1 when there is none)
          --json           JSON instead of text: an object for --job, else an array of them, with every letter
                           state counted (keys job_id, name, state, total, states, channels,
                           notification_failed, letters_per_second, eta_seconds, not_before, created_at,
                           started_at, finished_at)
          --config FILE    KEY=value configuration lines, overriding the environment
        """
    static let valueOptions: Set<String> = ["job"]
    static let flags: Set<String> = ["json"]

    let job: Int64?
    let json: Bool

    init(_ arguments: Arguments) throws(UsageError) {
        job = arguments[option: "job"] == nil ? nil : try JobOption.required(arguments)
        json = arguments.has("json")
    }

    func run(_ configuration: Configuration) throws -> Int32 {
        let connection = try Connection(try configuration.require(.databaseURL))
        let statuses = try JobStatus.read(connection, job: job)
        if let job, statuses.isEmpty {
            throw MailingError(.unknownJob, "there is no job \(job)")
        }
        if json {
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = job == nil ? try encoder.encode(statuses) : try encoder.encode(statuses[0])
            print(String(decoding: data, as: UTF8.self))
        } else if statuses.isEmpty {
            print("no jobs yet: create one with `dpi-batch import`")
        } else {
            print(statuses.map(\.text).joined(separator: "\n\n"))
        }
        return 0
    }
}
