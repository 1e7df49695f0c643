import Foundation

/// A PostgreSQL cluster of a test's own, started by the real `ops/pg-cluster` in a fresh folder under /tmp,
/// for tests that restart or reconfigure the server and so must not touch the shared one.
public struct TestCluster: Sendable {
    /// The cluster's connection string (user postgres, trust authentication, loopback only).
    public let url: String
    /// The cluster's folder; its data directory (with pg_hba.conf) is `folder/data`.
    public let folder: String

    /// Starts a new cluster, runs `body` with it, then stops the cluster and deletes its folder.
    /// Under /tmp because the server runs as user postgres when the tests run as root.
    public static func with<T>(_ body: (TestCluster) throws -> T) throws -> T {
        let folder = "/tmp/dpi-pg-test-" + UUID().uuidString.prefix(8).lowercased()
        defer {
            _ = try? control("stop", folder)
            try? FileManager.default.removeItem(atPath: folder)
        }
        let url = try control("start", folder).trimmingCharacters(in: .whitespacesAndNewlines)
        return try body(TestCluster(url: url, folder: folder))
    }

    /// A fast restart on the same port: every open connection is cut.
    public func restart() throws {
        try Self.control("restart", folder)
    }

    @discardableResult
    private static func control(_ command: String, _ folder: String) throws -> String {
        try ChildProcess.succeed(Repository.ops("pg-cluster"), [command, folder], timeout: .seconds(120)).text
    }
}
