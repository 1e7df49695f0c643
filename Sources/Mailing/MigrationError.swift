public import ErrorDisposition

/// Why the schema could not be brought up to date. Each case names the file or version at fault
/// and says what to do; nothing of a failing migration is applied.
public struct MigrationError: ClassifiedError, Equatable, CustomStringConvertible {
    /// What exactly is wrong.
    public enum Code: Equatable, Sendable {
        case unreadableDirectory(path: String)
        case unreadableFile(String)
        case badFileName(String)
        case duplicateVersion(String, String)
        /// An applied migration's file has changed since it was applied.
        case editedAfterApply(String)
        /// The database has a migration this dpi-batch does not know (a newer dpi-batch migrated it).
        case unknownApplied(version: Int, name: String)
        /// A new file numbered below an already applied one.
        case outOfOrder(String, latestApplied: Int)
        /// The SQL of the file failed; the database error says why.
        case failed(String, reason: String)
    }

    /// What exactly is wrong.
    public let code: Code

    init(_ code: Code) {
        self.code = code
    }

    /// Always `.abort`: the schema must be fixed before anything else runs.
    public var disposition: Disposition { .abort }

    public var description: String {
        switch code {
        case .unreadableDirectory(let path):
            "cannot read the migrations folder \(path)"
        case .unreadableFile(let name):
            "cannot read \(name) as UTF-8 text"
        case .badFileName(let name):
            "\(name): migration files are named NNNN_lowercase_words.sql"
        case .duplicateVersion(let first, let second):
            "\(first) and \(second) have the same number; renumber the newer one"
        case .editedAfterApply(let name):
            "\(name) was changed after it was applied (its checksum differs from the one recorded): "
                + "restore the applied text and put the change in a new migration"
        case .unknownApplied(let version, let name):
            "the database has migration \(version) (\(name)) applied, which this dpi-batch does not have: "
                + "a newer dpi-batch migrated it; use that version"
        case .outOfOrder(let name, let latest):
            "\(name) is numbered below migration \(latest), which is already applied: give it a higher number"
        case .failed(let name, let reason):
            "\(name) failed and was rolled back: \(reason)"
        }
    }
}
