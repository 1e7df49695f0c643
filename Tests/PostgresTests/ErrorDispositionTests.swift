import ErrorDisposition
import Postgres
import Testing
import TestSupport

@Suite("Errors carry SQLSTATE and the right disposition")
struct ErrorDispositionTests {
    @Test("SQLSTATEs map to retry, reject or abort", arguments: [
        ("08006", Disposition.retry), ("40001", .retry), ("40P01", .retry), ("53300", .retry),
        ("57P01", .retry), ("57P03", .retry), ("55P03", .retry), ("22P02", .reject), ("23505", .reject),
        ("23503", .reject), ("42601", .abort), ("42P01", .abort), ("28P01", .abort), ("3D000", .abort),
        ("57014", .abort), ("XX000", .abort),
    ])
    func dispositionTable(_ sqlState: String, _ expected: Disposition) {
        #expect(PostgresError.disposition(forSQLState: sqlState) == expected)
    }

    @Test("a unique violation is a reject naming the constraint, with data only in debugDescription")
    func uniqueViolation() throws {
        try TestDatabase.withSchema { connection, _ in
            try connection.execute("CREATE TABLE t (email text CONSTRAINT t_email_key UNIQUE)")
            try connection.execute("INSERT INTO t VALUES (\("kari@example.no"))")
            let error = try #require(throws: PostgresError.self) {
                try connection.execute("INSERT INTO t VALUES (\("kari@example.no"))")
            }
            #expect(error.code == .server)
            #expect(error.sqlState == "23505")
            #expect(error.disposition == .reject)
            #expect(error.description.contains("t_email_key"))
            #expect(!error.description.contains("kari@example.no"))
            #expect(error.debugDescription.contains("kari@example.no"))
        }
    }

    @Test("a syntax error and an undefined table are aborts")
    func syntaxAndUndefined() throws {
        let connection = try Connection(try TestDatabase.serverURL())
        let syntax = try #require(throws: PostgresError.self) { try connection.execute("SELEC 1") }
        #expect(syntax.sqlState == "42601")
        #expect(syntax.disposition == .abort)
        let undefined = try #require(throws: PostgresError.self) { try connection.query("SELECT * FROM no_such_t") }
        #expect(undefined.sqlState == "42P01")
        #expect(undefined.disposition == .abort)
        #expect(try connection.query("SELECT 1 AS one").count == 1, "the connection is still usable")
    }

    @Test("a row locked by another session gives a retry error with FOR UPDATE NOWAIT")
    func lockNotAvailable() throws {
        try TestDatabase.withSchema { connection, schema in
            try connection.execute("CREATE TABLE t (id int PRIMARY KEY)")
            try connection.execute("INSERT INTO t VALUES (1)")
            let other = try TestDatabase.connect(schema: schema)
            let error = try connection.transaction { connection in
                try connection.execute("SELECT id FROM t WHERE id = 1 FOR UPDATE")
                return try #require(throws: PostgresError.self) {
                    try other.query("SELECT id FROM t WHERE id = 1 FOR UPDATE NOWAIT")
                }
            }
            #expect(error.sqlState == "55P03")
            #expect(error.disposition == .retry)
        }
    }

    @Test("a bad value is a reject; decoding the wrong type names the column and the type")
    func dataErrors() throws {
        let connection = try Connection(try TestDatabase.serverURL())
        let cast = try #require(throws: PostgresError.self) { try connection.query("SELECT \("x1")::int") }
        #expect(cast.sqlState == "22P02")
        #expect(cast.disposition == .reject)

        let row = try #require(try connection.query("SELECT 'abc'::text AS name, NULL::int AS missing").first)
        let wrongType = try #require(throws: PostgresError.self) { try row.decode("name", as: Int.self) }
        #expect(wrongType.code == .decodingFailed)
        #expect(wrongType.description.contains("\"name\"") && wrongType.description.contains("Int"))
        let null = try #require(throws: PostgresError.self) { try row.decode("missing", as: Int.self) }
        #expect(null.description.contains("\"missing\"") && null.description.contains("NULL"))
        let absent = try #require(throws: PostgresError.self) { try row.decode("nope", as: Int.self) }
        #expect(absent.description.contains("\"nope\""))
    }
}
