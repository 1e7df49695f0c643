import Foundation
import Testing
import TestSupport

@Suite("ChildProcess and BackgroundProcess run real commands without hanging the test run")
struct ChildProcessTests {
    @Test("standard input, output, error and the exit code of a command all come back")
    func capturesEverything() throws {
        let result = try ChildProcess.run("sh", ["-c", "cat; echo oops >&2; exit 3"], input: Data("hello".utf8))
        #expect(result.status == 3)
        #expect(result.text == "hello")
        #expect(result.stderr == "oops\n")
    }

    @Test("a command that leaves a daemon running still counts as finished (ops/pg-cluster start does)")
    func daemonDoesNotBlockTheWait() throws {
        let folder = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pidFile = folder.appendingPathComponent("daemon.pid").path
        let result = try ChildProcess.run(
            "sh", ["-c", "sleep 30 </dev/null >/dev/null 2>&1 & echo $! > \(pidFile); echo started"],
            timeout: .seconds(20))
        #expect(result.text == "started\n")
        let daemon = try #require(pid_t(String(contentsOfFile: pidFile, encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)))
        defer { kill(daemon, SIGKILL) }
        #expect(isAlive(daemon), "run returned while the daemon still runs, not after it")
    }

    @Test("a command still running at its timeout is killed and reported as an error")
    func timeoutKillsAndThrows() throws {
        let error = try #require(throws: TestEnvironmentError.self) {
            try ChildProcess.run("sleep", ["30"], timeout: .milliseconds(200))
        }
        #expect(error.description.contains("did not finish"))
    }

    @Test("succeed throws with the command's error output unless it exits 0")
    func succeedThrowsOnFailure() throws {
        let error = try #require(throws: TestEnvironmentError.self) {
            try ChildProcess.succeed("sh", ["-c", "echo broken-tool >&2; exit 1"])
        }
        #expect(error.description.contains("broken-tool"))
        #expect(try ChildProcess.succeed("true", []).status == 0)
    }

    @Test("stopping a background process ends it and what it started in its process group")
    func stopEndsTheProcessGroup() throws {
        let process = try BackgroundProcess("sh", ["-c", "sleep 30 & echo $!; wait"])
        #expect(waitUntil(timeout: .seconds(10)) { process.output().last == UInt8(ascii: "\n") })
        let child = try #require(pid_t(String(decoding: process.output(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(process.isRunning)
        process.stop()
        #expect(!process.isRunning)
        #expect(process.status == 128 + SIGKILL)
        #expect(waitUntil(timeout: .seconds(10)) { !isAlive(child) }, "the grandchild was killed too")
    }

    @Test("a command that cannot be found is a thrown error, not a crash")
    func missingCommand() throws {
        #expect(throws: TestEnvironmentError.self) { try ChildProcess.run("no-such-command-dpi", []) }
    }

    /// True while `pid` runs: it exists and is not a zombie waiting for a (possibly absent) reaper.
    private func isAlive(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let state = stat.split(separator: ")").last?.split(separator: " ").first else { return false }
        return state != "Z"
    }
}
