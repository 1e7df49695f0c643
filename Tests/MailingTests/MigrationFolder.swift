import Foundation
import TestSupport

/// A temporary migrations folder whose files a test writes, edits and removes.
struct MigrationFolder {
    let path: String

    /// The project's real migrations folder.
    static let project = Repository.root.appendingPathComponent("sql/migrations").path

    /// Runs `body` with a new empty folder, deleted afterwards.
    static func with<T>(_ body: (MigrationFolder) throws -> T) throws -> T {
        try TemporaryDirectory.with(prefix: "migrations") { folder in
            try body(MigrationFolder(path: folder.path))
        }
    }

    /// Writes (or overwrites) `name` with `sql`.
    func write(_ name: String, _ sql: String) throws {
        try sql.write(toFile: (path as NSString).appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
}
