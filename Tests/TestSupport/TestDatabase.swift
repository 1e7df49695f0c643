import Foundation

/// The PostgreSQL server of `ops/with-postgres` (DPI_DATABASE_URL). Tests that need it fail without
/// it — they never skip — and each takes a database of its own so that tests run in parallel.
public enum TestDatabase {
    /// The server's connection string; throws saying how to run the tests when it is not set.
    public static func serverURL() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["DPI_DATABASE_URL"], !url.isEmpty else {
            throw TestEnvironmentError("DPI_DATABASE_URL is not set: run the tests with ops/test "
                + "(or ops/with-postgres swift test)")
        }
        return url
    }

    /// Runs `body` with the connection string of a new, empty database, dropped afterwards.
    public static func withFreshDatabase<T>(_ body: (String) throws -> T) throws -> T {
        let server = try serverURL()
        let name = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        try psql(server, "CREATE DATABASE \(name)")
        defer { _ = try? psql(server, "DROP DATABASE \(name) WITH (FORCE)") }
        return try body(url(server, database: name))
    }

    /// Runs SQL through the real psql client (for setup and for checking what the code under test did).
    @discardableResult
    public static func psql(_ url: String, _ sql: String) throws -> String {
        try ChildProcess.succeed("psql", ["-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", url, "-c", sql]).text
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `url` (a postgresql:// URI as ops/with-postgres prints it) pointing at `database` instead.
    private static func url(_ server: String, database: String) throws -> String {
        guard var components = URLComponents(string: server), components.scheme?.hasPrefix("postgres") == true else {
            throw TestEnvironmentError("DPI_DATABASE_URL must be a postgresql:// URI for these tests")
        }
        components.path = "/" + database
        guard let url = components.string else { throw TestEnvironmentError("cannot rebuild \(server)") }
        return url
    }
}
