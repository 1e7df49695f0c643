import Postgres
import Testing
import TestSupport

@Suite("Transactions commit on return and roll back on throw")
struct TransactionTests {
    struct Boom: Error {}

    private func count(_ connection: Connection) throws -> Int {
        try #require(try connection.query("SELECT count(*) AS n FROM t").first).decode("n")
    }

    @Test("a transaction that returns is committed and returns the body's value")
    func commit() throws {
        try TestDatabase.withSchema { connection, schema in
            try connection.execute("CREATE TABLE t (n int)")
            let inserted = try connection.transaction { connection in
                try connection.execute("INSERT INTO t SELECT generate_series(1, \(3))")
            }
            #expect(inserted == 3)
            #expect(try count(try TestDatabase.connect(schema: schema)) == 3, "visible to another session")
        }
    }

    @Test("a transaction whose body throws is rolled back and the error rethrown")
    func rollback() throws {
        try TestDatabase.withSchema { connection, _ in
            try connection.execute("CREATE TABLE t (n int)")
            #expect(throws: Boom.self) {
                try connection.transaction { connection in
                    try connection.execute("INSERT INTO t VALUES (\(1))")
                    throw Boom()
                }
            }
            #expect(try count(connection) == 0)
        }
    }

    @Test("a server error inside the body rolls back, and a swallowed one makes COMMIT throw")
    func serverErrorRollsBack() throws {
        try TestDatabase.withSchema { connection, _ in
            try connection.execute("CREATE TABLE t (n int PRIMARY KEY)")
            let thrown = try #require(throws: PostgresError.self) {
                try connection.transaction { connection in
                    try connection.execute("INSERT INTO t VALUES (1), (1)")
                }
            }
            #expect(thrown.sqlState == "23505")
            let swallowed = try #require(throws: PostgresError.self) {
                try connection.transaction { connection in
                    try connection.execute("INSERT INTO t VALUES (2)")
                    _ = try? connection.execute("INSERT INTO t VALUES (2)")
                }
            }
            #expect(swallowed.code == .transactionRolledBack)
            #expect(try count(connection) == 0)
        }
    }

    @Test("a nested transaction is refused")
    func nested() throws {
        let connection = try Connection(try TestDatabase.serverURL())
        let error = try #require(throws: PostgresError.self) {
            try connection.transaction { connection in try connection.transaction { _ in } }
        }
        #expect(error.code == .invalidUse)
        #expect(try connection.query("SELECT 1 AS one").count == 1, "the connection is still usable")
    }
}
