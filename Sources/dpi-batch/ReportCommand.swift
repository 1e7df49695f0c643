import Foundation
import Mailing
import Postgres

/// `dpi-batch report --job ID [--format table|csv|json]`: one row per recipient from `dpi.delivery_report`,
/// streamed page by page so any job size fits in memory. No person ids: the view has none.
struct ReportCommand: Command {
    static let name = "report"
    static let summary = "per-recipient delivery report of a job, as a table, CSV or JSON"
    static let help = """
        usage: dpi-batch report --job ID [--format table|csv|json] [--config FILE]

        Prints one line per recipient of the job, in recipient order, from dpi.delivery_report: recipient_id,
        external_ref, channel, provider_orgno, state, message_id, conversation_id, last_receipt_type,
        last_receipt_at, notification_failed, error. Person ids are never printed. Rows are read and written
        5,000 at a time, so a job of millions of letters streams.

        options:
          --job ID         the job
          --format F       table (default: aligned columns, long values cut), csv (RFC 4180: header line, CRLF
                           line ends, fields quoted when needed, NULL as an empty field) or json (an array of
                           objects with the column names as keys, NULL as null)
          --config FILE    KEY=value configuration lines, overriding the environment
        """
    static let valueOptions: Set<String> = ["job", "format"]

    let job: Int64
    let format: ReportWriter.Format

    init(_ arguments: Arguments) throws(UsageError) {
        job = try JobOption.required(arguments)
        let name = arguments[option: "format"] ?? "table"
        guard let format = ReportWriter.Format(rawValue: name) else {
            throw UsageError("--format takes table, csv or json, not '\(name)'")
        }
        self.format = format
    }

    func run(_ configuration: Configuration) throws -> Int32 {
        let connection = try Connection(try configuration.require(.databaseURL))
        guard try !JobStatus.read(connection, job: job).isEmpty else {
            throw MailingError(.unknownJob, "there is no job \(job)")
        }
        let output = FileHandle.standardOutput
        var writer = ReportWriter(format: format) { output.write(Data($0.utf8)) }
        writer.begin()
        try DeliveryReportReader(connection: connection).forEachPage(job: job) { try writer.write($0) }
        writer.end()
        return 0
    }
}
