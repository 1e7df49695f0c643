import Foundation
@testable import Mailing
import Postgres
import TestSupport

/// A fresh, migrated database with one job for the run's tests.
struct RunDatabase {
    let url: String

    /// Runs `body` with a fresh database migrated with the project's migrations.
    static func with<T>(_ body: (RunDatabase) throws -> T) throws -> T {
        try TestDatabase.withFreshDatabase { url throws in
            _ = try SchemaMigrator(connection: try Connection(url)).migrate(try Migration.load(from: MigrationFolder.project))
            return try body(RunDatabase(url: url))
        }
    }

    /// The database at `url` (another cluster's), migrated.
    static func migrated(_ url: String) throws -> RunDatabase {
        _ = try SchemaMigrator(connection: try Connection(url)).migrate(try Migration.load(from: MigrationFolder.project))
        return RunDatabase(url: url)
    }

    /// A new connection.
    func connect() throws -> Connection { try Connection(url) }

    /// A job named `name` with `count` recipients `r0`, `r1`, ... (person ids from `personId`); returns its id.
    func job(recipients count: Int, pipeline: String = "{}",
             personId: (Int) -> String? = { _ in nil }) throws -> Int64 {
        let connection = try connect()
        let job: Int64 = try connection.query("""
            INSERT INTO dpi.mailing_job (name, pipeline) VALUES ('test', \(pipeline)::jsonb) RETURNING id
            """)[0].decode("id")
        _ = try connection.copy(into: "recipient", schema: "dpi", columns: ["job_id", "external_ref", "person_id"]) { writer in
            for index in 0..<count {
                try writer.append([job, "r\(index)", personId(index)] as [any PostgresEncodable])
            }
        }
        return job
    }

    /// The first column of the first row of `sql`, as psql prints it.
    func value(_ sql: String) throws -> String { try TestDatabase.psql(url, sql) }
}
