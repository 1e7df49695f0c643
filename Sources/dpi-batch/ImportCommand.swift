import Foundation
import Mailing
import Postgres

/// `dpi-batch import`: creates a job from a pipeline file and a recipient CSV, printing its id.
struct ImportCommand: Command {
    static let name = "import"
    static let summary = "create a job from a pipeline file and a recipient CSV; prints the job id"
    static let help = """
        usage: dpi-batch import --pipeline FILE --csv FILE [--name N] [--strict] [--config FILE]

        Validates the pipeline definition (pipelines/README.md), then creates a job (dpi.mailing_job, state
        ready) in DPI_DATABASE_URL and one recipient per good CSV row, all in one transaction. The CSV is
        UTF-8 with a header naming its columns: external_ref, person_id, name, address_line1..address_line4,
        postal_code, city, country_code, document_path; any other column goes into the recipient's merge
        fields. Prints the job id alone on stdout; the summary and each skipped row (line and reason) go
        to stderr. Exit 0 when the job was created (even with skipped rows), 1 when refused (pipeline
        invalid, header wrong, --strict and a bad row, no good row): then nothing was written.

        options:
          --pipeline FILE   the pipeline definition (JSON); its relative paths are read from its folder
          --csv FILE        the recipients
          --name N          the job's name (default: the pipeline's name)
          --strict          refuse the whole import if any row is bad
          --config FILE     KEY=value configuration lines, overriding the environment
        """
    static let valueOptions: Set<String> = ["pipeline", "csv", "name"]
    static let flags: Set<String> = ["strict"]

    let pipeline: URL
    let csv: URL
    let jobName: String?
    let strict: Bool

    init(_ arguments: Arguments) throws(UsageError) {
        guard arguments.positional.isEmpty else { throw UsageError("unexpected \(arguments.positional[0])") }
        guard let pipeline = arguments[option: "pipeline"] else { throw UsageError("--pipeline FILE is required") }
        guard let csv = arguments[option: "csv"] else { throw UsageError("--csv FILE is required") }
        self.pipeline = URL(fileURLWithPath: pipeline)
        self.csv = URL(fileURLWithPath: csv)
        jobName = arguments[option: "name"]
        strict = arguments.has("strict")
    }

    func run(_ configuration: Configuration) throws -> Int32 {
        let definition: PipelineDefinition
        do {
            definition = try PipelineDefinition.load(file: pipeline)
        } catch {
            Self.printError("dpi-batch import: refused: \(error.source) is not a usable pipeline definition:")
            for problem in error.problems { Self.printError("  \(problem)") }
            return 1
        }
        let connection = try Connection(try configuration.require(.databaseURL))
        let start = ContinuousClock.now
        let recipientImport = RecipientImport { rows in
            let seconds = (ContinuousClock.now - start) / .seconds(1)
            Self.printError("import: \(rows) rows read in \(String(format: "%.1f", seconds)) s")
        }
        do {
            let summary = try recipientImport.run(pipeline: definition, csvFile: csv, name: jobName, strict: strict,
                                                  connection: connection)
            print(summary.jobID)
            Self.printError("import: job \(summary.jobID) created with \(summary.imported) recipient(s); "
                + "\(summary.rejectedCount) row(s) skipped")
            Self.report(summary.rejectedRows, count: summary.rejectedCount)
            return 0
        } catch let error as ImportError {
            Self.printError("dpi-batch import: refused: \(error)")
            Self.report(error.rejectedRows, count: error.rejectedRows.count)
            return 1
        }
    }

    /// Prints each skipped row, and how many more there were beyond those kept.
    private static func report(_ rows: [RowProblem], count: Int) {
        for row in rows { printError("  \(row)") }
        if count > rows.count { printError("  ... and \(count - rows.count) more") }
    }

    private static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
