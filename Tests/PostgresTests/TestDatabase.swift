import Foundation
import Postgres
import Testing

/// The shared test database (from `ops/with-postgres`), with a private schema per test so tests run in parallel.
enum TestDatabase {
    /// The connection string; a missing variable fails the test (never skips it).
    static func url() throws -> String {
        try #require(ProcessInfo.processInfo.environment["DPI_DATABASE_URL"],
                     "DPI_DATABASE_URL is not set: run the tests via `ops/with-postgres swift test`")
    }

    /// A connection whose `search_path` is `schema` only.
    static func connect(schema: String) throws -> Connection {
        let connection = try Connection(try url())
        try connection.execute("SET search_path TO \(identifier: schema)")
        return connection
    }

    /// Runs `body` with a connection inside a fresh schema, which is dropped afterwards.
    static func withSchema<T>(_ body: (Connection, String) throws -> T) throws -> T {
        let schema = "test_" + UUID().uuidString.prefix(8).lowercased()
        let admin = try Connection(try url())
        try admin.execute("CREATE SCHEMA \(identifier: schema)")
        defer { _ = try? admin.execute("DROP SCHEMA \(identifier: schema) CASCADE") }
        return try body(try connect(schema: schema), schema)
    }

    /// Starts a cluster of its own in a fresh folder under /tmp (for tests that restart or reconfigure the
    /// server), runs `body` with its URL and folder, then stops and deletes it.
    static func withOwnCluster(_ body: (String, String) throws -> Void) throws {
        let folder = "/tmp/dpi-pg-test-" + UUID().uuidString.prefix(8).lowercased()
        defer {
            _ = try? ops("pg-cluster", "stop", folder)
            try? FileManager.default.removeItem(atPath: folder)
        }
        try body(try ops("pg-cluster", "start", folder), folder)
    }

    /// The repository root, three levels above this file.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Runs an `ops/` script and returns its standard output; fails on a non-zero exit.
    ///
    /// Uses `posix_spawn` and `waitpid` with output to a file: `Process.waitUntilExit` was seen to hang here
    /// after `ops/pg-cluster start` had exited (its server child keeps inherited descriptors).
    @discardableResult
    static func ops(_ script: String, _ arguments: String...) throws -> String {
        let path = root.appendingPathComponent("ops").appendingPathComponent(script).path
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("ops-\(UUID().uuidString)").path
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let environment = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + environment).forEach { free($0) } }
        var pid = pid_t()
        try #require(posix_spawn(&pid, path, &actions, nil, argv, environment) == 0, "could not start ops/\(script)")
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        try #require(status == 0, "ops/\(script) \(arguments) failed with wait status \(status)")
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A loopback TCP port nothing listens on: bound by the kernel's choice, then closed again.
    static func closedPort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(socket >= 0, "could not create a socket")
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(socket, generic, length) == 0 && getsockname(socket, generic, &length) == 0
            }
        }
        try #require(bound, "could not bind a loopback socket")
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
