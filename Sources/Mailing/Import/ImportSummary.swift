/// What `import` did: the job it created, how many recipients it stored, and the rows it skipped.
public struct ImportSummary: Sendable, Equatable {
    /// At most this many rejected rows are kept for the report; `rejectedCount` counts them all.
    public static let reportedRowLimit = 10_000

    /// The new `dpi.mailing_job` id.
    public let jobID: Int64
    /// Recipients stored (each with its `dpi.delivery` row).
    public let imported: Int
    /// The skipped rows, in file order (the first `reportedRowLimit`).
    public let rejectedRows: [RowProblem]
    /// Every skipped row.
    public let rejectedCount: Int
}

/// One CSV row that was not imported, and why. The reason names the column and the rule, never the
/// cell's content.
public struct RowProblem: Sendable, Hashable, CustomStringConvertible {
    /// The physical line the record starts on (the header is line 1).
    public let line: Int
    /// The column at fault, when one is.
    public let column: String?
    /// What is wrong.
    public let reason: String

    /// A problem of the record starting on `line`.
    public init(line: Int, column: String?, reason: String) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// `line 12: person_id: must have 11 digits`.
    public var description: String {
        "line \(line): " + (column.map { "\($0): " } ?? "") + reason
    }
}
