import Foundation

/// The PostgreSQL server of `ops/with-postgres` (DPI_DATABASE_URL). Tests that need it fail without
/// it — they never skip — and each takes a database or schema of its own so that tests run in parallel.
///
/// Works on connection strings and the real psql client only, so this target does not link libpq and
/// stays independent of the Postgres module it helps to test.
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
        let name = uniqueName()
        try psql(server, "CREATE DATABASE \(name)")
        defer { _ = try? psql(server, "DROP DATABASE \(name) WITH (FORCE)") }
        var database = try components(of: server)
        database.path = "/" + name
        return try body(try string(of: database))
    }

    /// Runs `body` with the connection string of a new, empty schema (see `url(schema:)`) and the schema's
    /// name; the schema is dropped with everything in it afterwards. Cheaper than a fresh database.
    public static func withFreshSchema<T>(_ body: (_ url: String, _ schema: String) throws -> T) throws -> T {
        let server = try serverURL()
        let schema = uniqueName()
        try psql(server, "CREATE SCHEMA \(schema)")
        defer { _ = try? psql(server, "DROP SCHEMA \(schema) CASCADE") }
        return try body(try url(schema: schema), schema)
    }

    /// The server's connection string with `search_path` set to `schema` alone for every session (libpq's
    /// `options` parameter, so it holds again after a reconnect).
    public static func url(schema: String) throws -> String {
        var url = try components(of: try serverURL())
        // libpq rejects a second '=' in a query parameter, so the one inside the option is escaped.
        let option = URLQueryItem(name: "options", value: "-c%20search_path%3D\(schema)")
        url.percentEncodedQueryItems = (url.percentEncodedQueryItems ?? []) + [option]
        return try string(of: url)
    }

    /// Runs SQL through the real psql client (for setup and for checking what the code under test did) and
    /// returns its unaligned output, trimmed.
    @discardableResult
    public static func psql(_ url: String, _ sql: String) throws -> String {
        try ChildProcess.succeed("psql", ["-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", url, "-c", sql]).text
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A lower-case name no other test uses, valid unquoted as a database or schema name.
    private static func uniqueName() -> String {
        "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
    }

    /// The parts of `server`, which must be a postgresql:// URI as ops/with-postgres prints it.
    private static func components(of server: String) throws -> URLComponents {
        guard let components = URLComponents(string: server), components.scheme?.hasPrefix("postgres") == true else {
            throw TestEnvironmentError("DPI_DATABASE_URL must be a postgresql:// URI for these tests")
        }
        return components
    }

    private static func string(of components: URLComponents) throws -> String {
        guard let string = components.string else { throw TestEnvironmentError("cannot rebuild \(components)") }
        return string
    }
}
