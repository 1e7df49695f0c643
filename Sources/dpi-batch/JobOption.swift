/// The `--job ID` option several commands take.
enum JobOption {
    /// The job id from `--job`, required.
    static func required(_ arguments: Arguments) throws(UsageError) -> Int64 {
        guard let text = arguments[option: "job"] else { throw UsageError("--job ID is required") }
        guard let id = Int64(text), id > 0 else { throw UsageError("--job takes a job id (a positive number), not '\(text)'") }
        return id
    }
}
