import Foundation
import Postgres
import Testing
import TestSupport

@Suite("Connecting: both connection string forms, session settings and clear errors")
struct ConnectionTests {
    /// The shared test server's port, read from its URI.
    private func port() throws -> Int {
        try #require(URLComponents(string: try TestDatabase.serverURL())?.port, "DPI_DATABASE_URL has no port")
    }

    @Test("a URI and a keyword/value string both connect")
    func bothForms() throws {
        let uri = try Connection(try TestDatabase.serverURL())
        let keywords = try Connection("host=127.0.0.1 port=\(try port()) user=postgres dbname=postgres")
        for connection in [uri, keywords] {
            #expect(connection.isConnected)
            #expect(try connection.query("SELECT 1 AS one").first?.decode("one", as: Int.self) == 1)
        }
    }

    @Test("the session uses UTF-8, ISO dates and UTC, and keeps options given in the connection string")
    func sessionSettings() throws {
        let connection = try Connection(try TestDatabase.serverURL() + "?options=-c%20application_name%3Ddpi-test")
        let row = try #require(try connection.query("""
            SELECT current_setting('client_encoding') AS encoding, current_setting('DateStyle') AS style,
                current_setting('TimeZone') AS zone, current_setting('application_name') AS name
            """).first)
        #expect(try row.decode("encoding", as: String.self) == "UTF8")
        #expect(try row.decode("style", as: String.self).hasPrefix("ISO"))
        #expect(try row.decode("zone", as: String.self) == "UTC")
        #expect(try row.decode("name", as: String.self) == "dpi-test")
    }

    @Test("a malformed connection string is an abort error before any network access",
          arguments: ["host=127.0.0.1 port", "postgresql://[::1", "nonsense=1", "postgresql://h/db?bogus=1"])
    func malformedString(_ string: String) throws {
        let error = try #require(throws: PostgresError.self) { try Connection(string) }
        #expect(error.code == .invalidConnectionString)
        #expect(error.disposition == .abort)
    }

    @Test("an unreachable port gives a retry error naming host and port but never the password")
    func unreachableServer() throws {
        let port = try LoopbackPort.closed()
        let error = try #require(throws: PostgresError.self) {
            try Connection("postgresql://postgres:s3cret-pw@127.0.0.1:\(port)/postgres?connect_timeout=5")
        }
        #expect(error.code == .connectionFailed)
        #expect(error.disposition == .retry)
        #expect(error.description.contains("127.0.0.1:\(port)"))
        #expect(!error.description.contains("s3cret-pw"))
        #expect(!error.debugDescription.contains("s3cret-pw"))
    }

    @Test("a missing database gives an abort error naming it")
    func missingDatabase() throws {
        let error = try #require(throws: PostgresError.self) {
            try Connection("host=127.0.0.1 port=\(try port()) user=postgres dbname=no_such_db_dpi")
        }
        #expect(error.code == .databaseMissing)
        #expect(error.disposition == .abort)
        #expect(error.description.contains("no_such_db_dpi"))
    }

    @Test("an unknown role is an authentication error (abort), not a crash")
    func unknownRole() throws {
        let error = try #require(throws: PostgresError.self) {
            try Connection("host=127.0.0.1 port=\(try port()) user=no_such_role_dpi dbname=postgres")
        }
        #expect(error.disposition == .abort)
        #expect(error.code == .authenticationFailed)
        #expect(error.description.contains("no_such_role_dpi"))
    }
}
