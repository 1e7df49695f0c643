import Postgres
import TestSupport

/// The shared test database seen through this module's own `Connection` (TestSupport itself stays free of
/// libpq): a fresh schema per test, so tests run in parallel.
extension TestDatabase {
    /// A new connection whose `search_path` is `schema` only.
    static func connect(schema: String) throws -> Connection {
        try Connection(try url(schema: schema))
    }

    /// Runs `body` with a connection inside a fresh schema, and the schema's name; the schema is dropped
    /// afterwards.
    static func withSchema<T>(_ body: (Connection, String) throws -> T) throws -> T {
        try withFreshSchema { url, schema in
            try body(try Connection(url), schema)
        }
    }
}
