import Foundation
import Postgres
import Testing
import TestSupport

/// Needs password authentication, so it reconfigures a cluster of its own rather than the shared trust-only one.
@Suite("A wrong password is a clear abort error that never shows the password", .serialized)
struct AuthenticationTests {
    @Test("a wrong password gives .authenticationFailed naming the user; the right one connects")
    func wrongPassword() throws {
        try TestCluster.with { cluster in
            let admin = try Connection(cluster.url)
            try admin.execute("CREATE ROLE mailer LOGIN PASSWORD 'right-horse-battery'")
            try """
                local all all trust
                host all postgres 127.0.0.1/32 trust
                host all all 127.0.0.1/32 scram-sha-256
                """.write(toFile: cluster.folder + "/data/pg_hba.conf", atomically: false, encoding: .utf8)
            try admin.execute("SELECT pg_reload_conf()")
            let port = try #require(URLComponents(string: cluster.url)?.port)

            let error = try #require(throws: PostgresError.self) {
                try Connection("postgresql://mailer:wrong-staple@127.0.0.1:\(port)/postgres")
            }
            #expect(error.code == .authenticationFailed)
            #expect(error.disposition == .abort)
            #expect(error.sqlState == "28P01")
            #expect(error.description.contains("\"mailer\""))
            #expect(!error.debugDescription.contains("wrong-staple"))

            let right = try Connection("postgresql://mailer:right-horse-battery@127.0.0.1:\(port)/postgres")
            #expect(try right.query("SELECT current_user AS name").first?.decode("name", as: String.self) == "mailer")
        }
    }
}
