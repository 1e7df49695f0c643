public import Foundation

/// Runs real command-line tools (openssl, psql, ops scripts, the dpi-batch binary) and captures what
/// they print. Output goes through files so a large output cannot fill a pipe and stall the child.
public enum ChildProcess {
    /// What a finished command left behind.
    public struct Result: Sendable {
        public let status: Int32
        public let stdout: Data
        public let stderr: String
        /// Standard output as UTF-8 text.
        public var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// Runs `executable` (a path, or a name looked up on PATH) with `arguments`, optional standard
    /// input and extra environment variables, and waits for it.
    public static func run(
        _ executable: String, _ arguments: [String], input: Data? = nil, environment: [String: String] = [:]
    ) throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dpi-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("stdout"), errURL = folder.appendingPathComponent("stderr")
        let inURL = folder.appendingPathComponent("stdin")
        for (url, data) in [(outURL, Data()), (errURL, Data()), (inURL, input ?? Data())] {
            try data.write(to: url)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardInput = try FileHandle(forReadingFrom: inURL)
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: try Data(contentsOf: outURL),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// As `run`, but throws with the command's stderr unless it exits 0.
    @discardableResult
    public static func succeed(
        _ executable: String, _ arguments: [String], input: Data? = nil, environment: [String: String] = [:]
    ) throws -> Result {
        let result = try run(executable, arguments, input: input, environment: environment)
        guard result.status == 0 else {
            throw TestEnvironmentError("\(executable) \(arguments.joined(separator: " ")) exited \(result.status): "
                + result.stderr)
        }
        return result
    }
}
