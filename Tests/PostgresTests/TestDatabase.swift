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

    /// The repository root, three levels above this file.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Runs an `ops/` script and returns its standard output; fails on a non-zero exit.
    @discardableResult
    static func ops(_ script: String, _ arguments: String...) throws -> String {
        let process = Process()
        process.executableURL = root.appendingPathComponent("ops").appendingPathComponent(script)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "ops/\(script) \(arguments) exited \(process.terminationStatus)")
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
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
