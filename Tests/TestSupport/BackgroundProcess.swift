public import Foundation

/// A child process that runs while the test goes on (an `openssl s_server`, a silent TCP peer), or the
/// one behind `ChildProcess.run`. Its standard output and error go to files, so no pipe can fill up and
/// stall it; standard input is `input` or /dev/null.
///
/// Started with `posix_spawnp` and reaped with `waitpid`, not with Foundation's `Process`: `Process`
/// learns of the exit from the end-of-file of a socket that every descendant inherits, so
/// `waitUntilExit` hangs as long as a daemon the child started (the postmaster of `ops/pg-cluster start`)
/// lives. Here the child also gets no other inherited descriptor, no blocked signals (test runner threads
/// block some, which children would keep) and a process group of its own, which `stop` kills whole.
public final class BackgroundProcess {
    /// The process id, also the id of its process group.
    public let id: pid_t
    /// What was started, for messages.
    public let commandLine: String
    private let folder: URL
    private var waitStatus: Int32?

    /// Starts `executable` (a path, or a name looked up on PATH) with `arguments`, optional standard input
    /// and extra environment variables on top of the test process's own.
    public init(_ executable: String, _ arguments: [String], input: Data? = nil,
                environment: [String: String] = [:]) throws {
        commandLine = ([executable] + arguments).joined(separator: " ")
        folder = try TemporaryDirectory.make(prefix: "process")
        do {
            let inputPath = input == nil ? "/dev/null" : folder.appendingPathComponent("stdin").path
            try input?.write(to: URL(fileURLWithPath: inputPath))
            let variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            id = try Spawn.start(executable, arguments, environment: variables, input: inputPath,
                                 output: folder.appendingPathComponent("stdout").path,
                                 error: folder.appendingPathComponent("stderr").path)
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// True until the process has exited (it is reaped on the first check after that).
    public var isRunning: Bool {
        if waitStatus == nil {
            var status: Int32 = 0
            if waitpid(id, &status, WNOHANG) == id {
                waitStatus = status
            }
        }
        return waitStatus == nil
    }

    /// The exit status once the process has exited: its exit code, or 128 + the signal that ended it.
    public var status: Int32? {
        guard !isRunning, let waitStatus else { return nil }
        let signal = waitStatus & 0x7f
        return signal == 0 ? (waitStatus >> 8) & 0xff : 128 + signal
    }

    /// Waits until the process exits or `timeout` passes; true when it exited.
    public func wait(timeout: Duration) -> Bool {
        waitUntil(timeout: timeout) { !isRunning }
    }

    /// Kills the process and what it started in its process group (SIGKILL: nothing to clean up in a
    /// test peer), then reaps it. Does nothing once it has exited.
    public func stop() {
        guard isRunning else { return }
        kill(-id, SIGKILL)
        _ = wait(timeout: .seconds(10))
    }

    /// Everything written to standard output so far.
    public func output() -> Data {
        (try? Data(contentsOf: folder.appendingPathComponent("stdout"))) ?? Data()
    }

    /// Everything written to standard error so far, as text.
    public func errorOutput() -> String {
        String(decoding: (try? Data(contentsOf: folder.appendingPathComponent("stderr"))) ?? Data(), as: UTF8.self)
    }
}
