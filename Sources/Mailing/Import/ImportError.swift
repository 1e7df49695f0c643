public import ErrorDisposition

/// Why `import` refused a recipient CSV as a whole. Nothing was written: the job row and the
/// recipients are created in one transaction. Bad rows alone do not refuse an import (they are
/// skipped and reported in `ImportSummary`) unless it is strict.
///
/// `description` names lines, columns and rules, never a cell's content (it may be a person id).
public struct ImportError: ClassifiedError, Sendable, Equatable, CustomStringConvertible {
    /// What exactly is wrong.
    public enum Code: Equatable, Sendable {
        /// The CSV file cannot be opened or read.
        case unreadableFile(path: String)
        /// The file has no header line.
        case emptyFile
        /// The header has no `external_ref` column.
        case missingExternalRef
        /// Two header columns have the same name.
        case duplicateColumn(String)
        /// A header column has no name (1-based position).
        case emptyColumnName(position: Int)
        /// The header line is not UTF-8.
        case headerNotUTF8
        /// A quoted field opened on this line is never closed: the rest of the file cannot be split.
        case unterminatedQuote(line: Int)
        /// The record starting on this line is longer than the limit (usually an unbalanced quote).
        case recordTooLong(line: Int, limit: Int)
        /// A strict import found bad rows (listed in `rejectedRows`).
        case strictRefused(rejected: Int)
        /// No row could be imported (all were bad, or there were none).
        case nothingToImport(rejected: Int)
    }

    /// What exactly is wrong.
    public let code: Code
    /// The bad rows found, in file order (at most `ImportSummary.reportedRowLimit`), for the refusals
    /// caused by rows.
    public let rejectedRows: [RowProblem]

    init(_ code: Code, rejectedRows: [RowProblem] = []) {
        self.code = code
        self.rejectedRows = rejectedRows
    }

    /// Always `.abort`: the input must be fixed before the import is repeated.
    public var disposition: Disposition { .abort }

    /// What is wrong and what to fix; names lines and columns only.
    public var description: String {
        switch code {
        case .unreadableFile(let path):
            "cannot read the recipient CSV \(path)"
        case .emptyFile:
            "the recipient CSV is empty: it needs a header line naming the columns (external_ref, person_id, ...)"
        case .missingExternalRef:
            "line 1: the header has no external_ref column, which every recipient needs"
        case .duplicateColumn(let name):
            "line 1: column \(name) appears twice in the header"
        case .emptyColumnName(let position):
            "line 1: column \(position) of the header has no name"
        case .headerNotUTF8:
            "line 1: the header is not UTF-8; save the file as UTF-8"
        case .unterminatedQuote(let line):
            "line \(line): a quoted field is never closed; check the quotes of that record"
        case .recordTooLong(let line, let limit):
            "line \(line): the record is longer than \(limit) bytes; check for an unbalanced quote"
        case .strictRefused(let rejected):
            "strict import refused: \(rejected) bad row(s); nothing was imported"
        case .nothingToImport(let rejected):
            "no row could be imported (\(rejected) bad row(s)); nothing was written"
        }
    }
}
