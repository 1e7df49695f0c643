import ErrorDisposition
import Foundation
import Postgres
import Testing
import TestSupport

/// Restarts a PostgreSQL cluster of its own (never the shared one), so the other suites keep running undisturbed.
@Suite("The client survives a PostgreSQL restart", .serialized)
struct RestartTests {
    @Test("after a restart the next query throws a retry error or succeeds, and the following one succeeds")
    func reconnectsAfterRestart() throws {
        try TestCluster.with { cluster in
            let connection = try Connection(cluster.url)
            try connection.execute("CREATE TABLE survivors (n int)")
            try connection.execute("INSERT INTO survivors VALUES (\(1))")

            try cluster.restart()

            do {
                _ = try connection.query("SELECT count(*) AS n FROM survivors")
            } catch let error as PostgresError {
                #expect(error.disposition == .retry, "\(error.debugDescription)")
                #expect(!connection.isConnected)
            }
            let count = try connection.query("SELECT count(*) AS n FROM survivors").first?.decode("n", as: Int.self)
            #expect(count == 1)
            #expect(connection.isConnected)

            try cluster.restart()
            var retries = 0
            let policy = RetryPolicy(initialDelay: .milliseconds(10))
            let viaPolicy = try policy.run(onRetry: { _, _, _ in retries += 1 }) {
                try connection.query("SELECT count(*) AS n FROM survivors").first?.decode("n", as: Int.self)
            }
            #expect(viaPolicy == 1)
            #expect(retries <= 1)
        }
    }

    @Test("a connection lost inside a transaction fails it with a retry error and runs nothing outside it")
    func lostInsideTransaction() throws {
        try TestCluster.with { cluster in
            let connection = try Connection(cluster.url)
            try connection.execute("CREATE TABLE t (n int)")

            let error = try #require(throws: PostgresError.self) {
                try connection.transaction { connection in
                    try connection.execute("INSERT INTO t VALUES (\(1))")
                    try cluster.restart()
                    _ = try? connection.execute("INSERT INTO t VALUES (\(2))")
                    try connection.execute("INSERT INTO t VALUES (\(3))")
                }
            }
            #expect(error.disposition == .retry)
            #expect(try connection.query("SELECT n FROM t").isEmpty, "no row was stored, not even after the reconnect")
        }
    }
}
