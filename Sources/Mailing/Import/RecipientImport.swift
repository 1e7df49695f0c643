public import Foundation
public import Postgres

/// `dpi-batch import`: creates a mailing job from a pipeline file and a recipient CSV.
///
/// The job row (`dpi.mailing_job`, state `ready`, the definition stored with its `baseDirectory`) and
/// the recipients (streamed into `dpi.recipient` with one `COPY`, which the schema's trigger gives
/// their `dpi.delivery` rows) are written in one transaction: a refused or failed import leaves
/// nothing behind. The CSV is read record by record while it is copied, so memory stays flat for any
/// file size except the set of `external_ref`s kept to find repeats.
public struct RecipientImport {
    /// Rows between two `progress` calls.
    public static let progressInterval = 10_000

    /// Whether synthetic test person ids (month + 40 or + 80) are accepted; true by default for now,
    /// while only test environments are used. Set it to false for production mailings.
    public var allowSyntheticPersonIDs: Bool
    /// Called with the number of rows read so far, every `progressInterval` rows.
    public var progress: (Int) -> Void

    /// An import with the given policy and progress callback.
    public init(allowSyntheticPersonIDs: Bool = true, progress: @escaping (Int) -> Void = { _ in }) {
        self.allowSyntheticPersonIDs = allowSyntheticPersonIDs
        self.progress = progress
    }

    /// Validates `pipelineFile`, then creates the job named `name` (default: the pipeline's name) and
    /// imports every good row of `csvFile`. Bad rows are skipped and reported; with `strict`, any bad
    /// row refuses the whole import (every bad row is still listed in the error).
    ///
    /// - Throws: `PipelineError` (definition invalid), `ImportError` (file, header, strict refusal,
    ///   nothing to import) or `PostgresError`; in every case nothing was written.
    public func run(pipelineFile: URL, csvFile: URL, name: String?, strict: Bool,
                    connection: Connection) throws -> ImportSummary {
        try run(pipeline: try PipelineDefinition.load(file: pipelineFile), csvFile: csvFile, name: name,
                strict: strict, connection: connection)
    }

    /// As ``run(pipelineFile:csvFile:name:strict:connection:)`` with a definition already loaded (and so
    /// validated), e.g. to report its problems before connecting to the database.
    ///
    /// - Throws: `ImportError` or `PostgresError`; in every case nothing was written.
    public func run(pipeline: PipelineDefinition, csvFile: URL, name: String?, strict: Bool,
                    connection: Connection) throws -> ImportSummary {
        let reader = try RecipientCSVReader(file: csvFile)
        guard let header = try reader.next() else { throw ImportError(.emptyFile) }
        var validator = RecipientValidator(columns: try RecipientColumns(header: header), pipeline: pipeline,
                                           allowSyntheticPersonIDs: allowSyntheticPersonIDs)
        var rejected: [RowProblem] = [], rejectedCount = 0, read = 0
        return try connection.transaction { connection in
            let jobID: Int64 = try connection.query("""
                INSERT INTO dpi.mailing_job (name, pipeline) VALUES (\(name ?? pipeline.name), \(json: pipeline))
                RETURNING id
                """)[0].decode("id")
            let imported = try connection.copy(into: "recipient", schema: "dpi", columns: RecipientRow.columns) {
                writer in
                while let record = try reader.next() {
                    read += 1
                    if read % Self.progressInterval == 0 { progress(read) }
                    switch validator.check(record) {
                    case .accepted(let row) where !(strict && rejectedCount > 0):
                        try writer.append(row.values(jobID: jobID))
                    case .accepted:
                        continue
                    case .rejected(let problem):
                        rejectedCount += 1
                        if rejected.count < ImportSummary.reportedRowLimit { rejected.append(problem) }
                    }
                }
                if strict && rejectedCount > 0 {
                    throw ImportError(.strictRefused(rejected: rejectedCount), rejectedRows: rejected)
                }
                if writer.rowCount == 0 {
                    throw ImportError(.nothingToImport(rejected: rejectedCount), rejectedRows: rejected)
                }
            }
            return ImportSummary(jobID: jobID, imported: imported, rejectedRows: rejected,
                                 rejectedCount: rejectedCount)
        }
    }
}
