import Foundation

/// Runs real command-line tools (the openssl CLI, ops scripts) and captures what they print.
enum Command {
    /// What a finished command left behind.
    struct Result: Sendable {
        let status: Int32
        let stdout: Data
        let stderr: String
        var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// Runs `executable` (a path, or a name looked up on PATH) with `arguments`; output goes through files so
    /// large outputs cannot fill a pipe and stall the child.
    static func run(_ executable: String, _ arguments: [String], input: Data? = nil) throws -> Result {
        try TemporaryDirectory.with { folder in
            let outURL = folder.appendingPathComponent("stdout")
            let errURL = folder.appendingPathComponent("stderr")
            let inURL = folder.appendingPathComponent("stdin")
            try Data().write(to: outURL)
            try Data().write(to: errURL)
            try (input ?? Data()).write(to: inURL)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
            process.standardOutput = try FileHandle(forWritingTo: outURL)
            process.standardError = try FileHandle(forWritingTo: errURL)
            process.standardInput = try FileHandle(forReadingFrom: inURL)
            try process.run()
            process.waitUntilExit()
            return Result(status: process.terminationStatus, stdout: try Data(contentsOf: outURL),
                          stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
        }
    }

    /// Runs the openssl CLI and throws unless it exits with 0.
    @discardableResult
    static func openssl(_ arguments: String..., input: Data? = nil) throws -> Result {
        let result = try run("openssl", arguments, input: input)
        guard result.status == 0 else { throw CommandFailure(result: result) }
        return result
    }
}

/// A command that exited non-zero; its stderr is in the description so the test log shows why.
struct CommandFailure: Error, CustomStringConvertible {
    let result: Command.Result
    var description: String { "command failed with status \(result.status): \(result.stderr)" }
}
