public import Foundation

/// Runs real command-line tools (openssl, psql, curl, ops scripts, the dpi-batch binary) to completion
/// and captures what they print, through files (see `BackgroundProcess`).
public enum ChildProcess {
    /// What a finished command left behind.
    public struct Result: Sendable {
        /// The exit code (128 + signal number when a signal ended it).
        public let status: Int32
        /// Everything written to standard output.
        public let stdout: Data
        /// Everything written to standard error, as text.
        public let stderr: String
        /// Standard output as UTF-8 text.
        public var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// Runs `executable` (a path, or a name looked up on PATH) with `arguments`, optional standard input
    /// and extra environment variables, and waits for it. A command still running after `timeout` is
    /// killed and reported as a thrown `TestEnvironmentError`, so a hung tool fails its test instead of
    /// hanging the whole run.
    public static func run(
        _ executable: String, _ arguments: [String], input: Data? = nil, environment: [String: String] = [:],
        timeout: Duration = .seconds(60)
    ) throws -> Result {
        let process = try BackgroundProcess(executable, arguments, input: input, environment: environment)
        guard process.wait(timeout: timeout), let status = process.status else {
            process.stop()
            throw TestEnvironmentError("\(process.commandLine) did not finish within \(timeout) and was killed; "
                + "stderr: \(process.errorOutput())")
        }
        return Result(status: status, stdout: process.output(), stderr: process.errorOutput())
    }

    /// As `run`, but throws with the command's stderr unless it exits 0.
    @discardableResult
    public static func succeed(
        _ executable: String, _ arguments: [String], input: Data? = nil, environment: [String: String] = [:],
        timeout: Duration = .seconds(60)
    ) throws -> Result {
        let result = try run(executable, arguments, input: input, environment: environment, timeout: timeout)
        guard result.status == 0 else {
            throw TestEnvironmentError("\(executable) \(arguments.joined(separator: " ")) exited \(result.status): "
                + result.stderr)
        }
        return result
    }

    /// Runs the real openssl CLI (the independent reference for PKI results) and throws unless it exits 0.
    @discardableResult
    public static func openssl(_ arguments: String..., input: Data? = nil) throws -> Result {
        try succeed("openssl", arguments, input: input)
    }
}
