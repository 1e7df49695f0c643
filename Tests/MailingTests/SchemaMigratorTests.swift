import Foundation
@testable import Mailing
import Postgres
import Synchronization
import Testing
import TestSupport

@Suite struct SchemaMigratorTests {
    @Test func projectMigrationsApplyOnceAndRerunIsANoOp() throws {
        let migrations = try Migration.load(from: MigrationFolder.project)
        try #require(!migrations.isEmpty)
        try TestDatabase.withFreshDatabase { url throws in
            let first = try SchemaMigrator(connection: try Connection(url)).migrate(migrations)
            #expect(first.applied.map(\.fileName) == migrations.map(\.fileName))
            #expect(first.version == migrations.last?.version)

            let second = try SchemaMigrator(connection: try Connection(url)).migrate(migrations)
            #expect(second.applied.isEmpty)
            #expect(second.version == first.version)
            #expect(try TestDatabase.psql(url, "SELECT count(*) FROM dpi.schema_migration") == "\(migrations.count)")
        }
    }

    @Test func recordedChecksumIsTheSHA256OfTheFileAsSha256sumComputesIt() throws {
        let migrations = try Migration.load(from: MigrationFolder.project)
        let file = (MigrationFolder.project as NSString).appendingPathComponent(migrations[0].fileName)
        let expected = try ChildProcess.succeed("sha256sum", [file]).text.prefix(64)
        try TestDatabase.withFreshDatabase { url throws in
            _ = try SchemaMigrator(connection: try Connection(url)).migrate(migrations)
            let recorded = try TestDatabase.psql(url, "SELECT checksum FROM dpi.schema_migration WHERE version = 1")
            #expect(recorded == String(expected))
        }
    }

    @Test func editedAppliedMigrationIsAnErrorNamingTheFile() throws {
        try MigrationFolder.with { folder throws in
            try folder.write("0001_first.sql", "CREATE TABLE dpi.first (id int);")
            try TestDatabase.withFreshDatabase { url throws in
                let connection = try Connection(url)
                _ = try SchemaMigrator(connection: connection).migrate(try Migration.load(from: folder.path))
                try folder.write("0001_first.sql", "CREATE TABLE dpi.first (id bigint);")
                let error = #expect(throws: MigrationError.self) {
                    try SchemaMigrator(connection: connection).migrate(try Migration.load(from: folder.path))
                }
                #expect(error?.code == .editedAfterApply("0001_first.sql"))
                #expect(error?.description.contains("0001_first.sql") == true)
            }
        }
    }

    @Test func failingMigrationIsRolledBackWholeAndNamed() throws {
        try MigrationFolder.with { folder throws in
            try folder.write("0001_first.sql", "CREATE TABLE dpi.first (id int);")
            try folder.write("0002_broken.sql", "CREATE TABLE dpi.second (id int);\nSELECT 1 / 0;")
            try TestDatabase.withFreshDatabase { url throws in
                let error = #expect(throws: MigrationError.self) {
                    try SchemaMigrator(connection: try Connection(url)).migrate(try Migration.load(from: folder.path))
                }
                guard case .failed(let name, let reason) = error?.code else {
                    Issue.record("expected .failed, got \(String(describing: error))")
                    return
                }
                #expect(name == "0002_broken.sql")
                #expect(reason.contains("division by zero"))
                #expect(try TestDatabase.psql(url, "SELECT to_regclass('dpi.second') IS NULL") == "t")
                #expect(try TestDatabase.psql(url, "SELECT to_regclass('dpi.first') IS NOT NULL") == "t")
                #expect(try TestDatabase.psql(url, "SELECT string_agg(version::text, ',') FROM dpi.schema_migration")
                    == "1")
            }
        }
    }

    @Test func unknownAppliedAndOutOfOrderMigrationsAreRefused() throws {
        try MigrationFolder.with { folder throws in
            try folder.write("0001_first.sql", "SELECT 1;")
            try folder.write("0003_third.sql", "SELECT 3;")
            try TestDatabase.withFreshDatabase { url throws in
                let migrator = SchemaMigrator(connection: try Connection(url))
                _ = try migrator.migrate(try Migration.load(from: folder.path))

                try folder.write("0002_second.sql", "SELECT 2;")
                #expect(throws: MigrationError(.outOfOrder("0002_second.sql", latestApplied: 3))) {
                    try migrator.migrate(try Migration.load(from: folder.path))
                }
                try FileManager.default.removeItem(atPath: folder.path + "/0002_second.sql")
                try FileManager.default.removeItem(atPath: folder.path + "/0003_third.sql")
                #expect(throws: MigrationError(.unknownApplied(version: 3, name: "0003_third.sql"))) {
                    try migrator.migrate(try Migration.load(from: folder.path))
                }
            }
        }
    }

    @Test func concurrentMigratesApplyEachMigrationOnce() throws {
        let migrations = try Migration.load(from: MigrationFolder.project)
        try TestDatabase.withFreshDatabase { url throws in
            let outcomes = Mutex<[Result<Int, any Error>]>([])
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                let outcome = Result { try SchemaMigrator(connection: try Connection(url)).migrate(migrations) }
                outcomes.withLock { $0.append(outcome.map(\.applied.count)) }
            }
            let applied = try outcomes.withLock { $0 }.map { try $0.get() }
            #expect(applied.reduce(0, +) == migrations.count, "each migration applied by exactly one caller")
            #expect(try TestDatabase.psql(url, "SELECT count(*) FROM dpi.schema_migration") == "\(migrations.count)")
        }
    }

    @Test func migrationFileNamesAreChecked() throws {
        try MigrationFolder.with { folder throws in
            try folder.write("0001_first.sql", "SELECT 1;")
            try folder.write("notes.txt", "ignored")
            #expect(try Migration.load(from: folder.path).map(\.version) == [1])
            try folder.write("0001_again.sql", "SELECT 1;")
            #expect(throws: MigrationError(.duplicateVersion("0001_again.sql", "0001_first.sql"))) {
                try Migration.load(from: folder.path)
            }
            try FileManager.default.removeItem(atPath: folder.path + "/0001_again.sql")
            try folder.write("2_Bad Name.sql", "SELECT 1;")
            #expect(throws: MigrationError(.badFileName("2_Bad Name.sql"))) { try Migration.load(from: folder.path) }
        }
        #expect(throws: MigrationError(.unreadableDirectory(path: "/nonexistent/migrations"))) {
            try Migration.load(from: "/nonexistent/migrations")
        }
    }
}
