import Mailing
import Postgres

/// `dpi-batch migrate`: creates or upgrades schema `dpi`.
struct MigrateCommand: MigrationsCommand {
    static let name = "migrate"
    static let summary = "create or upgrade the database schema (safe to repeat)"
    static let help = """
        usage: dpi-batch migrate [--migrations DIR] [--config FILE]

        Applies the numbered SQL files of sql/migrations/ that the database (DPI_DATABASE_URL) has not had
        yet, each in its own transaction, and records each with its checksum in dpi.schema_migration.
        Rerunning is a no-op. An applied file that was edited afterwards is an error naming the file.

        options:
          --migrations DIR   the migrations folder (default: sql/migrations of the checkout holding the
                             executable, or of the current directory)
          --config FILE      KEY=value configuration lines, overriding the environment
        """
    let migrationsFolder: String?

    func run(_ configuration: Configuration) throws -> Int32 {
        let migrations = try Migration.load(from: try MigrationsFolder.locate(given: migrationsFolder))
        let connection = try Connection(try configuration.require(.databaseURL))
        let outcome = try SchemaMigrator(connection: connection).migrate(migrations)
        for migration in outcome.applied {
            print("applied \(migration.fileName)")
        }
        print(outcome.applied.isEmpty
            ? "schema dpi is up to date at version \(outcome.version); nothing to do"
            : "schema dpi is at version \(outcome.version)")
        return 0
    }
}
