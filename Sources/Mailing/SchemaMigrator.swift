public import Postgres

/// Brings schema `dpi` up to date with the files of `sql/migrations/` (`dpi-batch migrate`).
///
/// Each migration runs in its own transaction together with the row recording it in
/// `dpi.schema_migration` (version, file name, checksum), so it is applied whole or not at all, and
/// exactly once: a rerun finds it recorded. Concurrent `migrate`s queue on an advisory lock.
public struct SchemaMigrator {
    /// What `migrate` found and did.
    public struct Outcome: Sendable, Equatable {
        /// The migrations this call applied, in order.
        public var applied: [Migration]
        /// The schema version afterwards (the highest applied number; 0 for none).
        public var version: Int
    }

    /// The key of the advisory lock that serialises migrations of one database.
    private static let lockKey: Int64 = 0x6470_695f_6d69_6772   // "dpi_migr"

    private let connection: Connection

    /// A migrator working through `connection`.
    public init(connection: Connection) {
        self.connection = connection
    }

    /// Applies every migration of `migrations` not applied yet, after checking that the applied
    /// ones are unchanged. Throws `MigrationError` (naming the file) or a `PostgresError`.
    public func migrate(_ migrations: [Migration]) throws -> Outcome {
        try connection.execute("SELECT pg_advisory_lock(\(Self.lockKey))")
        defer { _ = try? connection.execute("SELECT pg_advisory_unlock(\(Self.lockKey))") }
        try connection.executeScript("""
            CREATE SCHEMA IF NOT EXISTS dpi;
            CREATE TABLE IF NOT EXISTS dpi.schema_migration (
                version    integer     PRIMARY KEY,
                file_name  text        NOT NULL,
                checksum   text        NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            );
            """)
        var applied: [Migration] = []
        for migration in try pending(migrations) {
            do {
                try connection.transaction { connection in
                    try connection.executeScript(migration.sql)
                    try connection.execute("""
                        INSERT INTO dpi.schema_migration (version, file_name, checksum)
                        VALUES (\(migration.version), \(migration.fileName), \(migration.checksum))
                        """)
                }
            } catch let error as PostgresError {
                throw MigrationError(.failed(migration.fileName, reason: String(reflecting: error)))
            }
            applied.append(migration)
        }
        return Outcome(applied: applied, version: try recordedVersions().keys.max() ?? 0)
    }

    /// The migrations of `migrations` not yet applied, in order; throws when the recorded ones and
    /// the files disagree (edited, unknown or out-of-order migrations). Reading only; call it to
    /// check that a database is up to date before a run.
    public func pending(_ migrations: [Migration]) throws -> [Migration] {
        let recorded = try recordedVersions()
        for (version, entry) in recorded.sorted(by: { $0.key < $1.key }) {
            guard let file = migrations.first(where: { $0.version == version }) else {
                throw MigrationError(.unknownApplied(version: version, name: entry.fileName))
            }
            guard file.checksum == entry.checksum else { throw MigrationError(.editedAfterApply(file.fileName)) }
        }
        let latest = recorded.keys.max() ?? 0
        let pending = migrations.filter { recorded[$0.version] == nil }
        if let early = pending.first(where: { $0.version < latest }) {
            throw MigrationError(.outOfOrder(early.fileName, latestApplied: latest))
        }
        return pending
    }

    /// Version → (file name, checksum) of every recorded migration; empty before the first migrate.
    private func recordedVersions() throws -> [Int: (fileName: String, checksum: String)] {
        let exists: Bool = try connection.query("SELECT to_regclass('dpi.schema_migration') IS NOT NULL AS found")[0]
            .decode("found")
        guard exists else { return [:] }
        var versions: [Int: (fileName: String, checksum: String)] = [:]
        for row in try connection.query("SELECT version, file_name, checksum FROM dpi.schema_migration") {
            versions[try row.decode("version")] = (try row.decode("file_name"), try row.decode("checksum"))
        }
        return versions
    }
}
